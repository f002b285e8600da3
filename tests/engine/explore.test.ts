import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/engine/check.ts';
import type { CompiledScenario } from '../../src/engine/compile.ts';
import { branchesAt, branchEvent, explore, preparationPlans } from '../../src/engine/explore.ts';
import type { RunSnapshot } from '../../src/engine/machine.ts';
import { scorePaths } from '../../src/engine/path-scores.ts';
import { evaluatePolicies, greedyPreparation } from '../../src/engine/policies.ts';
import { startSnapshot, stepSnapshot } from '../../src/engine/runtime.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';
import { compiledTiny } from './helpers.ts';

/** Every path without merging anything: the slow truth the explorer's merged graph must agree with. */
function naive(compiled: CompiledScenario, seeds = [1, 2, 3]) {
  const plans = preparationPlans(compiled);
  const beats = new Set<string>();
  const endings = new Map<string, number>();
  let paths = 0;
  let deadEnds = 0;
  const walk = (snapshot: RunSnapshot): void => {
    for (const e of snapshot.context.log) if (e.type === 'beat.entered') beats.add(e.beat);
    if (snapshot.status === 'done') {
      paths++;
      endings.set(snapshot.context.ending!, (endings.get(snapshot.context.ending!) ?? 0) + 1);
      return;
    }
    const branches = branchesAt(compiled, snapshot.context, plans);
    if (branches.length === 0) deadEnds++;
    for (const b of branches) walk(stepSnapshot(compiled, snapshot, branchEvent(b)));
  };
  for (const seed of seeds) {
    for (const p of compiled.index.scenario.partners) walk(startSnapshot(compiled, { seed, partner: p.id }));
  }
  return { beats, endings, paths, deadEnds };
}

const beat = (s: Scenario, id: string) => s.beats.find((b) => b.id === id)!;

describe('explore on the tiny scenario', () => {
  const compiled = compiledTiny();
  const graph = explore(compiled);

  it('counts every complete path: seeds x partners x preparations x options', () => {
    // Plans that fit the budget of 100: none, replica (60), templates (50).
    expect(preparationPlans(compiled)).toEqual([[], ['replica'], ['templates']]);
    // "outage": failover only with the replica and the ally's failover capability, plus restore,
    // wait and letting the 15-minute timer run out; "update": tell or hide.
    // fixer: 3 plans x 3 x 2 = 18; ally: replica 4 x 2 + two plans x 3 x 2 = 20; 38 per seed, 3 seeds.
    expect(graph.pathsExplored).toBe(114);
    expect(graph.truncated).toBe(false);
    expect(naive(compiled).paths).toBe(114);
  });

  it('merges runs that share a future: far fewer states than paths', () => {
    expect(graph.nodes.length).toBeLessThan(40);
    expect(graph.transitions).toBeLessThan(114);
  });

  it('reaches both endings and every beat, with no dead end', () => {
    expect([...graph.reachedEndings].sort()).toEqual(['bad-end', 'good-end']);
    expect([...graph.reachedBeats].sort()).toEqual(['bad-end', 'good-end', 'outage', 'update']);
    expect(graph.deadEnds).toEqual([]);
    expect(graph.loops).toEqual([]);
  });

  it('takes every option somewhere, the timeout default included', () => {
    expect([...graph.takenOptions].sort()).toEqual(['outage/failover', 'outage/restore', 'outage/wait', 'update/hide', 'update/tell']);
  });

  it('gives an example that replays to each ending', () => {
    const good = graph.endingExamples.get('good-end')!;
    let s = startSnapshot(compiled, { seed: good.seed, partner: good.partner });
    s = stepSnapshot(compiled, s, { type: 'prep.commit', measures: good.prep });
    for (const c of good.choices) {
      const options = compiled.index.beats.get(s.context.beat!)!.decision!.options;
      s = stepSnapshot(compiled, s, { type: 'player.choose', option: options[Number(c) - 1]!.id });
    }
    expect(s.context.ending).toBe('good-end');
  });
});

describe('explore finds broken scenarios', () => {
  it('reports a dead end when no option can ever be chosen and there is no default', () => {
    const compiled = compiledTiny((s) => {
      for (const o of beat(s, 'update').decision!.options) o.requires = { flag: 'never-set' };
    });
    const graph = explore(compiled);
    expect(graph.deadEnds).toHaveLength(1);
    expect(graph.deadEnds[0]!.beat).toBe('update');
    expect(graph.deadEnds[0]!.reason).toContain('none of the 2 options is available');
    expect(graph.reachedEndings.size).toBe(0);
    expect(graph.pathsExplored).toBe(0);
    const report = checkScenario(compiled, { policySeeds: [1], spreadSeeds: 2 });
    expect(report.unreachedEndings.sort()).toEqual(['bad-end', 'good-end']);
    expect(report.problems.filter((p) => p.severity === 'error').map((p) => p.path)).toContainEqual(['beats', 1, 'decision']);
  });

  it('reports an orphan beat as unreachable, with its location', () => {
    const compiled = compiledTiny((s) => {
      s.beats.push({ id: 'orphan', title: 'Nobody comes here', narrative: 'Lonely.', ending: { outcome: 'mixed' } });
    });
    const report = checkScenario(compiled, { policySeeds: [1], spreadSeeds: 2 });
    expect(report.unreachableBeats).toEqual(['orphan']);
    expect(report.unreachedEndings).toEqual(['orphan']);
    const problem = report.problems.find((p) => p.message.includes('"orphan"'))!;
    expect(problem.severity).toBe('error');
    expect(problem.path).toEqual(['beats', 4, 'id']);
    expect(report.balance.find((b) => b.rule === 'every ending reached')!.ok).toBe(false);
  });

  it('does not wait on a timed decision without a default, and names it', () => {
    const compiled = compiledTiny((s) => {
      delete beat(s, 'outage').decision!.default;
    });
    const report = checkScenario(compiled, { policySeeds: [1], spreadSeeds: 2 });
    expect(report.timedWithoutDefault).toEqual(['outage']);
    // No timeout branch: fixer 3 plans x 2 options x 2 = 12; ally 3 x 2 (replica) + 2 plans x 2 x 2 = 14; 26 a seed.
    expect(report.pathsExplored).toBe(78);
    expect(naive(compiled).paths).toBe(78);
  });

  it('reports a loop where a run comes back with nothing changed', () => {
    const compiled = compiledTiny((s) => {
      const hide = beat(s, 'update').decision!.options[1]!;
      hide.next = 'update';
    });
    const graph = explore(compiled);
    expect(graph.loops.map((l) => l.beat)).toEqual(['update']);
    // Only "tell" leaves the loop, so paths are those of the original that told.
    expect(graph.pathsExplored).toBe(57);
  });
});

describe('the control key is exact', () => {
  // A variant where time, a metric, a sentiment and a scenario-wide timed inject all steer
  // the story: the merged search must agree with the naive one on paths and beats.
  const timeSensitive = (s: Scenario): void => {
    s.injects!.push({
      id: 'press',
      channel: 'news',
      from: 'Local paper',
      at: 120,
      text: 'The shop is in the news.',
      effects: [{ type: 'set-flag', params: { flag: 'in-the-news' } }],
    });
    s.beats.push({ id: 'costly-end', title: 'Expensive', narrative: 'It cost a lot.', ending: { outcome: 'mixed' } });
    s.beats.push({ id: 'news-end', title: 'In the news', narrative: 'Everybody read about it.', ending: { outcome: 'bad' } });
    const tell = beat(s, 'update').decision!.options[0]!;
    tell.branches = [
      { when: { flag: 'in-the-news' }, next: 'news-end' },
      { when: { metric: 'revenueLost', gte: 8000 }, next: 'costly-end' },
      { when: { all: [{ flag: 'recovered' }, { clock: true, lte: 30 }] }, next: 'good-end' },
    ];
    tell.next = 'bad-end';
    beat(s, 'update').decision!.options[1]!.requires = { sentiment: 'customers', gte: 55 };
  };

  it('agrees with a search that merges nothing', () => {
    const compiled = compiledTiny(timeSensitive);
    const graph = explore(compiled);
    const truth = naive(compiled);
    expect(graph.pathsExplored).toBe(truth.paths);
    expect([...graph.reachedBeats].sort()).toEqual([...truth.beats].sort());
    expect([...graph.reachedEndings].sort()).toEqual([...truth.endings.keys()].sort());
    expect([...truth.endings.keys()].sort()).toEqual(['bad-end', 'costly-end', 'good-end', 'news-end']);
    expect(graph.nodes.length).toBeLessThan(truth.paths);
  });

  it('agrees on several seeds when a variable decides the route', () => {
    const compiled = compiledTiny((s) => {
      timeSensitive(s);
      beat(s, 'update').decision!.options[1]!.branches = [{ when: { var: 'restore-hours', gte: 3 }, next: 'costly-end' }];
    });
    const seeds = [1, 2, 3, 4, 5, 6];
    const graph = explore(compiled, { seeds });
    const truth = naive(compiled, seeds);
    expect(graph.pathsExplored).toBe(truth.paths);
    expect([...graph.reachedBeats].sort()).toEqual([...truth.beats].sort());
  });

  it('stops at the state limit and says so, naming what keeps runs apart', () => {
    const graph = explore(compiledTiny(), { maxStates: 5 });
    expect(graph.truncated).toBe(true);
    expect(graph.nodes.length).toBe(5);
    const report = checkScenario(compiledTiny(), { maxStates: 5, policySeeds: [1], spreadSeeds: 2 });
    expect(report.complete).toBe(false);
    const errors = report.problems.filter((p) => p.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^incomplete: path search: stopped after 5 states \/ .*its limit of 5 distinct states \(--max-states\).*runs differ most in .*flags \(2 values\)/);
    expect(graph.stoppedBy).toBe('states');
    // Beats the unfinished search did not reach may still be reachable: warnings, not errors.
    expect(report.problems.filter((p) => p.message.includes('never reached')).every((p) => p.severity === 'warning')).toBe(true);
    expect(report.balance.find((b) => b.rule === 'every beat reachable')!.ok).toBe(false);
  });
});

describe('scores over paths', () => {
  const compiled = compiledTiny();
  const graph = explore(compiled);

  it('scores every path when there are few, and a sample of the cap otherwise', () => {
    const all = scorePaths(compiled, graph, { cap: 1000 });
    expect(all.sampled).toBe(false);
    expect(all.scored).toBe(114);
    const some = scorePaths(compiled, graph, { cap: 20, sampleSeed: 7 });
    expect(some.sampled).toBe(true);
    expect(some.scored).toBe(20);
    for (const name of ['communication', 'proactivity', 'businessImpact', 'overall'] as const) {
      const a = all.scores[name];
      const b = some.scores[name];
      for (const r of [a, b]) {
        expect(r.min).toBeGreaterThanOrEqual(0);
        expect(r.max).toBeLessThanOrEqual(100);
        expect(r.min).toBeLessThanOrEqual(r.mean);
        expect(r.mean).toBeLessThanOrEqual(r.max);
      }
      // A sample cannot leave the range of all paths.
      expect(b.min).toBeGreaterThanOrEqual(a.min);
      expect(b.max).toBeLessThanOrEqual(a.max);
    }
    // Telling (+15) against hiding (-15) from a base of 50, with the DPA notified or missed.
    expect(all.scores.communication.min).toBeLessThan(40);
    expect(all.scores.communication.max).toBeGreaterThanOrEqual(65);
  });

  it('steers to the best and worst paths when it samples', () => {
    const all = scorePaths(compiled, graph, { cap: 1000 });
    const one = scorePaths(compiled, graph, { cap: 1 });
    expect(one.scored).toBe(1);
    expect(one.steered).toBeGreaterThan(0);
    for (const name of ['communication', 'proactivity'] as const) {
      expect(one.scores[name].min).toBe(all.scores[name].min);
      expect(one.scores[name].max).toBe(all.scores[name].max);
    }
  });

  it('samples the same paths for the same seed', () => {
    expect(scorePaths(compiled, graph, { cap: 20, sampleSeed: 3 })).toEqual(scorePaths(compiled, graph, { cap: 20, sampleSeed: 3 }));
  });
});

describe('policies', () => {
  it('buys measures greedily in the listed order', () => {
    expect(greedyPreparation(compiledTiny())).toEqual(['replica']);
    expect(greedyPreparation(compiledTiny((s) => void (s.preparation.budget = 200)))).toEqual(['replica', 'templates']);
  });

  it('ranks the advice above habits that ignore the situation', () => {
    const results = evaluatePolicies(compiledTiny(), { seeds: [1, 2, 3, 4, 5] });
    const by = Object.fromEntries(results.map((r) => [r.name, r]));
    const advice = by["the strategic partner's advice"]!;
    // The advice fails over with the ally (who can) and tells customers.
    expect(advice.partner).toBe('ally');
    // Waiting out the timer costs the -10 of "wait" and the -4 timeout penalty, and the DPA deadline.
    expect(advice.overall).toBeGreaterThan(by['always wait for the default']!.overall);
    // Option 3 is "wait" and then (no option 3) the last available, "hide": the worst habit.
    expect(by['always option 3']!.overall).toBeLessThan(by['always option 1']!.overall);
    expect(by['always option 3']!.overall).toBeLessThan(by['always wait for the default']!.overall);
    // Options 3, 4 and 5 behave the same on a scenario with at most three options.
    expect(by['always option 4']!.overall).toBe(by['always option 3']!.overall);
    for (const r of results) expect(r.byPartner.every((p) => p.unfinished === 0)).toBe(true);
  });

  it('reports the balance rules against the policies', () => {
    const report = checkScenario(compiledTiny(), { policySeeds: [1, 2], spreadSeeds: 10 });
    const rules = report.balance.map((b) => b.rule);
    expect(rules).toContain('no simple policy scores above 70 overall');
    expect(rules).toContain("the strategic partner's advice beats every simple policy");
    expect(report.seedSpread!.seeds).toBe(10);
    expect(report.seedSpread!.min).toBeLessThanOrEqual(report.seedSpread!.p10);
    expect(report.seedSpread!.p90).toBeLessThanOrEqual(report.seedSpread!.max);
  });
});
