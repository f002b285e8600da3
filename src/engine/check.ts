import type { CompiledScenario } from './compile.ts';
import { DEFAULT_MAX_STATES, DEFAULT_SEEDS, explore, MAX_DEPTH, type DeadEnd, type Exploration, type Loop, type PathExample } from './explore.ts';
import { DEFAULT_PATH_CAP, SCORE_NAMES, scorePaths, type ScoreName } from './path-scores.ts';
import { ADVICE_POLICY, evaluatePoliciesWithin, greedyPreparation, playPolicy, POLICIES, type PolicyResult } from './policies.ts';
import { round1, spreadOf, type Range, type Spread } from './stats.ts';
import { beatArrivals, timeClaimMessage, timeClaims, timeOfDayClaims, timeOfDayMessage } from './time-claims.ts';

// Everything `war-room check` reports about one compiled scenario: structure (from the
// explorer), score ranges over paths, simple policies, and issue 4's balance rules.
// Locations are paths into the scenario (e.g. ['beats', 3]); the CLI turns them into
// line and column.

export type ScenarioPath = (string | number)[];

export interface CheckProblem {
  severity: 'error' | 'warning';
  path: ScenarioPath;
  message: string;
  /** Inputs that replay the situation, when there is one. */
  example?: PathExample;
}

export interface BalanceCheck {
  rule: string;
  ok: boolean;
  detail: string;
}

export interface SeedSpread extends Spread {
  score: 'businessImpact';
  policy: string;
  partner: string;
  seeds: number;
}

export interface CheckReport {
  id: string;
  title: string;
  beats: number;
  decisions: number;
  endings: number;
  pathsExplored: number;
  states: number;
  transitions: number;
  /** False when the search stopped at its state limit: reachability is then incomplete. */
  complete: boolean;
  /** One sentence per phase that stopped early or was skipped, with the true reason; empty when all ran in full. */
  incomplete: string[];
  unreachableBeats: string[];
  deadEnds: DeadEnd[];
  unreachedEndings: string[];
  timedWithoutDefault: string[];
  loops: Loop[];
  neverTakenOptions: string[];
  endingExamples: Record<string, PathExample>;
  scores: Record<ScoreName, Range>;
  scoresSampled: boolean;
  pathsScored: number;
  /** Paths steered to the best and worst scores (see extreme-paths.ts), when sampling. */
  pathsSteered: number;
  policies: PolicyResult[];
  balance: BalanceCheck[];
  /** Null when skipped: no complete path was found, so there was nothing to play. */
  seedSpread: SeedSpread | null;
  problems: CheckProblem[];
}

export interface CheckOptions {
  seeds?: readonly number[];
  maxStates?: number;
  /** Score every complete path up to this many, else a sample of this many. */
  pathCap?: number;
  policySeeds?: readonly number[];
  spreadSeeds?: number;
  /** Each phase (path search, policies, seed spread) stops after this many seconds of `now`. */
  maxSeconds?: number;
  /** The clock for `maxSeconds` (the engine reads none of its own); without it only the state limits apply. */
  now?: () => number;
}

export const DEFAULT_MAX_SECONDS = 30;

export const BALANCE = {
  minScoreRange: 40,
  maxSimplePolicy: 70,
} as const;

export const SPREAD_SEEDS = 200;
/** States a too-big search is re-run with to measure what keeps its runs apart. */
const PROBE_STATES = 5_000;

export function checkScenario(compiled: CompiledScenario, options: CheckOptions = {}): CheckReport {
  const { scenario } = compiled.index;
  const seeds = options.seeds ?? DEFAULT_SEEDS;
  const maxStates = options.maxStates ?? DEFAULT_MAX_STATES;
  const maxMs = (options.maxSeconds ?? DEFAULT_MAX_SECONDS) * 1000;
  const clock = options.now ? { now: options.now, maxMs } : {};
  const graph = explore(compiled, { seeds, maxStates, ...clock });
  const structure = structureOf(compiled, graph);
  const pathScores = scorePaths(compiled, graph, { cap: options.pathCap ?? DEFAULT_PATH_CAP });
  const incomplete: string[] = [];
  if (graph.truncated) incomplete.push(searchStop(graph, maxStates, maxMs));
  // Policies and the seed spread play whole runs: with no complete path they would only go round in circles.
  const playable = graph.pathsExplored > 0;
  let policies: PolicyResult[] = [];
  let seedSpread: SeedSpread | null = null;
  if (playable) {
    const evaluation = evaluatePoliciesWithin(compiled, { ...(options.policySeeds ? { seeds: options.policySeeds } : {}), ...clock });
    policies = evaluation.results;
    if (evaluation.runs < evaluation.planned) {
      incomplete.push(`policies: stopped after ${evaluation.runs.toLocaleString('en-GB')} of ${evaluation.planned.toLocaleString('en-GB')} runs / ${seconds(evaluation.ms)} (the time limit)`);
    }
    seedSpread = spreadOverSeeds(compiled, options.spreadSeeds ?? SPREAD_SEEDS, clock);
    if (seedSpread.seeds < (options.spreadSeeds ?? SPREAD_SEEDS)) {
      incomplete.push(`seed spread: stopped after ${seedSpread.seeds} of ${options.spreadSeeds ?? SPREAD_SEEDS} seeds (the time limit)`);
    }
  } else {
    incomplete.push('policies and seed spread: skipped, because the search found no complete path to play');
  }
  const balance = balanceChecks(structure, graph.truncated, pathScores.scores, policies);

  return {
    id: scenario.id,
    title: scenario.title,
    beats: scenario.beats.length,
    decisions: scenario.beats.filter((b) => b.decision).length,
    endings: scenario.beats.filter((b) => b.ending).length,
    pathsExplored: graph.pathsExplored,
    states: graph.nodes.length,
    transitions: graph.transitions,
    complete: !graph.truncated,
    incomplete,
    ...structure,
    endingExamples: Object.fromEntries(graph.endingExamples),
    scores: pathScores.scores,
    scoresSampled: pathScores.sampled,
    pathsScored: pathScores.scored,
    pathsSteered: pathScores.steered,
    policies,
    balance,
    seedSpread,
    problems: problemsOf(compiled, graph, structure, seeds, maxStates, maxMs),
  };
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** "incomplete: stopped after N states / S seconds" with the limit that really stopped it. */
function searchStop(graph: Exploration, maxStates: number, maxMs: number): string {
  const states = graph.nodes.length.toLocaleString('en-GB');
  const after = `stopped after ${states} states / ${seconds(graph.ms)}`;
  switch (graph.stoppedBy) {
    case 'time':
      return `path search: ${after}: it reached its time limit of ${seconds(maxMs)} (--max-seconds)`;
    case 'states':
      return `path search: ${after}: it reached its limit of ${maxStates.toLocaleString('en-GB')} distinct states (--max-states)`;
    case 'depth':
    case null:
      return `path search: ${after}: some paths are longer than ${MAX_DEPTH.toLocaleString('en-GB')} steps in a row, the depth limit, and were cut there`;
    default: {
      const unreachable: never = graph.stoppedBy;
      throw new Error(`unknown stop ${String(unreachable)}`);
    }
  }
}

type Structure = Pick<CheckReport, 'unreachableBeats' | 'deadEnds' | 'unreachedEndings' | 'timedWithoutDefault' | 'loops' | 'neverTakenOptions'>;

function structureOf(compiled: CompiledScenario, graph: Exploration): Structure {
  const { scenario } = compiled.index;
  return {
    unreachableBeats: scenario.beats.filter((b) => !graph.reachedBeats.has(b.id)).map((b) => b.id),
    deadEnds: graph.deadEnds,
    unreachedEndings: scenario.beats.filter((b) => b.ending && !graph.reachedEndings.has(b.id)).map((b) => b.id),
    timedWithoutDefault: scenario.beats
      .filter((b) => b.decision?.timeLimit !== undefined && b.decision.default === undefined)
      .map((b) => b.id),
    loops: graph.loops,
    neverTakenOptions: scenario.beats.flatMap((b) =>
      graph.reachedBeats.has(b.id)
        ? (b.decision?.options ?? []).filter((o) => !graph.takenOptions.has(`${b.id}/${o.id}`)).map((o) => `${b.id}/${o.id}`)
        : [],
    ),
  };
}

function describeSeeds(seeds: readonly number[]): string {
  const sorted = [...seeds].sort((a, b) => a - b);
  const contiguous = sorted.every((s, i) => i === 0 || s === sorted[i - 1]! + 1);
  return contiguous && sorted.length > 1 ? `seeds ${sorted[0]}-${sorted[sorted.length - 1]}` : `seed${sorted.length === 1 ? '' : 's'} ${sorted.join(', ')}`;
}

function problemsOf(compiled: CompiledScenario, graph: Exploration, s: Structure, seeds: readonly number[], maxStates: number, maxMs: number): CheckProblem[] {
  const { scenario } = compiled.index;
  const beatIndex = new Map(scenario.beats.map((b, i) => [b.id, i]));
  const at = (beat: string | null, ...rest: ScenarioPath): ScenarioPath =>
    beat === null || !beatIndex.has(beat) ? ['start'] : ['beats', beatIndex.get(beat)!, ...rest];
  const scope = `${describeSeeds(seeds)}, every partner and every preparation that fits the budget`;
  const searched = graph.truncated ? ' in the part of the search that finished' : '';
  // After an unfinished search an unreached beat may still be reachable: the stop itself is the error.
  const reachSeverity = graph.truncated ? 'warning' : 'error';
  const problems: CheckProblem[] = [];

  if (graph.truncated) {
    const stop = `incomplete: ${searchStop(graph, maxStates, maxMs)}`;
    if (graph.stoppedBy === 'depth') {
      problems.push({ severity: 'error', path: ['beats'], message: `${stop}; a run this long cannot be played, so shorten the chain of beats or make it end` });
    } else {
      // A smaller search that measures which parts of the state keep runs apart tells the author where to look.
      const probe = explore(compiled, { seeds, maxStates: Math.min(maxStates, PROBE_STATES), measureParts: true });
      const varied = probe.partVariety
        .filter((p) => p.values > 1 && p.part !== 'beat' && p.part !== 'partner' && p.part !== 'phase')
        .slice(0, 4)
        .map((p) => `${p.part} (${p.values.toLocaleString('en-GB')} values)`)
        .join(', ');
      problems.push({
        severity: 'error',
        path: ['beats'],
        message:
          `${stop}; runs differ most in ${varied || 'nothing measurable'}; conditions on metrics, sentiments or the clock keep runs apart, ` +
          'so prefer flags for routing (see docs/checker.md) or raise the limit',
      });
    }
  }
  const unreachedEndings = new Set(s.unreachedEndings);
  for (const beat of s.unreachableBeats) {
    if (unreachedEndings.has(beat)) continue;
    problems.push({ severity: reachSeverity, path: at(beat, 'id'), message: `beat "${beat}" is never reached${searched} (${scope}); check the next and branches that should lead here` });
  }
  for (const beat of s.unreachedEndings) {
    problems.push({ severity: reachSeverity, path: at(beat, 'id'), message: `ending "${beat}" is never reached${searched} (${scope}); check the branches that should lead here` });
  }
  for (const d of s.deadEnds) {
    problems.push({
      severity: 'error',
      path: at(d.beat, 'decision'),
      message: `dead end at beat "${d.beat}": ${d.reason} (${d.states} state${d.states === 1 ? '' : 's'})`,
      example: d.example,
    });
  }
  for (const c of timeClaims(scenario)) {
    const option = scenario.beats[c.beat]!.decision!.options[c.option]!;
    problems.push({ severity: 'warning', path: ['beats', c.beat, 'decision', 'options', c.option, c.field], message: timeClaimMessage(c, option.id) });
  }
  // Runs only make sense once a complete path exists (as for the policies).
  if (graph.pathsExplored > 0) {
    for (const c of timeOfDayClaims(scenario, beatArrivals(compiled))) {
      problems.push({ severity: 'warning', path: ['beats', c.beat, ...c.field], message: timeOfDayMessage(c, scenario) });
    }
  }
  for (const loop of s.loops) {
    problems.push({
      severity: 'warning',
      path: at(loop.beat, 'decision'),
      message: `a run can come back to beat "${loop.beat}" with nothing changed, so it could go round forever; paths through this loop are not counted`,
      example: loop.example,
    });
  }
  for (const id of s.neverTakenOptions) {
    const [beat, option] = id.split('/') as [string, string];
    const optionIndex = scenario.beats[beatIndex.get(beat)!]?.decision?.options.findIndex((o) => o.id === option) ?? -1;
    problems.push({
      severity: 'warning',
      path: at(beat, 'decision', 'options', optionIndex, 'requires'),
      message: `option "${option}" of beat "${beat}" is never available when the decision is put${searched}; check its requires`,
    });
  }
  return problems;
}

function balanceChecks(s: Structure, truncated: boolean, scores: Record<ScoreName, Range>, policies: PolicyResult[]): BalanceCheck[] {
  const incomplete = truncated ? ' (search incomplete)' : '';
  const list = (xs: string[]): string => (xs.length === 0 ? 'none' : xs.join(', '));
  const checks: BalanceCheck[] = [
    { rule: 'every beat reachable', ok: s.unreachableBeats.length === 0 && !truncated, detail: `unreachable: ${list(s.unreachableBeats)}${incomplete}` },
    { rule: 'every ending reached', ok: s.unreachedEndings.length === 0 && !truncated, detail: `unreached: ${list(s.unreachedEndings)}${incomplete}` },
    { rule: 'no dead ends', ok: s.deadEnds.length === 0, detail: `dead ends: ${list(s.deadEnds.map((d) => d.beat ?? '(start)'))}` },
  ];
  for (const name of SCORE_NAMES) {
    if (name === 'overall') continue;
    const r = scores[name];
    const spread = round1(r.max - r.min);
    checks.push({
      rule: `${name === 'businessImpact' ? 'business impact' : name}: best and worst paths differ by at least ${BALANCE.minScoreRange}`,
      ok: spread >= BALANCE.minScoreRange,
      detail: `${r.min} to ${r.max} (${spread} points)`,
    });
  }
  const simple = policies.filter((p) => p.simple);
  const above = simple.filter((p) => p.overall > BALANCE.maxSimplePolicy);
  const bestSimple = simple.reduce<PolicyResult | null>((a, b) => (a === null || b.overall > a.overall ? b : a), null);
  checks.push({
    rule: `no simple policy scores above ${BALANCE.maxSimplePolicy} overall`,
    ok: above.length === 0,
    detail:
      above.length > 0
        ? above.map((p) => `"${p.name}" ${p.overall} with ${p.partner}`).join('; ')
        : `best: "${bestSimple?.name ?? '-'}" ${bestSimple?.overall ?? 0}`,
  });
  const advice = policies.find((p) => p.name === ADVICE_POLICY);
  if (advice) {
    const beaten = simple.filter((p) => p.overall >= advice.overall);
    checks.push({
      rule: "the strategic partner's advice beats every simple policy",
      ok: beaten.length === 0,
      detail:
        beaten.length > 0
          ? `advice ${advice.overall}, but ${beaten.map((p) => `"${p.name}" ${p.overall}`).join(', ')}`
          : `advice ${advice.overall} against best simple ${bestSimple?.overall ?? 0}`,
    });
  }
  return checks;
}

/** Business impact over many seeds, always following the advice with the first partner; `seeds` says how many ran before any time limit. */
export function spreadOverSeeds(compiled: CompiledScenario, count: number, clock: { now?: () => number; maxMs?: number } = {}): SeedSpread {
  const policy = POLICIES.find((p) => p.name === ADVICE_POLICY)!;
  const partner = compiled.index.scenario.partners[0]!.id;
  const prep = greedyPreparation(compiled);
  const values: number[] = [];
  const started = clock.now?.() ?? 0;
  for (let seed = 1; seed <= count; seed++) {
    if (clock.now && clock.maxMs !== undefined && clock.now() - started > clock.maxMs) break;
    values.push(playPolicy(compiled, policy, { seed, partner, prep }).report.businessImpact.score);
  }
  return { score: 'businessImpact', policy: policy.name, partner, seeds: values.length, ...spreadOf(values) };
}
