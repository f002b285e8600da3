import type { RunEvent } from '../engine/machine.ts';
import type { UndoneChoice } from '../engine/runtime.ts';
import type { Rating } from '../engine/scoring.ts';
import type { Pace, Speed } from '../store/pace.ts';
import type { Lang } from '../i18n/lang.ts';
import { NO_TAILORING, type Tailoring } from '../scenarios/tailoring.ts';
import type { ClockMode } from './clock-policy.ts';

// A facilitated exercise as plain JSON: who is in the room, where the exercise stands, the run's
// inputs (which replay it exactly), and everything the evaluator entered. It is saved after every
// change, sent to nowhere but local storage, and exported as a session file.

export const SESSION_FORMAT = 'war-room.facilitator-session';
export const SESSION_VERSION = 1;

/** setup: the team is being entered; briefing: the room reads the brief and buys preparation. */
export type Stage = 'setup' | 'briefing' | 'incident' | 'debrief';

/**
 * Where the current decision stands in the room. `recorded`: the team's choice is in the run, but
 * the room still sees the situation before it until the facilitator reveals the consequences.
 */
export type DecisionStage = 'open' | 'recorded' | 'revealed';

/** Most participants a session lists (its file's bound). */
export const MAX_PARTICIPANTS = 200;

export interface Participant {
  id: string;
  name: string;
  /** A role id from roles.ts, which injects can be aimed at. */
  role: string;
}

export const NOTE_KINDS = ['observation', 'strength', 'improvement'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const NOTE_KIND_LABELS: Record<NoteKind, string> = {
  observation: 'Observation',
  strength: 'Strength',
  improvement: 'Area for improvement',
};

export interface Note {
  id: string;
  /** Real time the note was taken (ISO). */
  at: string;
  /** Game time (T+ minutes) when it was taken. */
  t: number;
  beat: string | null;
  objective: string | null;
  kind: NoteKind;
  text: string;
}

/** HSEEP's capability elements: where a corrective action applies. */
export const CAPABILITY_ELEMENTS = ['planning', 'organisation', 'equipment', 'training', 'exercise'] as const;
export type CapabilityElement = (typeof CAPABILITY_ELEMENTS)[number];
export const ACTION_STATUSES = ['not started', 'in progress', 'complete'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/**
 * One line of the improvement plan. `owner` is the point of contact, `org` the responsible
 * organisation; `start` and `due` (completion) are calendar dates (YYYY-MM-DD) or empty.
 */
export interface CorrectiveAction {
  id: string;
  issue: string;
  action: string;
  objective: string | null;
  owner: string;
  due: string;
  element: CapabilityElement;
  org: string;
  start: string;
  status: ActionStatus;
}

/** The facilitator's edits to a generated finding; `mergedInto` folds it into another one. */
export interface FindingEdit {
  title?: string;
  reference?: string;
  analysis?: string;
  rootCause?: string;
  removed?: boolean;
  mergedInto?: string;
}

/** What the facilitator writes into the after-action report beyond the notes and the plan. */
export interface ReportEdits {
  /** Handling marking on the cover and every page, e.g. "Confidential". */
  handling: string;
  /** The executive summary; empty means the generated one. */
  summary: string;
  scope: string;
  missionArea: string;
  threat: string;
  sponsor: string;
  organisations: string;
  poc: string;
  hotwash: string;
  /** Why an objective's rating was overridden, by objective id. */
  ratingReasons: Record<string, string>;
  findings: Record<string, FindingEdit>;
  /** Include the game's artefacts (seed, game clock, scores, verdict) as an appendix. */
  appendix: boolean;
}

export const DEFAULT_REPORT_EDITS: ReportEdits = {
  handling: 'Confidential: for the participating organisation only',
  summary: '',
  scope: '',
  missionArea: 'Response',
  threat: '',
  sponsor: '',
  organisations: '',
  poc: '',
  hotwash: '',
  ratingReasons: {},
  findings: {},
  appendix: false,
};

export type JournalKind =
  | 'briefing'
  | 'started'
  | 'paused'
  | 'resumed'
  | 'speed'
  | 'released'
  | 'skipped'
  | 'extended'
  | 'held'
  | 'recorded'
  | 'timeout'
  | 'revealed'
  | 'continued'
  | 'undone'
  | 'ended'
  | 'reopened'
  | 'time';

/** What the facilitator did, with real and game time: the exercise's own log next to the run's. */
export interface JournalEntry {
  at: string;
  t: number;
  kind: JournalKind;
  text: string;
}

/** Enough to rebuild the run with Run.restore: the engine's save without its derived state. */
export interface SessionRun {
  fingerprint: string;
  inputs: RunEvent[];
  undone: UndoneChoice[];
}

/** What the projector shows besides the exercise itself; the facilitator switches each. */
export interface PresenterDisplay {
  /** Options' costs and times. */
  costs: boolean;
  /** Scores and the verdict at the end; off, the room sees a neutral "Exercise complete". */
  scores: boolean;
  /** Larger body text for a big room. */
  largeText: boolean;
  /** The war-room graphic; off, the text gets the whole screen. */
  graphic: boolean;
}

export const DEFAULT_DISPLAY: PresenterDisplay = { costs: false, scores: false, largeText: false, graphic: true };

/** The half of the briefing the projector shows when both halves do not fit its screen at once. */
export const BRIEFING_PAGES = ['company', 'preparation'] as const;
export type BriefingPage = (typeof BRIEFING_PAGES)[number];

/** A discussion timer in real time: `seconds` is the setting (0 = off), `endsAt` set while it runs. */
export interface DiscussionTimer {
  seconds: number;
  endsAt: string | null;
}

export interface Session {
  format: typeof SESSION_FORMAT;
  version: typeof SESSION_VERSION;
  id: string;
  /** Goes up by one on every change; the presenter and the archive keep the highest. */
  rev: number;
  createdAt: string;
  updatedAt: string;
  facilitator: string;
  team: { name: string; participants: Participant[] };
  scenarioId: string;
  scenarioTitle: string;
  /** A scenario opened from a YAML file: its key in the browser's scenario store, and the file's name. */
  scenarioFile: ScenarioFileRef | null;
  /** The client's company, sector, currency and people, laid over the scenario. */
  tailoring: Tailoring;
  /**
   * The language the scenario's own text runs in (its translation laid over the English): fixed
   * with the run, whose fingerprint is of the localized scenario, so a restore localizes the same way.
   */
  scenarioLang: Lang;
  partner: string;
  seed: number;
  pace: Pace;
  /** Who moves game time: the facilitator (the workshop default) or the clock. */
  clock: ClockMode;
  discussion: DiscussionTimer;
  display: PresenterDisplay;
  /** Which half of the briefing a small projector shows (a large one shows both). */
  briefingPage: BriefingPage;
  stage: Stage;
  decision: DecisionStage;
  /** While a choice is recorded but not revealed: how many run inputs the room's view replays. */
  hiddenFrom: number | null;
  paused: boolean;
  speed: Speed;
  /** Preparation measures the room is buying, before the incident starts. */
  prep: string[];
  run: SessionRun | null;
  /** The room's vote tally for the open decision, by option id. */
  votes: Record<string, number>;
  /** The option the facilitator has marked as the team's choice, not yet recorded. */
  selected: string | null;
  notes: Note[];
  /** Evaluator ratings per objective id; an objective not here takes the game's suggestion. */
  ratings: Record<string, Rating>;
  actions: CorrectiveAction[];
  report: ReportEdits;
  journal: JournalEntry[];
  startedAt: string | null;
  endedAt: string | null;
  /**
   * The scores the session history lists, written each time the session is saved, so listing
   * never replays a run. Null before the incident starts; absent in sessions saved before it existed.
   */
  summary?: SessionSummary | null;
}

/** The scores of a session as the history lists them (see session-summary.ts). */
export interface SessionSummary {
  communication: number;
  proactivity: number;
  businessImpact: number;
  overall: number;
  verdict: string;
}

export interface ScenarioFileRef {
  key: string;
  name: string;
}

export interface SessionDefaults {
  id: string;
  now: string;
  scenarioId: string;
  scenarioTitle: string;
  partner: string;
  seed: number;
}

export function newSession(d: SessionDefaults): Session {
  return {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    id: d.id,
    rev: 0,
    createdAt: d.now,
    updatedAt: d.now,
    facilitator: '',
    team: { name: '', participants: [] },
    scenarioId: d.scenarioId,
    scenarioTitle: d.scenarioTitle,
    scenarioFile: null,
    tailoring: structuredClone(NO_TAILORING),
    scenarioLang: 'en',
    partner: d.partner,
    seed: d.seed,
    pace: 'standard',
    clock: 'paced',
    discussion: { seconds: 0, endsAt: null },
    display: { ...DEFAULT_DISPLAY },
    briefingPage: 'company',
    stage: 'setup',
    decision: 'open',
    hiddenFrom: null,
    paused: false,
    speed: 1,
    prep: [],
    run: null,
    votes: {},
    selected: null,
    notes: [],
    ratings: {},
    actions: [],
    report: structuredClone(DEFAULT_REPORT_EDITS),
    journal: [],
    startedAt: null,
    endedAt: null,
  };
}

/** A session stored before the clock, discussion and display settings existed, given the old behaviour. */
export function withSettings(s: Session): Session {
  const partial = s as Partial<Session> & Session;
  return {
    ...s,
    clock: partial.clock ?? 'realtime',
    discussion: partial.discussion ?? { seconds: 0, endsAt: null },
    display: partial.display ?? { costs: true, scores: true, largeText: false, graphic: true },
    report: partial.report ?? structuredClone(DEFAULT_REPORT_EDITS),
    scenarioFile: partial.scenarioFile ?? null,
    briefingPage: partial.briefingPage ?? 'company',
    tailoring: partial.tailoring ?? structuredClone(NO_TAILORING),
    // Sessions saved before scenarios had translations ran in English.
    scenarioLang: partial.scenarioLang ?? 'en',
    actions: s.actions.map((a) => {
      const old = a as Partial<CorrectiveAction> & CorrectiveAction;
      return { ...a, element: old.element ?? 'planning', org: old.org ?? '', start: old.start ?? '', status: old.status ?? 'not started' };
    }),
  };
}

export const MAX_NOTE_LENGTH = 4000;
export const MAX_NAME_LENGTH = 120;
export const MAX_VOTES = 999;

/** A calendar date as an input of type date gives it, or empty for "not set". */
export function isDueDate(s: string): boolean {
  if (s === '') return true;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Total votes cast in a tally. */
export function voteTotal(votes: Record<string, number>): number {
  return Object.values(votes).reduce((a, b) => a + b, 0);
}

/** The tally without zero counts, or undefined when nobody voted: what the engine records. */
export function castVotes(votes: Record<string, number>): Record<string, number> | undefined {
  const cast = Object.entries(votes).filter(([, n]) => n > 0);
  return cast.length > 0 ? Object.fromEntries(cast) : undefined;
}

/** The role-holders in the room for a list of role ids, in the order of the list. */
export function peopleInRoles(participants: readonly Participant[], roles: readonly string[]): { role: string; people: string[] }[] {
  return roles.map((role) => ({ role, people: participants.filter((p) => p.role === role).map((p) => p.name) }));
}
