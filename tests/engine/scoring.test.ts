import { describe, expect, it } from 'vitest';
import { Run } from '../../src/engine/runtime.ts';
import { scoreRun, verdictFor } from '../../src/engine/scoring.ts';
import { compiledTiny } from './helpers.ts';
import { scoreReasonText } from '../../src/i18n/engine-text.ts';

describe('scoring', () => {
  it('scores a prepared, open response from the log, with every reason', () => {
    const compiled = compiledTiny();
    const run = Run.start(compiled, { seed: 1, partner: 'ally' });
    run.commitPreparation(['replica']);
    run.choose('failover'); // 10 minutes down, then back up
    run.choose('tell');
    const report = scoreRun(compiled.index, run.log);
    expect(report.provisional).toBe(false);
    // 50 + 15 (told customers); the regulator was told before anything notifiable happened: no points
    expect(report.communication.score).toBe(65);
    expect(report.communication.items.map((i) => scoreReasonText(i, 'en'))).toEqual(['Told customers what happened and when']);
    // 50 + 5 (standby bought) + 10 (failover used)
    expect(report.proactivity.score).toBe(65);
    // 100 - 0.6 revenue (1000 of 60000) - 20 customers (all of them) - 1.3 downtime (10 of 2x60) - 0 - 0
    expect(report.businessImpact.items.map((i) => i.points)).toEqual([-0.6, -20, -1.3, -0, -0]);
    expect(report.businessImpact.score).toBe(78);
    expect(report.overall).toBe(69);
    expect(report.verdict.id).toBe('dependable-vendor');
    expect(report.objectives.map((o) => [o.id, o.rating])).toEqual([
      ['tell-early', 'P'],
      ['prepared', 'P'],
    ]);
  });

  it('penalises letting the clock decide and missing a deadline', () => {
    const compiled = compiledTiny();
    const run = Run.start(compiled, { seed: 1, partner: 'fixer' });
    run.commitPreparation([]);
    run.advance(15); // times out into "wait", which exposes data
    run.advance(40); // the 30-minute notification deadline passes
    run.choose('hide');
    const report = scoreRun(compiled.index, run.log);
    expect(report.proactivity.items.map((i) => [i.points, scoreReasonText(i, 'en')])).toEqual([
      [-10, 'Waited while the shop was down'],
      [-4, 'Let the clock decide at "The database falls over"'],
    ]);
    expect(report.communication.items.map((i) => i.points)).toEqual([-15, -15]);
    expect(report.communication.score).toBe(20);
    expect(report.objectives.find((o) => o.id === 'tell-early')?.rating).toBe('U');
    expect(report.verdict.id).toBe(verdictFor(report.overall).id);
    expect(report.overall).toBeLessThan(50);
  });

  it('scores a late notice above silence, and an on-time one above both', () => {
    const communication = (notifyAfter: number | null): number => {
      const compiled = compiledTiny();
      const run = Run.start(compiled, { seed: 1, partner: 'ally' });
      run.commitPreparation([]);
      run.choose('wait'); // exposes data: the 30-minute notification clock starts
      if (notifyAfter !== null) run.advance(notifyAfter);
      if (notifyAfter === null) run.advance(40);
      run.choose(notifyAfter === null ? 'hide' : 'tell');
      const items = scoreRun(compiled.index, run.log).communication.items.filter((i) => i.source.kind === 'rule');
      return items.reduce((sum, i) => sum + i.points, 0);
    };
    expect([communication(5), communication(40), communication(null)]).toEqual([5, -10, -15]);
  });

  it('marks scores provisional before an ending', () => {
    const compiled = compiledTiny();
    const run = Run.start(compiled, { seed: 1, partner: 'ally' });
    run.commitPreparation([]);
    run.advance(5);
    const report = scoreRun(compiled.index, run.log);
    expect(report.provisional).toBe(true);
    expect(scoreReasonText(report.businessImpact.items[0]!, 'en')).toBe('Revenue lost: 500 EUR of 60,000 EUR at risk');
  });

  it('maps overall scores onto the partner verdict scale', () => {
    expect([95, 85, 84, 70, 55, 40, 25, 24, 0].map((x) => verdictFor(x).id)).toEqual([
      'strategic-partner',
      'strategic-partner',
      'trusted-advisor',
      'trusted-advisor',
      'dependable-vendor',
      'reactive-fixer',
      'liability',
      'biggest-regret',
      'biggest-regret',
    ]);
  });
});

describe('regulator evidence', () => {
  it('counts a missed deadline against the regulator’s objective', () => {
    const compiled = compiledTiny((s) => void (s.regulators![0]!.objective = 'tell-early'));
    const run = Run.start(compiled, { seed: 1, partner: 'fixer' });
    run.commitPreparation([]);
    run.choose('wait');
    run.advance(40);
    run.choose('tell'); // the deadline passed at T+31 (-15); then customers were told (+15) and the regulator, late (+5)
    const objective = scoreRun(compiled.index, run.log).objectives.find((o) => o.id === 'tell-early')!;
    expect(objective.evidence.map((e) => e.points)).toEqual([-15, 15, 5]);
    expect(objective.rating).toBe('M'); // 20 of 35 points earned: 57%
  });
});
