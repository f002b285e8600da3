import type { Lang } from '../i18n/lang.ts';
import { refusalText, seedProblemText } from '../i18n/refusal-text.ts';
import { createActor } from 'xstate';
import type { CompiledScenario } from './compile.ts';
import type { RunEvent, RunSnapshot } from './machine.ts';
import {
  canChoose,
  decisionDeadline,
  findOption,
  isOptionAvailable,
  nextReleasableInject,
  preparationCost,
  skipOption,
  type RunInput,
} from './rules.ts';
import { seedProblem } from './rng.ts';
import { eventShapeProblem, MAX_RUN_INPUTS } from './run-events.ts';
import type { RunRefusal } from './run-refusal.ts';
import type { LogEntry, RunState } from './state.ts';
import { buildView, type GameView } from './view.ts';

export const SAVE_FORMAT = 'war-room.run';
export const SAVE_VERSION = 1;

/** A run saved as JSON. `inputs` replay it exactly; `state` lets a reader check the replay. */
export interface SavedRun {
  format: typeof SAVE_FORMAT;
  version: typeof SAVE_VERSION;
  scenario: { id: string; fingerprint: string };
  seed: number;
  partner: string;
  inputs: RunEvent[];
  /** Choices a facilitator took back: kept for the record, not replayed. */
  undone?: UndoneChoice[];
  state: RunState;
}

/** A choice taken back with `undoLastChoice`, and the game time it was made at. */
export interface UndoneChoice {
  event: RunEvent;
  t: number;
  beat: string | null;
}

/**
 * A command the run refused, with a message a player or author can act on. Thrown errors speak
 * English (the command line, a save that cannot be replayed); a surface that words a refusal in
 * its own language asks `refusal` first.
 */
export class RunError extends Error {
  override name = 'RunError';
}

/** The first snapshot of a run. Pure: the same scenario and input always give the same snapshot. */
export function startSnapshot(compiled: CompiledScenario, input: RunInput): RunSnapshot {
  return compiled.machine.getInitialSnapshot(stepScope(compiled), input);
}

type StepScope = Parameters<CompiledScenario['machine']['transition']>[2];
const stepScopes = new WeakMap<CompiledScenario['machine'], StepScope>();

/**
 * XState's `transition()` builds a throwaway actor, and with it a whole initial snapshot,
 * on every call; that costs several times the step itself. One inert scope per machine,
 * made once and never started, gives the same pure step: it executes nothing (the machine
 * only assigns), so snapshots stay immutable and the explorer can branch freely.
 */
function stepScope(compiled: CompiledScenario): StepScope {
  let scope = stepScopes.get(compiled.machine);
  if (!scope) {
    const partner = compiled.index.scenario.partners[0]?.id ?? '';
    const self = createActor(compiled.machine, { input: { seed: 0, partner } });
    const noop = (): void => {};
    scope = { self, system: self.system, id: '', sessionId: '', logger: noop, defer: noop, emit: noop, stopChild: noop, actionExecutor: noop } as unknown as StepScope;
    stepScopes.set(compiled.machine, scope);
  }
  return scope;
}

/** One step of a run. Pure: the machine's transition computes the next snapshot without effects. */
export function stepSnapshot(compiled: CompiledScenario, snapshot: RunSnapshot, event: RunEvent): RunSnapshot {
  return compiled.machine.transition(snapshot, event, stepScope(compiled));
}

/** Why an event cannot be applied now, as data (src/i18n/refusal-text.ts words it), or null when it can. */
export function refusal(compiled: CompiledScenario, state: RunState, event: RunEvent): RunRefusal | null {
  const { index } = compiled;
  const malformed = eventShapeProblem(event);
  if (malformed) return malformed;
  switch (event.type) {
    case 'prep.commit': {
      if (state.phase !== 'preparation') return { why: 'prepOver' };
      const unknown = event.measures.filter((m) => !index.measures.has(m));
      if (unknown.length > 0) return { why: 'unknownMeasures', measures: unknown, known: [...index.measures.keys()] };
      if (new Set(event.measures).size !== event.measures.length) return { why: 'measureTwice' };
      const cost = preparationCost(index, event.measures);
      if (cost > state.budgetLeft) return { why: 'overBudget', cost, budget: state.budgetLeft };
      return null;
    }
    case 'player.choose': {
      if (state.phase === 'preparation') return { why: 'notStarted' };
      if (state.phase === 'ended' || state.posedAt === null) return { why: 'noDecision' };
      const option = findOption(index, state, event.option);
      if (!option) return { why: 'unknownOption', option: event.option, beat: state.beat ?? '', options: [...(index.options.get(state.beat ?? '')?.keys() ?? [])] };
      const votes = Object.entries(event.votes ?? {});
      if (votes.some(([id, n]) => !index.options.get(state.beat ?? '')?.has(id) || !Number.isInteger(n) || n < 0)) return { why: 'badVotes' };
      if (!isOptionAvailable(index, state, option)) return { why: 'optionUnavailable', option: option.id, unavailable: option.unavailable ?? null };
      return canChoose(index, state, event.option) ? null : { why: 'cannotChooseNow', option: option.id };
    }
    case 'clock.tick':
      return null;
    case 'facilitator.extend':
    case 'facilitator.hold':
      return decisionDeadline(index, state) === null ? { why: 'noTimer' } : null;
    case 'facilitator.release':
      return nextReleasableInject(index, state) === null ? { why: 'noInject' } : null;
    case 'facilitator.skip':
      return skipOption(index, state) === null ? { why: 'nothingToSkip' } : null;
    default: {
      const unreachable: never = event;
      return { why: 'unknownInput', type: String((unreachable as { type: unknown }).type) };
    }
  }
}

/** A running game: the current snapshot of the scenario machine plus the inputs that led to it. */
export class Run {
  // Plain fields, not constructor parameter properties: Node's own type stripping (which
  // runs the CLI without a loader, see bin/war-room.mjs) only erases types, it emits no code.
  readonly compiled: CompiledScenario;
  private snapshot: RunSnapshot;
  private history: RunEvent[];
  private readonly undoneChoices: UndoneChoice[];

  private constructor(compiled: CompiledScenario, snapshot: RunSnapshot, history: RunEvent[], undoneChoices: UndoneChoice[] = []) {
    this.compiled = compiled;
    this.snapshot = snapshot;
    this.history = history;
    this.undoneChoices = undoneChoices;
  }

  static start(compiled: CompiledScenario, input: RunInput): Run {
    const badSeed = seedProblem(input.seed);
    if (badSeed) throw new RunError(`${seedProblemText(badSeed, 'en')}, got ${input.seed}`);
    if (!compiled.index.partners.has(input.partner)) {
      throw new RunError(`no partner "${input.partner}"; choose from ${[...compiled.index.partners.keys()].join(', ')}`);
    }
    return new Run(compiled, startSnapshot(compiled, input), []);
  }

  /** Rebuilds a run from a save by replaying its inputs, and checks the result matches. */
  static restore(compiled: CompiledScenario, data: unknown): Run {
    const saved = data as Partial<SavedRun> | null;
    if (typeof saved !== 'object' || saved === null || saved.format !== SAVE_FORMAT) throw new RunError('this is not a War Room save');
    if (saved.version !== SAVE_VERSION) throw new RunError(`save format version ${String(saved.version)} is not supported (expected ${SAVE_VERSION})`);
    const scenarioId = compiled.index.scenario.id;
    if (saved.scenario?.id !== scenarioId) throw new RunError(`this save belongs to scenario "${String(saved.scenario?.id)}", not "${scenarioId}"`);
    if (saved.scenario.fingerprint !== compiled.index.fingerprint) throw new RunError(`scenario "${scenarioId}" has changed since this run was saved`);
    if (!Array.isArray(saved.inputs)) throw new RunError('the save has no inputs to replay');
    if (saved.inputs.length > MAX_RUN_INPUTS) {
      throw new RunError(`the save holds ${saved.inputs.length} inputs; a run has at most ${MAX_RUN_INPUTS}`);
    }
    if (!Number.isSafeInteger(saved.seed) || typeof saved.partner !== 'string') throw new RunError('the save has no valid seed and partner');
    const run = Run.start(compiled, { seed: Number(saved.seed), partner: String(saved.partner) });
    saved.inputs.forEach((event, i) => {
      try {
        run.send(event);
      } catch (error) {
        throw new RunError(`input ${i + 1} of the save cannot be replayed: ${(error as Error).message}`);
      }
    });
    if (saved.undone !== undefined) {
      // The record of taken-back choices is shown in reports, so it is checked like inputs.
      const undone: unknown = saved.undone;
      const valid =
        Array.isArray(undone) &&
        undone.length <= MAX_RUN_INPUTS &&
        undone.every((u: Partial<UndoneChoice> | null) => u !== null && typeof u === 'object' && eventShapeProblem(u.event) === null && Number.isFinite(u.t) && (u.beat === null || typeof u.beat === 'string'));
      if (!valid) throw new RunError('the save\'s record of taken-back choices is damaged');
      run.undoneChoices.push(...(undone as UndoneChoice[]));
    }
    if (saved.state !== undefined && JSON.stringify(saved.state) !== JSON.stringify(run.state)) {
      throw new RunError('the saved state does not match a replay of its inputs');
    }
    return run;
  }

  get state(): RunState {
    return this.snapshot.context;
  }

  get log(): readonly LogEntry[] {
    return this.snapshot.context.log;
  }

  get inputs(): readonly RunEvent[] {
    return this.history;
  }

  get undone(): readonly UndoneChoice[] {
    return this.undoneChoices;
  }

  get isOver(): boolean {
    return this.snapshot.status === 'done';
  }

  send(event: RunEvent): void {
    const why = refusal(this.compiled, this.state, event);
    if (why) throw new RunError(refusalText(why, 'en'));
    this.snapshot = stepSnapshot(this.compiled, this.snapshot, event);
    this.history.push(event);
  }

  commitPreparation(measures: string[]): void {
    this.send({ type: 'prep.commit', measures });
  }

  choose(option: string): void {
    this.send({ type: 'player.choose', option });
  }

  advance(minutes: number): void {
    this.send({ type: 'clock.tick', minutes });
  }

  /**
   * Takes back the last choice and any clock ticks after it, by replaying the inputs before it.
   * The choice is kept in `undone` (and in saves) so a workshop's record shows it happened.
   */
  undoLastChoice(): UndoneChoice {
    const at = this.history.findLastIndex((e) => e.type === 'player.choose' || e.type === 'facilitator.skip');
    if (at < 0) throw new RunError('there is no choice to undo');
    const choice = this.state.log.filter((e) => e.type === 'decision.made').at(-1);
    const undone: UndoneChoice = { event: this.history[at]!, t: choice?.t ?? this.state.clock, beat: choice?.beat ?? null };
    const kept = this.history.slice(0, at);
    let snapshot = startSnapshot(this.compiled, { seed: this.state.seed, partner: this.state.partnerId });
    for (const event of kept) snapshot = stepSnapshot(this.compiled, snapshot, event);
    this.snapshot = snapshot;
    this.history = kept;
    this.undoneChoices.push(undone);
    return undone;
  }

  /** What the player sees now; `lang` words the clock and the scenario's {now} and {duration}. */
  view(lang: Lang = 'en'): GameView {
    return buildView(this.compiled, this.state, lang);
  }

  save(): SavedRun {
    return {
      format: SAVE_FORMAT,
      version: SAVE_VERSION,
      scenario: { id: this.compiled.index.scenario.id, fingerprint: this.compiled.index.fingerprint },
      seed: this.state.seed,
      partner: this.state.partnerId,
      inputs: [...this.history],
      ...(this.undoneChoices.length > 0 ? { undone: [...this.undoneChoices] } : {}),
      state: this.state,
    };
  }
}
