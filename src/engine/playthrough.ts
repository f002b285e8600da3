import type { Lang } from '../i18n/lang.ts';
import type { ChannelName, OutcomeName, ServiceStatusName } from '../scenarios/schema.ts';
import type { CompiledScenario } from './compile.ts';
import { decisionDeadline } from './rules.ts';
import { Run, RunError } from './runtime.ts';
import { scoreRun, type ScoreReport } from './scoring.ts';
import type { ChoiceSource, LogEntry, Metrics } from './state.ts';
import { nowAt, optionDuration } from './run-text.ts';
import { interpolate, type RunPlaceholder } from './text.ts';

// A headless playthrough from a script (seed, partner, preparation, choices), as
// `war-room play` runs it, and the readable timeline of a run's log. Pure.

/** A 1-based option number, or "timeout" to let the decision's timer run out. */
export type ScriptChoice = number | 'timeout';

export interface PlayScript {
  seed: number;
  /** Defaults to the scenario's first partner. */
  partner?: string;
  prep: string[];
  choices: ScriptChoice[];
  /** Game minutes of thought before each choice; it stops short of a decision's deadline. */
  think: number;
}

export type TimelineEntry =
  | { t: number; kind: 'preparation'; measures: { id: string; name: string }[]; spent: number }
  | { t: number; kind: 'beat'; beat: string; title: string; narrative: string }
  | { t: number; kind: 'inject'; inject: string; beat: string | null; channel: ChannelName; from: string; text: string }
  | { t: number; kind: 'choice'; beat: string; option: string; key: number; label: string; by: ChoiceSource; waited: number; outcome: string }
  | { t: number; kind: 'service'; service: string; name: string; status: ServiceStatusName }
  | { t: number; kind: 'regulator'; regulator: string; name: string; event: RegulatorEvent }
  | { t: number; kind: 'ending'; beat: string; title: string; outcome: OutcomeName; narrative: string };

/** What happened with a regulator, as data: the edge words it (regulatorEventText in src/i18n/engine-text.ts). */
export type RegulatorEvent =
  | { kind: 'clock-started'; deadline: number }
  | { kind: 'notified'; when: 'early' | 'on-time' | 'late' }
  | { kind: 'missed' };

export interface ScriptedChoice {
  beat: string;
  option: string;
  key: number;
  by: ChoiceSource;
}

export interface PlayResult {
  scenario: string;
  title: string;
  seed: number;
  partner: string;
  prep: string[];
  choices: ScriptedChoice[];
  timeline: TimelineEntry[];
  scores: ScoreReport;
  ending: { beat: string; title: string; outcome: OutcomeName } | null;
  clock: number;
  metrics: Metrics;
}

/** A script that cannot be played as written; the message says which input and why. */
export class ScriptError extends Error {
  override name = 'ScriptError';
}

const MAX_DECISIONS = 10_000;

export function playScript(compiled: CompiledScenario, script: PlayScript): PlayResult {
  return playResult(compiled, script.seed, scriptedRun(compiled, script));
}

/** The finished run a script plays to; throws ScriptError when the script cannot be played as written. */
export function scriptedRun(compiled: CompiledScenario, script: PlayScript): Run {
  const { index } = compiled;
  const { scenario } = index;
  const partner = script.partner ?? scenario.partners[0]!.id;
  if (!index.partners.has(partner)) {
    throw new ScriptError(`no partner "${partner}" in scenario "${scenario.id}"; choose from ${[...index.partners.keys()].join(', ')}`);
  }
  const guard = <T>(what: string, action: () => T): T => {
    try {
      return action();
    } catch (error) {
      if (error instanceof RunError) throw new ScriptError(`${what}: ${error.message}`);
      throw error;
    }
  };
  const run = guard('start', () => Run.start(compiled, { seed: script.seed, partner }));
  guard('preparation', () => run.commitPreparation(script.prep));

  let used = 0;
  for (let n = 0; n < MAX_DECISIONS && !run.isOver; n++) {
    const state = run.state;
    const beat = state.beat === null ? undefined : index.beats.get(state.beat);
    const decision = beat?.decision;
    if (!beat || !decision || state.posedAt === null) throw new ScriptError(`the run stopped at beat "${state.beat}" without a decision or an ending`);
    const where = `decision ${used + 1} (beat "${beat.id}")`;
    const choice = script.choices[used];
    if (choice === undefined) {
      const keys = `1-${decision.options.length}${decision.timeLimit !== undefined && decision.default !== undefined ? ' or t' : ''}`;
      throw new ScriptError(`the choices ran out at ${where}: "${interpolate(decision.prompt, state)}"; add a choice (${keys})`);
    }
    used++;

    const deadline = decisionDeadline(index, state);
    const thinking = deadline === null ? script.think : Math.min(script.think, deadline - state.clock - 1);
    if (thinking >= 1) guard(where, () => run.advance(thinking));

    if (choice === 'timeout') {
      if (decision.timeLimit === undefined) throw new ScriptError(`choice ${used} is "t" but ${where} has no time limit`);
      if (decision.default === undefined) throw new ScriptError(`choice ${used} is "t" but ${where} has no default: waiting would never end`);
      guard(where, () => run.advance(Math.max(1, deadlineOf(compiled, run) - run.state.clock)));
      continue;
    }
    const option = decision.options[choice - 1];
    if (!Number.isInteger(choice) || !option) {
      throw new ScriptError(`choice ${used} is ${choice} but ${where} has options 1-${decision.options.length}`);
    }
    guard(`choice ${used} (${choice}) at ${where}`, () => run.choose(option.id));
  }
  if (!run.isOver) throw new ScriptError(`the run did not end after ${MAX_DECISIONS} decisions`);
  if (used < script.choices.length) {
    throw new ScriptError(`the run ended after ${used} choice${used === 1 ? '' : 's'}, but ${script.choices.length} were given`);
  }
  return run;
}

export function playResult(compiled: CompiledScenario, seed: number, run: Run): PlayResult {
  const { index } = compiled;
  const { scenario } = index;
  const state = run.state;
  const endingBeat = state.ending === null ? undefined : index.beats.get(state.ending);
  return {
    scenario: scenario.id,
    title: scenario.title,
    seed,
    partner: state.partnerId,
    prep: state.measures,
    choices: state.log.flatMap((e) =>
      e.type === 'decision.made' ? [{ beat: e.beat, option: e.option, key: optionKey(compiled, e.beat, e.option), by: e.by }] : [],
    ),
    timeline: timelineOf(compiled, state.log),
    scores: scoreRun(index, state.log),
    ending: endingBeat?.ending ? { beat: endingBeat.id, title: endingBeat.title, outcome: endingBeat.ending.outcome } : null,
    clock: state.clock,
    metrics: state.metrics,
  };
}

function deadlineOf(compiled: CompiledScenario, run: Run): number {
  return decisionDeadline(compiled.index, run.state) ?? run.state.clock + 1;
}

function optionKey(compiled: CompiledScenario, beat: string, option: string): number {
  const options = compiled.index.beats.get(beat)?.decision?.options ?? [];
  return options.findIndex((o) => o.id === option) + 1;
}

/** The events of a run a reader cares about, in order, with text filled in as it was then ({now}, {duration} in `lang`). */
export function timelineOf(compiled: CompiledScenario, log: readonly LogEntry[], lang: Lang = 'en'): TimelineEntry[] {
  const { index } = compiled;
  const { scenario } = index;
  const vars: Record<string, string | number> = {};
  let partner = scenario.partners[0]?.id ?? '';
  const text = (s: string, run: Partial<Record<RunPlaceholder, string>> = {}): string => interpolate(s, { vars }, run);
  const serviceName = (id: string): string => scenario.company.services.find((s) => s.id === id)?.name ?? id;
  const regulatorName = (id: string): string => scenario.regulators?.find((r) => r.id === id)?.name ?? id;
  const out: TimelineEntry[] = [];
  for (const e of log) {
    switch (e.type) {
      case 'variable.drawn':
        vars[e.variable] = e.value;
        break;
      case 'run.started':
        partner = e.partner;
        break;
      case 'preparation.committed':
        out.push({ t: e.t, kind: 'preparation', measures: e.measures.map((id) => ({ id, name: index.measures.get(id)?.name ?? id })), spent: e.spent });
        break;
      case 'beat.entered': {
        const beat = index.beats.get(e.beat);
        if (beat && !beat.ending) out.push({ t: e.t, kind: 'beat', beat: beat.id, title: beat.title, narrative: text(beat.narrative, { now: nowAt(index, e.t, lang) }) });
        break;
      }
      case 'inject.delivered': {
        const inject = (e.beat === null ? index.globalInjects : (index.beats.get(e.beat)?.injects ?? [])).find((i) => i.id === e.inject);
        if (inject) out.push({ t: e.t, kind: 'inject', inject: inject.id, beat: e.beat, channel: inject.channel, from: inject.from, text: text(inject.text, { now: nowAt(index, e.t, lang) }) });
        break;
      }
      case 'decision.made': {
        const option = index.options.get(e.beat)?.get(e.option);
        out.push({
          t: e.t,
          kind: 'choice',
          beat: e.beat,
          option: e.option,
          key: optionKey(compiled, e.beat, e.option),
          label: text(option?.label ?? e.option, { duration: optionDuration(index, partner, option ?? {}, lang) }),
          by: e.by,
          waited: e.waited,
          outcome: text(option?.outcome ?? '', { duration: optionDuration(index, partner, option ?? {}, lang) }),
        });
        break;
      }
      case 'service.changed':
        out.push({ t: e.t, kind: 'service', service: e.service, name: serviceName(e.service), status: e.status });
        break;
      case 'regulator.clock-started':
        out.push({ t: e.t, kind: 'regulator', regulator: e.regulator, name: regulatorName(e.regulator), event: { kind: 'clock-started', deadline: e.deadline } });
        break;
      case 'regulator.notified':
        out.push({ t: e.t, kind: 'regulator', regulator: e.regulator, name: regulatorName(e.regulator), event: { kind: 'notified', when: e.when } });
        break;
      case 'regulator.deadline-missed':
        out.push({ t: e.t, kind: 'regulator', regulator: e.regulator, name: regulatorName(e.regulator), event: { kind: 'missed' } });
        break;
      case 'ending.reached': {
        const beat = index.beats.get(e.beat);
        out.push({ t: e.t, kind: 'ending', beat: e.beat, title: beat?.title ?? e.beat, outcome: e.outcome, narrative: text(beat?.narrative ?? '', { now: nowAt(index, e.t, lang) }) });
        break;
      }
      case 'timer.extended':
      case 'timer.held':
      case 'clock.advanced':
      case 'sentiment.changed':
        break;
      default: {
        const unreachable: never = e;
        throw new Error(`unknown log entry ${JSON.stringify(unreachable)}`);
      }
    }
  }
  return out;
}
