import type { Lang } from '../i18n/lang.ts';
import type { ChannelName, OutcomeName, PartnerTierName, ServiceStatusName } from '../scenarios/schema.ts';
import { capabilitiesIn, missingCapabilities } from './capabilities.ts';
import type { CompiledScenario } from './compile.ts';
import { decisionDeadline, isOptionAvailable } from './rules.ts';
import { effectiveStatuses } from './services.ts';
import type { ChoiceSource, Metrics, RunState } from './state.ts';
import { localAt, nowAt, optionDuration } from './run-text.ts';
import { interpolate } from './text.ts';

// What a player can see right now, derived from the run state. Views render this and
// nothing else; all text is plain text.

export interface OptionView {
  id: string;
  /** 1-based position, the key that picks it. */
  key: number;
  label: string;
  detail: string | null;
  cost: number;
  minutes: number;
  available: boolean;
  /**
   * The scenario's own reason an unavailable option is shut, in its words; null when it is open or
   * the scenario gives none (the edge then says "not possible" in its language: unavailableText).
   */
  unavailable: string | null;
  /** Partner capabilities this option relies on: it depends on the partner, not only on leadership. */
  partner: string[];
  /** Capabilities the run's partner lacks that keep this option out of reach; empty when open. */
  needs: string[];
}

export interface InjectView {
  id: string;
  beat: string | null;
  t: number;
  channel: ChannelName;
  from: string;
  stakeholder: string | null;
  audience: string[];
  text: string;
}

export interface GameView {
  scenarioId: string;
  title: string;
  phase: RunState['phase'];
  clock: number;
  /** The company's local day and time now ("Sun 04:10"); null when the scenario's setting names none. Show it first, T+ second. */
  localTime: string | null;
  seed: number;
  currency: string;
  partner: { id: string; name: string; tier: PartnerTierName };
  preparation: {
    budget: number;
    budgetLeft: number;
    measures: { id: string; name: string; description: string; cost: number; bought: boolean }[];
  };
  beat: { id: string; title: string; narrative: string } | null;
  decision: {
    prompt: string;
    deadline: number | null;
    remaining: number | null;
    /** True when a facilitator stopped this decision's timer. */
    timerHeld: boolean;
    options: OptionView[];
  } | null;
  lastChoice: { beat: string; option: string; label: string; outcome: string; by: ChoiceSource } | null;
  injects: InjectView[];
  services: { id: string; name: string; status: ServiceStatusName; effective: ServiceStatusName; dependsOn: string[] }[];
  metrics: Metrics;
  stakeholders: { id: string; name: string; role: string; sentiment: number; start: number }[];
  regulators: { id: string; name: string; deadline: number | null; remaining: number | null; notified: boolean; missed: boolean }[];
  ending: { beat: string; title: string; narrative: string; outcome: OutcomeName } | null;
}

/** The view in `lang`: the clock's weekday and the {now}/{duration} the scenario's text states are written in it. */
export function buildView(compiled: CompiledScenario, state: RunState, lang: Lang = 'en'): GameView {
  const { index } = compiled;
  const { scenario } = index;
  const partner = index.partners.get(state.partnerId) ?? scenario.partners[0]!;
  const beat = state.beat ? index.beats.get(state.beat) : undefined;
  const deadline = decisionDeadline(index, state);
  const effective = effectiveStatuses(index, state);

  const injectById = (beatId: string | null, id: string) =>
    (beatId === null ? index.globalInjects : (index.beats.get(beatId)?.injects ?? [])).find((i) => i.id === id);
  const injects: InjectView[] = [];
  for (const entry of state.log) {
    if (entry.type !== 'inject.delivered') continue;
    const inject = injectById(entry.beat, entry.inject);
    if (!inject) continue;
    injects.push({
      id: inject.id,
      beat: entry.beat,
      t: entry.t,
      channel: inject.channel,
      from: inject.from,
      stakeholder: inject.stakeholder ?? null,
      audience: inject.audience ?? [],
      text: interpolate(inject.text, state, { now: nowAt(index, entry.t, lang) }),
    });
  }

  const last = state.lastChoice;
  const lastOption = last ? index.options.get(last.beat)?.get(last.option) : undefined;

  return {
    scenarioId: scenario.id,
    title: scenario.title,
    phase: state.phase,
    clock: state.clock,
    localTime: localAt(index, state.clock, lang),
    seed: state.seed,
    currency: scenario.company.currency ?? 'EUR',
    partner: { id: partner.id, name: partner.name, tier: partner.tier },
    preparation: {
      budget: scenario.preparation.budget,
      budgetLeft: state.budgetLeft,
      measures: scenario.preparation.measures.map((m) => ({
        id: m.id,
        name: m.name,
        description: m.description,
        cost: m.cost,
        bought: state.measures.includes(m.id),
      })),
    },
    beat: beat ? { id: beat.id, title: beat.title, narrative: interpolate(beat.narrative, state, { now: nowAt(index, state.beatEnteredAt, lang) }) } : null,
    decision:
      beat?.decision && state.posedAt !== null
        ? {
            prompt: interpolate(beat.decision.prompt, state, { now: nowAt(index, state.posedAt, lang) }),
            deadline,
            remaining: deadline === null ? null : Math.max(0, deadline - state.clock),
            timerHeld: state.timerHeld,
            options: beat.decision.options.map((o, i) => {
              const available = isOptionAvailable(index, state, o);
              return {
                id: o.id,
                key: i + 1,
                label: interpolate(o.label, state, { duration: optionDuration(index, state.partnerId, o, lang) }),
                detail: o.detail ? interpolate(o.detail, state, { duration: optionDuration(index, state.partnerId, o, lang) }) : null,
                cost: (o.cost ?? 0) * partner.costFactor,
                minutes: Math.round((o.minutes ?? 0) * partner.timeFactor),
                available,
                unavailable: available ? null : (o.unavailable ?? null),
                partner: o.requires ? [...new Set(capabilitiesIn(o.requires))] : [],
                needs: available ? [] : missingCapabilities(index, state, o.requires),
              };
            }),
          }
        : null,
    lastChoice:
      last && lastOption
        ? { beat: last.beat, option: last.option, label: lastOption.label, outcome: interpolate(lastOption.outcome, state, { duration: optionDuration(index, state.partnerId, lastOption, lang) }), by: last.by }
        : null,
    injects,
    services: scenario.company.services.map((s) => ({
      id: s.id,
      name: s.name,
      status: state.services[s.id] ?? 'up',
      effective: effective[s.id] ?? 'up',
      dependsOn: s.dependsOn ?? [],
    })),
    metrics: state.metrics,
    stakeholders: scenario.stakeholders.map((s) => ({
      id: s.id,
      name: s.name,
      role: s.role,
      sentiment: state.sentiment[s.id] ?? s.sentiment,
      start: s.sentiment,
    })),
    regulators: (scenario.regulators ?? []).map((r) => {
      const clock = state.regulators[r.id];
      const regDeadline = clock?.deadline ?? null;
      return {
        id: r.id,
        name: r.name,
        deadline: regDeadline,
        remaining: regDeadline === null ? null : Math.max(0, regDeadline - state.clock),
        notified: clock?.notifiedAt !== null && clock?.notifiedAt !== undefined,
        missed: clock?.missed ?? false,
      };
    }),
    ending:
      state.ending && beat?.ending
        ? { beat: beat.id, title: beat.title, narrative: interpolate(beat.narrative, state, { now: nowAt(index, state.clock, lang) }), outcome: beat.ending.outcome }
        : null,
  };
}

/**
 * What a room sees once a recorded choice is revealed: its consequences (services, gauges,
 * stakeholders, the outcome) from the live run, but still the beat and the injects it had before
 * the choice, so the next beat's text reaches the room only when the facilitator moves on. The
 * console's presenter and the server's phones both show this.
 */
export function revealedView(live: GameView, before: GameView): GameView {
  return { ...live, beat: before.beat, decision: null, injects: before.injects, ending: null };
}
