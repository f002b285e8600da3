import type { Beat, Condition, Effect, NumberExpr } from '../scenarios/schema.ts';
import { injectKey } from './clock.ts';
import { flatEffects } from '../scenarios/effect-list.ts';
import type { ScenarioIndex } from './scenario-index.ts';
import { finishKey, MARK, putCount, putMark, putNumber, putText, reserve, startKey } from './key-writer.ts';
import type { RunState } from './state.ts';

// The explorer merges two runs when nothing that can change what happens next differs
// between them. The control key is that "nothing". Three reductions keep it small, and
// each one is exact (it never merges runs whose futures differ):
//  - relevance: a metric, sentiment, flag, measure or variable that no condition or
//    effect reads only moves scores or text; an inject or regulator whose effects touch
//    only such things changes nothing but the log. They are left out.
//  - liveness: from a given beat only the beats it can lead to can still read anything,
//    so what none of them (nor any scenario-wide inject or regulator) reads is left out.
//  - saturation: the clock only grows, and so does a metric no effect lowers; past the
//    largest threshold a condition compares it with, every comparison is settled.
// Times are relative to the clock where only durations matter (time to a deadline, time
// in the beat). An ended run has no future, so its key is just its ending.
// docs/checker.md explains each part.

/** What a part of the scenario reads. */
interface Reads {
  flags: Set<string>;
  measures: Set<string>;
  metrics: Set<string>;
  sentiments: Set<string>;
  vars: Set<string>;
  clock: boolean;
}

const noReads = (): Reads => ({
  flags: new Set(),
  measures: new Set(),
  metrics: new Set(),
  sentiments: new Set(),
  vars: new Set(),
  clock: false,
});

function merge(into: Reads, from: Reads): void {
  from.flags.forEach((x) => into.flags.add(x));
  from.measures.forEach((x) => into.measures.add(x));
  from.metrics.forEach((x) => into.metrics.add(x));
  from.sentiments.forEach((x) => into.sentiments.add(x));
  from.vars.forEach((x) => into.vars.add(x));
  into.clock ||= from.clock;
}

function readCondition(reads: Reads, c: Condition | undefined, thresholds: Map<string, number[]>): void {
  if (!c) return;
  const limits = [c.gte, c.lte, typeof c.eq === 'number' ? c.eq : undefined].filter((x): x is number => x !== undefined);
  const note = (key: string): void => void thresholds.set(key, [...(thresholds.get(key) ?? []), ...limits]);
  if (c.flag !== undefined) reads.flags.add(c.flag);
  if (c.measure !== undefined) reads.measures.add(c.measure);
  if (c.sentiment !== undefined) reads.sentiments.add(c.sentiment);
  if (c.var !== undefined) reads.vars.add(c.var);
  if (c.metric !== undefined) {
    reads.metrics.add(c.metric);
    note(`metric:${c.metric}`);
  }
  if (c.clock !== undefined) {
    reads.clock = true;
    note('clock');
  }
  readCondition(reads, c.not, thresholds);
  c.all?.forEach((x) => readCondition(reads, x, thresholds));
  c.any?.forEach((x) => readCondition(reads, x, thresholds));
}

function readEffects(reads: Reads, effects: readonly Effect[] | undefined, thresholds: Map<string, number[]>): void {
  for (const e of effects ?? []) {
    if (e.type === 'if') {
      // A conditional effect reads its condition, then whatever its branches read.
      readCondition(reads, e.params.when, thresholds);
      readEffects(reads, e.params.then, thresholds);
      readEffects(reads, e.params.else, thresholds);
      continue;
    }
    const p = e.params as { by?: NumberExpr; minutes?: NumberExpr };
    for (const expr of [p.by, p.minutes]) if (expr !== undefined && typeof expr !== 'number') reads.vars.add(expr.var);
  }
}

/** What in a scenario can influence control flow, computed once per scenario. */
export interface ControlRelevance {
  /** Per beat, what it or any beat it can lead to (or anything scenario-wide) reads. */
  live: Map<string, Reads>;
  /** Everything read anywhere: used before the incident starts. */
  all: Reads;
  /** Per regulator, the missed-flag whose liveness makes its clock matter. */
  regulators: { id: string; missedFlag: string }[];
  /** Inject keys (`beat/id`, `*\/id`) whose effects can change control. */
  injects: Set<string>;
  /** Global injects due at a T+ time whose effects matter: the absolute clock matters until they arrive. */
  timedGlobalInjects: { key: string; at: number }[];
  /** Beat injects due some minutes into their beat whose effects matter, by beat. */
  timedBeatInjects: Map<string, string[]>;
  /** Per metric read by conditions: the value past which every comparison is settled, or null if it can shrink. */
  metricSaturation: Map<string, number | null>;
  clockSaturatesAbove: number;
  /** A `draw` effect can change a variable that matters, so the generator's state matters. */
  redraws: boolean;
  /** Sorted lists, so keys list things in a fixed order. */
  order: { metrics: string[]; sentiments: string[]; vars: string[] };
}

export function controlRelevance(index: ScenarioIndex): ControlRelevance {
  const { scenario } = index;
  const thresholds = new Map<string, number[]>();

  // Scenario-wide readers can act at any time, so they are live everywhere.
  const global = noReads();
  for (const inject of scenario.injects ?? []) {
    readCondition(global, inject.when, thresholds);
    readEffects(global, inject.effects, thresholds);
  }
  for (const regulator of scenario.regulators ?? []) readCondition(global, regulator.trigger, thresholds);

  const own = new Map<string, Reads>();
  const next = new Map<string, Set<string>>();
  for (const beat of scenario.beats) {
    const reads = noReads();
    readEffects(reads, beat.onEnter, thresholds);
    for (const inject of beat.injects ?? []) {
      readCondition(reads, inject.when, thresholds);
      readEffects(reads, inject.effects, thresholds);
    }
    const targets = new Set<string>();
    for (const option of beat.decision?.options ?? []) {
      readCondition(reads, option.requires, thresholds);
      readEffects(reads, option.effects, thresholds);
      targets.add(option.next);
      for (const branch of option.branches ?? []) {
        readCondition(reads, branch.when, thresholds);
        targets.add(branch.next);
      }
    }
    own.set(beat.id, reads);
    next.set(beat.id, targets);
  }

  const live = new Map<string, Reads>();
  for (const beat of scenario.beats) live.set(beat.id, liveFrom(beat, own, next, global));
  const all = noReads();
  merge(all, global);
  own.forEach((r) => merge(all, r));
  scenario.preparation.measures.forEach((m) => readEffects(all, m.effects, thresholds));

  const regulators = (scenario.regulators ?? []).map((r) => ({ id: r.id, missedFlag: `missed-${r.id}` }));
  const relevantEffect = (e: Effect): boolean => {
    switch (e.type) {
      case 'adjust':
        return all.metrics.has(e.params.metric);
      case 'sentiment':
        return all.sentiments.has(e.params.stakeholder);
      case 'set-flag':
      case 'clear-flag':
        return all.flags.has(e.params.flag);
      case 'service':
      case 'advance':
        return true;
      case 'draw':
        return all.vars.has(e.params.var);
      case 'if':
        return [...e.params.then, ...(e.params.else ?? [])].some(relevantEffect);
      case 'notify':
        return all.flags.has(`missed-${e.params.regulator}`) || all.metrics.has('complianceExposure');
      default: {
        const unreachable: never = e;
        throw new Error(`unknown effect ${JSON.stringify(unreachable)}`);
      }
    }
  };

  const injects = new Set<string>();
  const timedBeatInjects = new Map<string, string[]>();
  const timedGlobalInjects: { key: string; at: number }[] = [];
  for (const inject of scenario.injects ?? []) {
    if (!inject.effects?.some(relevantEffect)) continue;
    injects.add(injectKey(null, inject));
    if (inject.at !== undefined) timedGlobalInjects.push({ key: injectKey(null, inject), at: inject.at });
  }
  for (const beat of scenario.beats) {
    for (const inject of beat.injects ?? []) {
      if (!inject.effects?.some(relevantEffect)) continue;
      const key = injectKey(beat.id, inject);
      injects.add(key);
      if (inject.at !== undefined) timedBeatInjects.set(beat.id, [...(timedBeatInjects.get(beat.id) ?? []), key]);
    }
  }

  const allEffects: Effect[] = flatEffects([
    ...scenario.preparation.measures.flatMap((m) => m.effects ?? []),
    ...(scenario.injects ?? []).flatMap((i) => i.effects ?? []),
    ...scenario.beats.flatMap((b) => [
      ...(b.onEnter ?? []),
      ...(b.injects ?? []).flatMap((i) => i.effects ?? []),
      ...(b.decision?.options ?? []).flatMap((o) => o.effects ?? []),
    ]),
  ]);
  const shrinks = new Set<string>(
    allEffects.flatMap((e) => (e.type === 'adjust' && (typeof e.params.by !== 'number' || e.params.by < 0) ? [e.params.metric] : [])),
  );
  const metricSaturation = new Map<string, number | null>();
  for (const metric of all.metrics) {
    metricSaturation.set(metric, shrinks.has(metric) ? null : Math.max(0, ...(thresholds.get(`metric:${metric}`) ?? [])));
  }

  return {
    live,
    all,
    regulators,
    injects,
    timedGlobalInjects,
    timedBeatInjects,
    metricSaturation,
    clockSaturatesAbove: Math.max(0, ...(thresholds.get('clock') ?? [])),
    redraws: allEffects.some((e) => e.type === 'draw' && relevantEffect(e)),
    order: {
      metrics: [...all.metrics].sort(),
      sentiments: [...all.sentiments].sort(),
      vars: (scenario.variables ?? []).map((v) => v.id).filter((id) => all.vars.has(id)),
    },
  };
}

/** What the beat and every beat it can lead to read, plus what is read scenario-wide. */
function liveFrom(start: Beat, own: Map<string, Reads>, next: Map<string, Set<string>>, global: Reads): Reads {
  const reads = noReads();
  merge(reads, global);
  const seen = new Set<string>([start.id]);
  const queue = [start.id];
  while (queue.length > 0) {
    const id = queue.pop()!;
    const r = own.get(id);
    if (r) merge(reads, r);
    for (const n of next.get(id) ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return reads;
}

/** Exact up to the last threshold, then one bucket. */
function saturate(value: number, above: number | null): number | 'past' {
  return above !== null && value > above ? 'past' : value;
}

function regulatorKey(s: RunState, id: string): number | string {
  const r = s.regulators[id];
  if (!r || r.startedAt === null) return 0;
  if (r.notifiedAt !== null) return 'n';
  if (r.missed) return 'm';
  return r.deadline === null ? 's' : r.deadline - s.clock;
}

/** The parts of a control key, in order; `war-room check` names the ones that vary most when a search is too big. */
export const KEY_PARTS = [
  'phase',
  'partner',
  'beat',
  'decision timer',
  'time in the beat',
  'clock',
  'flags',
  'measures',
  'variables',
  'services',
  'delivered injects',
  'regulator clocks',
  'metrics',
  'sentiments',
  'random generator',
] as const;

/** The values that make up the key, one per KEY_PARTS entry (or an ended run's ending). */
export function controlKeyParts(index: ScenarioIndex, relevance: ControlRelevance, s: RunState): unknown[] {
  if (s.phase === 'ended') return ['ended', s.ending];
  const beat = s.beat === null ? undefined : index.beats.get(s.beat);
  const live = beat ? (relevance.live.get(beat.id) ?? relevance.all) : relevance.all;
  const delivered = s.delivered.filter((k) => relevance.injects.has(k)).sort();
  const pending = (key: string): boolean => !delivered.includes(key);

  const clockMatters = relevance.timedGlobalInjects.some((i) => i.at > s.clock && pending(i.key));
  const clock = clockMatters ? s.clock : live.clock ? saturate(s.clock, relevance.clockSaturatesAbove) : null;
  // Beat injects due some minutes after the beat began need the time since it began.
  const beatTimed = beat ? (relevance.timedBeatInjects.get(beat.id)?.some(pending) ?? false) : false;
  const timedDecision = beat?.decision?.timeLimit !== undefined;
  const complianceLive = live.metrics.has('complianceExposure');

  const parts: unknown[] = [
    s.phase,
    s.partnerId,
    s.beat,
    s.posedAt === null ? null : timedDecision ? [s.clock - s.posedAt, s.timerExtension, s.timerHeld] : 0,
    beatTimed ? s.clock - s.beatEnteredAt : null,
    clock,
    s.flags.filter((f) => live.flags.has(f)),
    s.measures.filter((m) => live.measures.has(m)),
    relevance.order.vars.map((v) => (live.vars.has(v) ? s.vars[v] : null)),
    // Failover changes what a service's dependencies do to it; absent in most runs.
    s.runsWithout && Object.keys(s.runsWithout).length > 0 ? [s.services, s.runsWithout] : s.services,
    delivered,
    relevance.regulators.map((r) => (complianceLive || live.flags.has(r.missedFlag) ? regulatorKey(s, r.id) : null)),
    relevance.order.metrics.map((m) =>
      live.metrics.has(m) ? saturate(s.metrics[m as keyof RunState['metrics']], relevance.metricSaturation.get(m) ?? null) : null,
    ),
    relevance.order.sentiments.map((id) => (live.sentiments.has(id) ? s.sentiment[id] : null)),
    relevance.redraws ? s.rng : null,
  ];
  return parts;
}

const STATUS_CODE: Record<string, number> = { up: 0, degraded: 1, down: 2 };

/** Short codes for the ids in keys: each distinct id gets the next number, so codes are as distinct as ids. */
const shortCodes = new WeakMap<ControlRelevance, Map<string, number>>();

function codeTable(relevance: ControlRelevance): Map<string, number> {
  let table = shortCodes.get(relevance);
  if (!table) shortCodes.set(relevance, (table = new Map()));
  return table;
}

function putId(table: Map<string, number>, id: string): void {
  let code = table.get(id);
  if (code === undefined) table.set(id, (code = table.size));
  putNumber(code);
}

/** A number, saturated (saturate) or not, or a missing one. */
function putValue(value: number | 'past' | undefined | null): void {
  if (value === 'past') putMark(MARK.past);
  else if (typeof value === 'number') putNumber(value);
  else putMark(MARK.absent);
}

/** The ids of `list` that `live` holds, counted first. */
function putLiveIds(table: Map<string, number>, list: readonly string[], live: Set<string>): void {
  const at = reserve();
  let count = 0;
  for (const id of list) {
    if (!live.has(id)) continue;
    putId(table, id);
    count++;
  }
  putCount(at, count);
}

/**
 * The control key as one short string, for the explorer's table of seen states: the same
 * values as controlKeyParts, and two runs get the same string exactly when JSON.stringify
 * of their parts is the same (so the graph does not change), but without building the
 * arrays first: each value is a code unit or a few (key-writer.ts), ids are short numbers
 * (distinct ids, distinct numbers), and the string is made in one piece.
 */
export function controlKey(index: ScenarioIndex, relevance: ControlRelevance, s: RunState): string {
  const table = codeTable(relevance);
  startKey();
  if (s.phase === 'ended') {
    putMark(MARK.ended);
    putId(table, s.ending ?? '');
    return finishKey();
  }
  const beat = s.beat === null ? undefined : index.beats.get(s.beat);
  const live = beat ? (relevance.live.get(beat.id) ?? relevance.all) : relevance.all;
  const delivered: string[] = [];
  for (const k of s.delivered) if (relevance.injects.has(k)) delivered.push(k);
  if (delivered.length > 1) delivered.sort();

  let clockMatters = false;
  for (const i of relevance.timedGlobalInjects) {
    if (i.at > s.clock && !delivered.includes(i.key)) {
      clockMatters = true;
      break;
    }
  }
  const clock = clockMatters ? s.clock : live.clock ? saturate(s.clock, relevance.clockSaturatesAbove) : null;
  let beatTimed = false;
  const timed = beat ? relevance.timedBeatInjects.get(beat.id) : undefined;
  if (timed) for (const k of timed) if (!delivered.includes(k)) beatTimed = true;
  const complianceLive = live.metrics.has('complianceExposure');

  putNumber(s.phase === 'incident' ? 0 : 1);
  putId(table, s.partnerId);
  if (s.beat === null) putMark(MARK.absent);
  else putId(table, s.beat);
  if (s.posedAt === null) putMark(MARK.absent);
  else if (beat?.decision?.timeLimit === undefined) putMark(MARK.untimed);
  else {
    putMark(MARK.timed);
    putNumber(s.clock - s.posedAt);
    putNumber(s.timerExtension);
    putNumber(s.timerHeld ? 1 : 0);
  }
  putValue(beatTimed ? s.clock - s.beatEnteredAt : null);
  putValue(clock);
  putLiveIds(table, s.flags, live.flags);
  putLiveIds(table, s.measures, live.measures);
  const services = reserve();
  let count = 0;
  for (const id in s.services) {
    putId(table, id);
    const status = s.services[id]!;
    const code = STATUS_CODE[status];
    if (code === undefined) putText(status);
    else putNumber(code);
    count++;
  }
  putCount(services, count);
  // Failover changes what a service's dependencies do to it; absent in most runs.
  if (s.runsWithout && Object.keys(s.runsWithout).length > 0) {
    putMark(MARK.failover);
    putText(JSON.stringify(s.runsWithout));
  } else putMark(MARK.absent);
  const injects = reserve();
  for (const k of delivered) putId(table, k);
  putCount(injects, delivered.length);
  for (const r of relevance.regulators) {
    if (!(complianceLive || live.flags.has(r.missedFlag))) {
      putMark(MARK.absent);
      continue;
    }
    const value = regulatorKey(s, r.id);
    if (value === 'n') putMark(MARK.notified);
    else if (value === 'm') putMark(MARK.missed);
    else if (value === 's') putMark(MARK.started);
    else putNumber(value as number);
  }
  for (const m of relevance.order.metrics) {
    putValue(live.metrics.has(m) ? saturate(s.metrics[m as keyof RunState['metrics']], relevance.metricSaturation.get(m) ?? null) : null);
  }
  for (const id of relevance.order.sentiments) putValue(live.sentiments.has(id) ? s.sentiment[id] : null);
  putValue(relevance.redraws ? s.rng : null);
  for (const v of relevance.order.vars) {
    // A variable's value is a number or a text; JSON tells "5" from 5, and so does the writer.
    const value = live.vars.has(v) ? s.vars[v] : undefined;
    if (typeof value === 'string') putText(value);
    else if (typeof value === 'number') putNumber(value);
    else putMark(MARK.absent);
  }
  return finishKey();
}
