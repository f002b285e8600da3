import type { CompiledScenario } from '../src/engine/compile.ts';
import type { RunEvent } from '../src/engine/machine.ts';
import { refusal, Run, startSnapshot, stepSnapshot } from '../src/engine/runtime.ts';
import { scoreRun } from '../src/engine/scoring.ts';
import type { RunState } from '../src/engine/state.ts';
import { buildView, revealedView, type GameView, type OptionView } from '../src/engine/view.ts';
import { unavailableText } from '../src/i18n/engine-text.ts';
import type { Lang } from '../src/i18n/lang.ts';
import { refusalText } from '../src/i18n/refusal-text.ts';
import { roleName } from '../src/i18n/roles.ts';
import { dimensionLabel } from '../src/i18n/vocabulary.ts';
import { MAX_RUN_INPUTS } from '../src/protocol/limits.ts';
import type { ControlMessage, CreateOptions, RoomSettings, VoteMessage } from '../src/protocol/messages.ts';
import { DEFAULT_SETTINGS } from '../src/protocol/messages.ts';
import {
  composeView,
  type Ballot,
  type BallotMessage,
  type ConsoleRoomView,
  type ParticipantEntry,
  type ParticipantView,
  type PhoneInject,
  type PhoneOption,
  type RoleView,
  type RoomPhase,
  type Tally,
  type VoteRecord,
  type VoteStateMessage,
} from '../src/protocol/views.ts';
import type { PhoneRefusal } from './phone-words.ts';
import type { ScenarioTranslations } from './scenarios.ts';

// A workshop room without the network: the scenario, seed and ordered run inputs (so the run can
// be replayed, see issue "Rooms that survive"), the seats, and the votes. Every command returns
// null or a sentence saying why it was refused. What a phone sees is decided here, from the
// engine's own state: a whitelist of fields, with role-aimed injects only for that role.
// The room has a language (the facilitator's choice); each phone's view is built for the phone's
// own language from the same run, with the scenario's text from its translation when it has one.

type Refusal = string | null;
/** Where the console's exercise stands, as control.run carries it. */
export type Stage = ControlMessage<'control.run'>['stage'];
export type DecisionStage = ControlMessage<'control.run'>['decision'];

export interface Seat {
  id: string;
  device: string;
  name: string;
  role: string;
  connected: boolean;
}

interface OpenVote {
  decision: string;
  beat: string;
  prompt: string;
  options: { id: string; label: string }[];
  open: boolean;
  revealed: boolean;
  /** By seat id; a changed vote replaces the earlier one. */
  ballots: Map<string, { option: string; confidence: number | null; rationale: string }>;
}

export interface WorkshopIds {
  /** A new unguessable id (seat ids, device tokens). */
  newId(): string;
}

export class Workshop {
  readonly settings: RoomSettings;
  readonly cap: number;
  private readonly seatsPerRole: Partial<Record<string, number>>;
  private run: Run;
  private stage: Stage = 'setup';
  private decisionStage: DecisionStage = 'open';
  private shownInputs: number | null = null;
  private shownCache: { key: string; state: RunState; view: GameView } | null = null;
  private readonly seats = new Map<string, Seat>();
  private readonly byDevice = new Map<string, string>();
  private vote: OpenVote | null = null;
  private readonly records: VoteRecord[] = [];
  private recordsChanges = 0;
  /** By role and language (`ceo/de`). */
  private readonly roleViews = new Map<string, RoleView>();
  /** The shown run's view in each translated language, for the shown run of `key` (see shown()). */
  private readonly shownIn = new Map<Lang, { key: string; view: GameView }>();
  private tallyCache: Tally | null = null;
  /** The room's language: phones without one of their own, and the presenter, follow it. */
  private roomLang: Lang;

  constructor(
    readonly code: string,
    readonly compiled: CompiledScenario,
    options: CreateOptions,
    defaultCap: number,
    private readonly ids: WorkshopIds,
    /** The scenario in other languages; none: every phone reads English. */
    private readonly translations: ScenarioTranslations = () => null,
  ) {
    this.roomLang = options.lang ?? 'en';
    this.settings = { ...(options.settings ?? DEFAULT_SETTINGS) };
    this.cap = options.cap ?? defaultCap;
    this.seatsPerRole = options.seats ?? {};
    this.run = Run.start(compiled, { seed: options.seed, partner: options.partner });
  }

  get inputs(): readonly RunEvent[] {
    return this.run.inputs;
  }

  get participantCount(): number {
    return this.seats.size;
  }

  /** The room's language (English in rooms opened before rooms had languages). */
  get lang(): Lang {
    return this.roomLang;
  }

  // ---- seats -------------------------------------------------------------------------------

  /** A new seat, or the reason there is none, worded in `lang` (the joining phone's). */
  takeSeat(name: string, role: string, lang: Lang = 'en'): Seat | PhoneRefusal {
    if (this.seats.size >= this.cap) return { key: 'workshopFull', params: { cap: this.cap } };
    const limit = this.seatsPerRole[role] ?? this.cap;
    const taken = [...this.seats.values()].filter((s) => s.role === role).length;
    if (taken >= limit) return { key: 'seatTaken', params: { role: roleName(role, lang).label } };
    const seat: Seat = { id: this.ids.newId(), device: this.ids.newId(), name: name.trim(), role, connected: true };
    this.seats.set(seat.id, seat);
    this.byDevice.set(seat.device, seat.id);
    return seat;
  }

  seatOfDevice(device: string): Seat | null {
    const id = this.byDevice.get(device);
    return id === undefined ? null : (this.seats.get(id) ?? null);
  }

  seat(id: string): Seat | null {
    return this.seats.get(id) ?? null;
  }

  setConnected(id: string, connected: boolean): void {
    const seat = this.seats.get(id);
    if (seat) seat.connected = connected;
  }

  /** Roles with their free seats, for the join page's choice. */
  freeSeats(roles: readonly string[]): { role: string; free: number }[] {
    return roles.map((role) => {
      const taken = [...this.seats.values()].filter((s) => s.role === role).length;
      return { role, free: Math.max(0, Math.min((this.seatsPerRole[role] ?? this.cap) - taken, this.cap - this.seats.size)) };
    });
  }

  // ---- the console's controls ---------------------------------------------------------------

  /**
   * Replaces the run's inputs from `from` on with `events` (replayed through the engine, each one
   * checked), and sets the stage and how much of the run the room sees. All or nothing.
   */
  sync(from: number, events: readonly RunEvent[], stage: Stage, decision: DecisionStage, shown: number | null): Refusal {
    const current = this.run.inputs;
    if (from > current.length) return `the room has ${current.length} run inputs; send from ${current.length}, not ${from}`;
    if (from + events.length > MAX_RUN_INPUTS) return `a room keeps at most ${MAX_RUN_INPUTS} run inputs`;
    if (shown !== null && shown > from + events.length) return `the room would have only ${from + events.length} run inputs to show, not ${shown}`;
    const kept = current.slice(0, from);
    // Appending (the usual case) steps the live run; an undo replays the kept inputs first.
    const run = from === current.length ? this.run : this.replay(kept);
    for (const [i, event] of events.entries()) {
      const why = refusal(this.compiled, run.state, event);
      if (why) {
        if (run === this.run) this.run = this.replay(kept);
        return `input ${from + i + 1} (${event.type}) was refused: ${refusalText(why, this.lang)}`;
      }
      run.send(event);
    }
    this.run = run;
    this.stage = stage;
    this.decisionStage = decision;
    this.shownInputs = shown;
    this.shownCache = null;
    this.syncVote();
    this.changed();
    return null;
  }

  private replay(inputs: readonly RunEvent[]): Run {
    const state = this.run.state;
    const run = Run.start(this.compiled, { seed: state.seed, partner: state.partnerId });
    for (const event of inputs) run.send(event);
    return run;
  }

  /** The facilitator chose the room's language. What each language's phones see is unchanged; who reads which is the network room's. */
  setLanguage(lang: Lang): void {
    this.roomLang = lang;
  }

  setSettings(settings: RoomSettings): void {
    Object.assign(this.settings, settings);
    this.changed();
  }

  controlVote(action: 'close' | 'reopen' | 'reveal' | 'hide'): Refusal {
    const vote = this.vote;
    if (!vote) return 'no decision is open for a vote';
    // Only the vote's state changes: the phones' role views stay as they are.
    switch (action) {
      case 'close':
        if (!vote.open) return 'the vote is already closed';
        vote.open = false;
        this.archive(vote);
        return null;
      case 'reopen':
        if (vote.open) return 'the vote is already open';
        if (this.decisionStage !== 'open') return 'the choice has been recorded; undo it to vote again';
        vote.open = true;
        return null;
      case 'reveal':
        vote.revealed = true;
        return null;
      case 'hide':
        vote.revealed = false;
        return null;
      default: {
        const unreachable: never = action;
        return `unknown vote action ${String(unreachable)}`;
      }
    }
  }

  // ---- votes --------------------------------------------------------------------------------

  /** Null, or why the vote is refused; `lang`: the voting phone's, for the option's own words. */
  castVote(seatId: string, message: VoteMessage, lang: Lang = 'en'): PhoneRefusal | null {
    const vote = this.vote;
    if (!this.seats.has(seatId)) return { key: 'noSeat' };
    if (!vote || vote.decision !== message.decision) return { key: 'voteGone' };
    if (!vote.open) return { key: 'voteClosed' };
    const option = this.shownFor(lang).view.decision?.options.find((o) => o.id === message.option);
    if (!option) return { key: 'noOption', params: { option: message.option } };
    if (!option.available) return { key: 'optionUnavailable', params: { label: option.label, why: unavailableText(option, lang) } };
    vote.ballots.set(seatId, { option: option.id, confidence: message.confidence ?? null, rationale: (message.rationale ?? '').trim() });
    this.tallyCache = null;
    return null;
  }

  tally(): { decision: string; tally: Tally } | null {
    return this.vote ? { decision: this.vote.decision, tally: this.counts() } : null;
  }

  /** The open vote's tally, counted once per change (a big room asks for it on every vote). */
  private counts(): Tally {
    if (!this.tallyCache) this.tallyCache = this.vote ? tallyOf(this.vote) : { counts: {}, total: 0 };
    return this.tallyCache;
  }

  /** Something phones see changed: their role views are built again when next asked for. */
  private changed(): void {
    this.roleViews.clear();
    this.shownIn.clear();
    this.tallyCache = null;
  }

  /** Every closed vote, for the report. */
  voteRecords(): VoteRecord[] {
    return this.records;
  }

  /** Goes up each time a vote is archived, so the room sends the records only when they changed. */
  get recordsVersion(): number {
    return this.recordsChanges;
  }

  // ---- views --------------------------------------------------------------------------------

  /**
   * What every phone of one role and language sees: built field by field from the engine's view,
   * never a copy of engine or console data. Cached per role and language until something changes.
   * The language changes only words: which injects a role sees is decided the same way in each.
   */
  roleView(role: string, lang: Lang = 'en'): RoleView {
    const cacheKey = `${role}/${lang}`;
    const cached = this.roleViews.get(cacheKey);
    if (cached) return cached;
    const { state } = this.shown();
    const { view, textLang } = this.shownFor(lang);
    const phase = this.phase();
    const incident = phase === 'incident' || phase === 'ended';
    const showScores = phase === 'ended' && this.settings.debriefToPhones;
    const score = showScores && view.ending ? scoreRun(this.compiled.index, state.log) : null;
    const built: RoleView = {
      code: this.code,
      // Only when not English, so an English room's views are the bytes they were before languages.
      ...(lang !== 'en' ? { lang } : {}),
      ...(textLang !== lang ? { textLang } : {}),
      phase,
      title: view.title,
      currency: view.currency,
      clock: incident ? view.clock : 0,
      beat: incident && view.beat ? { title: view.beat.title, narrative: view.beat.narrative } : null,
      injects: incident ? this.injectsFor(role, view, state) : [],
      decision:
        incident && view.decision && !view.ending
          ? {
              prompt: view.decision.prompt,
              options: view.decision.options.map(phoneOption),
            }
          : null,
      lastChoice: incident && view.lastChoice ? { label: view.lastChoice.label, outcome: view.lastChoice.outcome } : null,
      ending:
        incident && view.ending && (phase === 'ended' || this.settings.debriefToPhones)
          ? {
              title: view.ending.title,
              narrative: view.ending.narrative,
              outcome: view.ending.outcome,
              scores: score
                ? [
                    { name: dimensionLabel('communication', lang), score: score.communication.score },
                    { name: dimensionLabel('proactivity', lang), score: score.proactivity.score },
                    { name: dimensionLabel('businessImpact', lang), score: score.businessImpact.score },
                    { name: OVERALL[lang], score: score.overall },
                  ]
                : null,
            }
          : null,
    };
    this.roleViews.set(cacheKey, built);
    return built;
  }

  /** The vote as every phone sees it; the tally only while the facilitator lets the room see it. */
  voteState(): VoteStateMessage {
    const vote = this.vote;
    const phase = this.phase();
    if (!vote || (phase !== 'incident' && phase !== 'ended')) return { vote: null };
    const showTally = vote.revealed || (this.settings.resultsVisible && vote.open);
    return { vote: { decision: vote.decision, open: vote.open, tally: showTally ? this.counts() : null } };
  }

  /** A seat's own vote on the current decision, or null when there is no vote. */
  ballot(seatId: string): BallotMessage | null {
    const vote = this.vote;
    if (!vote) return null;
    const mine = vote.ballots.get(seatId);
    return { decision: vote.decision, mine: mine ? { ...mine } : null };
  }

  /** The whole phone screen for one seat in `lang`, as the phone puts it together (tests and tools). */
  participantView(seatId: string, lang: Lang = 'en'): ParticipantView | null {
    const seat = this.seats.get(seatId);
    return seat ? composeView(this.roleView(seat.role, lang), this.voteState(), seat, this.ballot(seatId)) : null;
  }

  consoleView(): ConsoleRoomView {
    const vote = this.vote;
    const participants: ParticipantEntry[] = [...this.seats.values()].map((s) => ({
      id: s.id,
      name: s.name,
      role: s.role,
      connected: s.connected,
      voted: vote?.ballots.has(s.id) ?? false,
    }));
    return {
      code: this.code,
      settings: { ...this.settings },
      cap: this.cap,
      participants,
      vote: vote ? { decision: vote.decision, open: vote.open, revealed: vote.revealed, tally: this.counts(), ballots: this.ballots(vote) } : null,
    };
  }

  // ---- inside -------------------------------------------------------------------------------

  private phase(): RoomPhase {
    switch (this.stage) {
      case 'setup':
        return 'lobby';
      case 'briefing':
        return 'briefing';
      case 'incident':
        return 'incident';
      case 'debrief':
        return 'ended';
      default: {
        const unreachable: never = this.stage;
        return unreachable;
      }
    }
  }

  /**
   * The run as the room may see it: before a recorded choice; once revealed, its consequences
   * with the beat it was made in (as the console's presenter shows it); else the live run.
   */
  private shown(): { key: string; state: RunState; view: GameView; revealed: boolean } {
    const inputs = this.run.inputs;
    const count = this.shownInputs === null ? inputs.length : Math.min(this.shownInputs, inputs.length);
    const revealed = this.decisionStage === 'revealed' && count < inputs.length;
    const key = `${count}/${inputs.length}/${revealed}`;
    if (this.shownCache?.key === key) return { ...this.shownCache, revealed };
    let state: RunState;
    if (count === inputs.length) {
      state = this.run.state;
    } else {
      let snapshot = startSnapshot(this.compiled, { seed: this.run.state.seed, partner: this.run.state.partnerId });
      for (const event of inputs.slice(0, count)) snapshot = stepSnapshot(this.compiled, snapshot, event);
      state = snapshot.context;
    }
    const before = buildView(this.compiled, state);
    this.shownCache = { key, state, view: revealed ? revealedView(this.run.view(), before) : before };
    return { ...this.shownCache, revealed };
  }

  /**
   * The shown run's view worded in `lang`: the same state through the scenario's translation, or
   * through the English scenario (and `textLang` English) when it has none in that language; the
   * engine's own words (durations, the company's clock) follow `lang` either way.
   */
  private shownFor(lang: Lang): { view: GameView; textLang: Lang } {
    const shown = this.shown();
    if (lang === 'en') return { view: shown.view, textLang: 'en' };
    const translated = this.translations(lang);
    const textLang: Lang = translated ? lang : 'en';
    const cached = this.shownIn.get(lang);
    if (cached?.key === shown.key) return { view: cached.view, textLang };
    const compiled = translated ?? this.compiled;
    const before = buildView(compiled, shown.state, lang);
    const view = shown.revealed ? revealedView(buildView(compiled, this.run.state, lang), before) : before;
    this.shownIn.set(lang, { key: shown.key, view });
    return { view, textLang };
  }

  /** Injects since the last decision that this role may see: unaimed ones, and those aimed at it. */
  private injectsFor(role: string, view: GameView, state: RunState): PhoneInject[] {
    let since = 0;
    let delivered = 0;
    for (const entry of state.log) {
      if (entry.type === 'inject.delivered') delivered += 1;
      else if (entry.type === 'decision.made') since = delivered;
    }
    return view.injects
      .slice(since)
      .filter((i) => i.audience.length === 0 || i.audience.includes(role))
      .map((i) => ({ id: i.id, t: i.t, channel: i.channel, from: i.from, text: i.text, forYou: i.audience.includes(role) }));
  }

  /** Opens a vote for the decision the room sees; closes it once the choice is recorded. */
  private syncVote(): void {
    const { view, state } = this.shown();
    const decision = this.stage === 'incident' && view.decision && state.beat !== null && state.posedAt !== null ? `${state.beat}@${state.posedAt}` : null;
    if (this.vote && this.vote.decision !== decision) {
      if (this.vote.open && this.vote.ballots.size > 0) this.archive(this.vote);
      this.vote = null;
    }
    if (decision && !this.vote && view.decision && this.decisionStage === 'open') {
      this.vote = {
        decision,
        beat: state.beat!,
        prompt: view.decision.prompt,
        options: view.decision.options.map((o) => ({ id: o.id, label: o.label })),
        open: true,
        revealed: false,
        ballots: new Map(),
      };
    }
    if (this.vote && this.vote.open && this.decisionStage !== 'open') {
      this.vote.open = false;
      this.archive(this.vote);
    }
  }

  private archive(vote: OpenVote): void {
    const record: VoteRecord = {
      decision: vote.decision,
      beat: vote.beat,
      prompt: vote.prompt,
      options: vote.options,
      anonymous: this.settings.anonymous,
      tally: tallyOf(vote),
      ballots: this.ballots(vote),
    };
    const at = this.records.findIndex((r) => r.decision === vote.decision);
    if (at >= 0) this.records[at] = record;
    else this.records.push(record);
    this.recordsChanges += 1;
  }

  /** Ballots as the console and the report show them: no names when voting is anonymous. */
  private ballots(vote: OpenVote): Ballot[] {
    const anonymous = this.settings.anonymous;
    const list = [...vote.ballots.entries()].map(([seatId, b]) => {
      const seat = this.seats.get(seatId);
      return {
        name: anonymous ? null : (seat?.name ?? null),
        role: anonymous ? null : (seat?.role ?? null),
        option: b.option,
        confidence: b.confidence,
        rationale: b.rationale,
      };
    });
    // Anonymous ballots are sorted so their order does not give away who voted when.
    // Plain code-unit order: any fixed order hides who voted when, and a big room sorts hundreds.
    return anonymous ? list.sort((a, b) => compare(a.option, b.option) || compare(a.rationale, b.rationale)) : list;
  }
}

/** The overall score's name on the phones' debrief (the three dimensions are src/i18n/vocabulary.ts's). */
const OVERALL: { readonly [L in Lang]: string } = { en: 'Overall', de: 'Gesamt' };

/** An option for the phones: what they show of it, with no empty fields. */
function phoneOption(o: OptionView): PhoneOption {
  const option: PhoneOption = { id: o.id, key: o.key, label: o.label, cost: o.cost, minutes: o.minutes, available: o.available };
  if (o.detail !== null) option.detail = o.detail;
  if (!o.available) option.unavailable = unavailableText(o, 'en');
  return option;
}

function tallyOf(vote: OpenVote): Tally {
  const counts: Record<string, number> = {};
  for (const b of vote.ballots.values()) counts[b.option] = (counts[b.option] ?? 0) + 1;
  return { counts, total: vote.ballots.size };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
