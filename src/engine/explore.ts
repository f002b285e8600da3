import type { CompiledScenario } from './compile.ts';
import { controlKey, controlKeyParts, controlRelevance, KEY_PARTS } from './control-key.ts';
import type { RunEvent } from './machine.ts';
import { canChoose, decisionDeadline, initialState } from './rules.ts';
import type { LogEntry, RunState } from './state.ts';
import { isEnded, stepState } from './step.ts';

// Walks every path of a scenario. The pure stepper (step.ts) never changes the state it is
// given, so a branch is just another step from the same state. Runs that agree on their
// control key (control-key.ts) have the same future, so each key is explored once and the
// number of complete paths is counted over the merged graph. Each step starts from a state
// with an empty log (no rule reads the log), so a step costs the same at any depth and its
// result holds only the entries that step wrote.

/** One way forward from a snapshot at rest. */
export type Branch =
  | { kind: 'prep'; measures: string[] }
  | { kind: 'choose'; option: string; key: number }
  | { kind: 'wait'; minutes: number };

export interface GraphEdge {
  branch: Branch;
  /** Index into `nodes`, or -1 when the search stopped at its state limit. */
  child: number;
  /** The edge leads back to a state still being explored: a loop. Path counts skip it. */
  loop: boolean;
}

export interface GraphNode {
  beat: string | null;
  kind: 'preparation' | 'decision' | 'ending' | 'dead-end';
  ending: string | null;
  edges: GraphEdge[];
  /** Complete paths (ending in an ending) from here, over the graph without loop edges. */
  paths: number;
}

export interface ExploreRoot {
  seed: number;
  partner: string;
  node: number;
}

/** Inputs that replay a path with `war-room play --think 0`. */
export interface PathExample {
  seed: number;
  partner: string;
  prep: string[];
  /** 1-based option numbers, or "t" for letting the timer run out. */
  choices: string[];
}

export interface DeadEnd {
  beat: string | null;
  reason: string;
  states: number;
  example: PathExample;
}

export interface Loop {
  beat: string | null;
  example: PathExample;
}

export interface ExploreOptions {
  seeds?: readonly number[];
  partners?: readonly string[];
  /** Stops the search after this many distinct states (it is then reported as truncated). */
  maxStates?: number;
  /** Count the distinct values of each part of the control key (costs time; for diagnosing big searches). */
  measureParts?: boolean;
  /** Stops the search after this many milliseconds of `now` (it is then reported as truncated). */
  maxMs?: number;
  /** The clock `maxMs` is measured on (the engine reads no clock of its own); without it there is no time limit. */
  now?: () => number;
}

/** Why a search stopped before it had explored everything. */
export type StopReason = 'states' | 'depth' | 'time';

const STOP_RANK: Record<StopReason | 'none', number> = { none: 0, depth: 1, states: 2, time: 3 };

export interface Exploration {
  nodes: GraphNode[];
  roots: ExploreRoot[];
  pathsExplored: number;
  reachedBeats: Set<string>;
  reachedEndings: Set<string>;
  /** `beat/option` of every option taken on some path, by the player or by a timeout. */
  takenOptions: Set<string>;
  endingExamples: Map<string, PathExample>;
  deadEnds: DeadEnd[];
  loops: Loop[];
  truncated: boolean;
  /** The first limit the search ran into, or null when it finished. */
  stoppedBy: StopReason | null;
  /** Milliseconds the search took, by `now` (0 without a clock). */
  ms: number;
  /** Transitions computed: the cost of the search. */
  transitions: number;
  /** With `measureParts`: distinct values per part of the control key over all states, most first. */
  partVariety: { part: string; values: number }[];
}

export const DEFAULT_SEEDS: readonly number[] = [1, 2, 3];
export const DEFAULT_MAX_STATES = 200_000;
/** Decisions in a row after which a path is cut: deeper recursion would exhaust the stack. */
export const MAX_DEPTH = 1_000;

export function branchEvent(branch: Branch): RunEvent {
  switch (branch.kind) {
    case 'prep':
      return { type: 'prep.commit', measures: branch.measures };
    case 'choose':
      return { type: 'player.choose', option: branch.option };
    case 'wait':
      return { type: 'clock.tick', minutes: branch.minutes };
    default: {
      const unreachable: never = branch;
      throw new Error(`unknown branch ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Every set of measures that fits the budget, in a stable order (the empty plan first). */
export function preparationPlans(compiled: CompiledScenario): string[][] {
  const { budget, measures } = compiled.index.scenario.preparation;
  const plans: string[][] = [];
  const grow = (i: number, chosen: string[], spent: number): void => {
    if (i === measures.length) {
      plans.push(chosen);
      return;
    }
    const measure = measures[i]!;
    grow(i + 1, chosen, spent);
    if (spent + measure.cost <= budget) grow(i + 1, [...chosen, measure.id], spent + measure.cost);
  };
  grow(0, [], 0);
  // Fewest measures first, then in the scenario's order: the plain plan is explored first.
  const position = new Map(measures.map((m, i) => [m.id, i]));
  const rank = (plan: string[]): number[] => plan.map((id) => position.get(id)!);
  return plans.sort((a, b) => a.length - b.length || compareLists(rank(a), rank(b)));
}

function compareLists(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** The branches of a snapshot at rest; empty at an ending or a dead end. */
export function branchesAt(compiled: CompiledScenario, s: RunState, plans: readonly string[][]): Branch[] {
  const { index } = compiled;
  if (isEnded(s)) return [];
  if (s.phase === 'preparation') return plans.map((measures) => ({ kind: 'prep', measures }));
  const decision = s.beat === null ? undefined : index.beats.get(s.beat)?.decision;
  if (!decision || s.posedAt === null) return [];
  const branches: Branch[] = [];
  decision.options.forEach((option, i) => {
    if (canChoose(index, s, option.id)) branches.push({ kind: 'choose', option: option.id, key: i + 1 });
  });
  const deadline = decisionDeadline(index, s);
  // Waiting is a choice only when the clock eventually decides; with no default it never ends.
  if (deadline !== null && decision.default !== undefined) {
    branches.push({ kind: 'wait', minutes: Math.max(1, deadline - s.clock) });
  }
  return branches;
}

export function exampleOf(seed: number, partner: string, branches: readonly Branch[]): PathExample {
  const example: PathExample = { seed, partner, prep: [], choices: [] };
  for (const b of branches) {
    if (b.kind === 'prep') example.prep = b.measures;
    else if (b.kind === 'choose') example.choices.push(String(b.key));
    else example.choices.push('t');
  }
  return example;
}

/** A step from `state` that returns only the log entries it writes. */
export function stepFresh(compiled: CompiledScenario, state: RunState, branch: Branch): RunState {
  return stepState(compiled.index, { ...state, log: NO_LOG }, branchEvent(branch));
}

/** Shared and never written: reducers copy the log before they append to it. */
const NO_LOG: LogEntry[] = [];

function deadEndReason(compiled: CompiledScenario, s: RunState): string {
  const beat = s.beat === null ? undefined : compiled.index.beats.get(s.beat);
  if (!beat?.decision) return 'the run stopped outside any decision';
  const timed = beat.decision.timeLimit !== undefined;
  return `none of the ${beat.decision.options.length} options is available${
    timed ? ' and the time limit has no default' : ' and the decision has no time limit with a default'
  }`;
}

/** Explores every path from every seed and partner. Pure and deterministic. */
export function explore(compiled: CompiledScenario, options: ExploreOptions = {}): Exploration {
  const { index } = compiled;
  const seeds = options.seeds ?? DEFAULT_SEEDS;
  const partners = options.partners ?? index.scenario.partners.map((p) => p.id);
  const maxStates = options.maxStates ?? DEFAULT_MAX_STATES;
  const now = options.now;
  const started = now?.() ?? 0;
  const deadline = now && options.maxMs !== undefined ? started + options.maxMs : Infinity;
  const relevance = controlRelevance(index);
  const plans = preparationPlans(compiled);

  const nodes: GraphNode[] = [];
  const ids = new Map<string, number>();
  const onStack = new Set<number>();
  const result: Exploration = {
    nodes,
    roots: [],
    pathsExplored: 0,
    reachedBeats: new Set(),
    reachedEndings: new Set(),
    takenOptions: new Set(),
    endingExamples: new Map(),
    deadEnds: [],
    loops: [],
    truncated: false,
    stoppedBy: null,
    ms: 0,
    transitions: 0,
    partVariety: [],
  };
  const partValues = KEY_PARTS.map(() => new Set<string>());
  const deadEndsByBeat = new Map<string, DeadEnd>();
  const loopBeats = new Set<string>();
  const trail: Branch[] = [];
  let rootSeed = 0;
  let rootPartner = '';

  const noteLog = (log: readonly LogEntry[]): void => {
    for (let i = 0; i < log.length; i++) {
      const entry = log[i]!;
      if (entry.type === 'beat.entered') result.reachedBeats.add(entry.beat);
      else if (entry.type === 'decision.made') result.takenOptions.add(`${entry.beat}/${entry.option}`);
      else if (entry.type === 'ending.reached' && !result.reachedEndings.has(entry.beat)) {
        result.reachedEndings.add(entry.beat);
        result.endingExamples.set(entry.beat, exampleOf(rootSeed, rootPartner, trail));
      }
    }
  };

  const visit = (s: RunState): number => {
    const key = controlKey(index, relevance, s);
    const known = ids.get(key);
    if (known !== undefined) return known;
    const limit: StopReason | null =
      result.stoppedBy === 'time' || (now && nodes.length % 256 === 0 && now() > deadline)
        ? 'time'
        : nodes.length >= maxStates
          ? 'states'
          : trail.length > MAX_DEPTH
            ? 'depth'
            : null;
    if (limit) {
      result.truncated = true;
      // The limit that stopped the most of the search is the one worth naming.
      if (STOP_RANK[limit] > STOP_RANK[result.stoppedBy ?? 'none']) result.stoppedBy = limit;
      return -1;
    }
    const done = isEnded(s);
    const node: GraphNode = {
      beat: s.beat,
      kind: done ? 'ending' : s.phase === 'preparation' ? 'preparation' : 'decision',
      ending: done ? s.ending : null,
      edges: [],
      paths: 0,
    };
    const id = nodes.length;
    nodes.push(node);
    ids.set(key, id);
    if (options.measureParts && !done) controlKeyParts(index, relevance, s).forEach((p, i) => partValues[i]?.add(JSON.stringify(p)));
    if (done) {
      node.paths = 1;
      return id;
    }
    onStack.add(id);
    const branches = branchesAt(compiled, s, plans);
    for (const branch of branches) {
      const next = stepFresh(compiled, s, branch);
      result.transitions++;
      trail.push(branch);
      noteLog(next.log);
      const child = visit(next);
      const loop = child >= 0 && onStack.has(child);
      if (loop && !loopBeats.has(s.beat ?? '')) {
        loopBeats.add(s.beat ?? '');
        result.loops.push({ beat: s.beat, example: exampleOf(rootSeed, rootPartner, trail) });
      }
      trail.pop();
      node.edges.push({ branch, child, loop });
      if (child >= 0 && !loop) node.paths += nodes[child]!.paths;
    }
    onStack.delete(id);
    if (branches.length === 0) {
      node.kind = 'dead-end';
      const beatKey = s.beat ?? '';
      const existing = deadEndsByBeat.get(beatKey);
      if (existing) existing.states++;
      else {
        const deadEnd: DeadEnd = {
          beat: s.beat,
          reason: deadEndReason(compiled, s),
          states: 1,
          example: exampleOf(rootSeed, rootPartner, trail),
        };
        deadEndsByBeat.set(beatKey, deadEnd);
        result.deadEnds.push(deadEnd);
      }
    }
    return id;
  };

  for (const seed of seeds) {
    for (const partner of partners) {
      rootSeed = seed;
      rootPartner = partner;
      const start = initialState(index, { seed, partner });
      noteLog(start.log);
      const node = visit(start);
      result.roots.push({ seed, partner, node });
      if (node >= 0) result.pathsExplored += nodes[node]!.paths;
    }
  }
  result.ms = (now?.() ?? 0) - started;
  if (options.measureParts) {
    result.partVariety = KEY_PARTS.map((part, i) => ({ part, values: partValues[i]!.size })).sort((a, b) => b.values - a.values);
  }
  return result;
}
