import type { DimensionName } from '../scenarios/schema.ts';
import type { CompiledScenario } from './compile.ts';
import { stepFresh, type Branch, type Exploration } from './explore.ts';
import { extremePaths, type PathIndices } from './extreme-paths.ts';
import { initialState } from './rules.ts';
import { nextFloat, seedState } from './rng.ts';
import { scoreRun } from './scoring.ts';
import type { LogEntry, RunState } from './state.ts';
import { RangeAccumulator, type Range } from './stats.ts';

// Scores over the complete paths of an explored scenario. Scores depend on the whole log,
// which the control key leaves out, so each path is replayed for real. Paths share their
// prefixes (one transition per trie edge); past the cap a seeded uniform sample is scored,
// and steered best and worst paths (extreme-paths.ts) widen the min and max. The log of the
// path walked so far is one array that grows on the way down and is cut back on the way up,
// so a step never copies the log written before it.

export type ScoreName = DimensionName | 'overall';
export const SCORE_NAMES: readonly ScoreName[] = ['communication', 'proactivity', 'businessImpact', 'overall'];

export interface PathScores {
  scores: Record<ScoreName, Range>;
  /** Complete paths scored (with repeats when sampled). */
  scored: number;
  sampled: boolean;
  /** Paths steered to the best and worst scores, added to min and max (not the mean) when sampled. */
  steered: number;
}

export interface PathScoreOptions {
  /** Score every path up to this many; above it score this many sampled paths. */
  cap?: number;
  sampleSeed?: number;
}

export const DEFAULT_PATH_CAP = 1_000;

export function scorePaths(compiled: CompiledScenario, graph: Exploration, options: PathScoreOptions = {}): PathScores {
  const cap = options.cap ?? DEFAULT_PATH_CAP;
  const acc = Object.fromEntries(SCORE_NAMES.map((n) => [n, new RangeAccumulator()])) as Record<ScoreName, RangeAccumulator>;
  const { nodes, roots } = graph;
  const usable = (child: number, loop: boolean): boolean => child >= 0 && !loop && nodes[child]!.paths > 0;

  const score = (log: readonly LogEntry[], times: number): void => {
    const report = scoreRun(compiled.index, log);
    acc.communication.add(report.communication.score, times);
    acc.proactivity.add(report.proactivity.score, times);
    acc.businessImpact.add(report.businessImpact.score, times);
    acc.overall.add(report.overall, times);
  };
  const sampled = graph.pathsExplored > cap;
  let steered = 0;
  if (!sampled) {
    const walk = (id: number, state: RunState, log: PathLog): void => {
      const node = nodes[id]!;
      if (node.kind === 'ending') return score(log.entries, 1);
      for (const edge of node.edges) {
        if (!usable(edge.child, edge.loop)) continue;
        log.down(compiled, state, edge.branch, (next) => walk(edge.child, next, log));
      }
    };
    for (const root of roots) {
      if (root.node >= 0 && nodes[root.node]!.paths > 0) {
        const start = initialState(compiled.index, { seed: root.seed, partner: root.partner });
        walk(root.node, start, new PathLog(start.log));
      }
    }
  } else {
    replayPaths(compiled, graph, samplePaths(graph, cap, options.sampleSeed ?? 1), score);
    // The best and worst paths are rarely in a sample: steer to them and widen the ranges.
    const extremes = extremePaths(compiled, graph);
    steered = extremes.length;
    replayPaths(compiled, graph, extremes, (log) => {
      const report = scoreRun(compiled.index, log);
      acc.communication.include(report.communication.score);
      acc.proactivity.include(report.proactivity.score);
      acc.businessImpact.include(report.businessImpact.score);
      acc.overall.include(report.overall);
    });
  }

  return {
    scores: Object.fromEntries(SCORE_NAMES.map((n) => [n, acc[n].range()])) as Record<ScoreName, Range>,
    scored: acc.overall.count,
    sampled,
    steered,
  };
}

/** The log of the path being walked: entries of each step are appended going down and removed coming back. */
class PathLog {
  readonly entries: LogEntry[];

  constructor(start: readonly LogEntry[]) {
    this.entries = [...start];
  }

  /** Takes one step from `state`, runs `then` on the state it leads to with the log extended, and restores the log. */
  down(compiled: CompiledScenario, state: RunState, branch: Branch, then: (next: RunState) => void): void {
    const before = this.entries.length;
    const next = stepFresh(compiled, state, branch);
    for (const entry of next.log) this.entries.push(entry);
    then(next);
    this.entries.length = before;
  }
}

/** Replays paths given as edge indices; sorted, they share prefixes, so each shared step is taken once. */
function replayPaths(
  compiled: CompiledScenario,
  graph: Exploration,
  paths: PathIndices[],
  onEnd: (log: readonly LogEntry[], times: number) => void,
): void {
  const { nodes, roots } = graph;
  const sorted = [...paths].sort(comparePaths);
  const walk = (id: number, state: RunState, log: PathLog, group: PathIndices[], depth: number): void => {
    const node = nodes[id]!;
    if (node.kind === 'ending') return onEnd(log.entries, group.length);
    for (let start = 0; start < group.length; ) {
      const pick = group[start]![depth]!;
      let end = start + 1;
      while (end < group.length && group[end]![depth] === pick) end++;
      const edge = node.edges[pick]!;
      const subgroup = group.slice(start, end);
      log.down(compiled, state, edge.branch, (next) => walk(edge.child, next, log, subgroup, depth + 1));
      start = end;
    }
  };
  for (let start = 0; start < sorted.length; ) {
    const rootIndex = sorted[start]![0]!;
    let end = start + 1;
    while (end < sorted.length && sorted[end]![0] === rootIndex) end++;
    const root = roots[rootIndex]!;
    const first = initialState(compiled.index, { seed: root.seed, partner: root.partner });
    walk(root.node, first, new PathLog(first.log), sorted.slice(start, end), 1);
    start = end;
  }
}

/**
 * Draws `count` complete paths uniformly: at each node an edge is picked with probability
 * proportional to the complete paths behind it, so every path is equally likely.
 */
function samplePaths(graph: Exploration, count: number, seed: number): PathIndices[] {
  const { nodes, roots } = graph;
  let rng = seedState(seed);
  const pickWeighted = (weights: number[]): number => {
    const total = weights.reduce((a, b) => a + b, 0);
    const [f, next] = nextFloat(rng);
    rng = next;
    let target = f * total;
    for (let i = 0; i < weights.length; i++) {
      target -= weights[i]!;
      if (target < 0 && weights[i]! > 0) return i;
    }
    // Rounding can leave the target a hair above zero: fall back to the last weighted edge.
    for (let i = weights.length - 1; i >= 0; i--) if (weights[i]! > 0) return i;
    return 0;
  };
  const rootWeights = roots.map((r) => (r.node >= 0 ? nodes[r.node]!.paths : 0));
  const samples: PathIndices[] = [];
  for (let n = 0; n < count; n++) {
    const rootIndex = pickWeighted(rootWeights);
    const path: PathIndices = [rootIndex];
    let node = nodes[roots[rootIndex]!.node]!;
    while (node.kind !== 'ending') {
      const i = pickWeighted(node.edges.map((e) => (e.child >= 0 && !e.loop ? nodes[e.child]!.paths : 0)));
      path.push(i);
      node = nodes[node.edges[i]!.child]!;
    }
    samples.push(path);
  }
  return samples;
}

function comparePaths(a: PathIndices, b: PathIndices): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
