import { describe, expect, it } from 'vitest';
import { Run } from '../../src/engine/runtime.ts';
import { compiledTiny } from './helpers.ts';

describe('game time', () => {
  it('accrues revenue, downtime and customers while services are down', () => {
    const run = Run.start(compiledTiny(), { seed: 1, partner: 'ally' });
    run.commitPreparation([]);
    run.advance(6);
    // 6000 per hour with the whole shop down: 100 per minute.
    expect(run.state.metrics).toMatchObject({ revenueLost: 600, downtimeMinutes: 6, customersAffected: 1000 });
  });

  it('never counts more customers affected than the company has', () => {
    const compiled = compiledTiny((s) => {
      s.beats[0]!.onEnter!.push({ type: 'adjust', params: { metric: 'customersAffected', by: 5000 } });
    });
    const run = Run.start(compiled, { seed: 1, partner: 'ally' });
    run.commitPreparation([]);
    run.advance(5);
    expect(run.state.metrics.customersAffected).toBe(1000);
  });

  it('delivers scenario injects at their time, with their effects', () => {
    const run = Run.start(compiledTiny(), { seed: 1, partner: 'ally' });
    run.commitPreparation([]);
    run.advance(10);
    run.choose('restore');
    const tweet = run.log.find((e) => e.type === 'inject.delivered' && e.inject === 'tweet');
    expect(tweet?.t).toBe(20);
    expect(run.state.sentiment.customers).toBe(50);
  });

  it('starts a regulator clock on its trigger and marks the deadline missed', () => {
    const run = Run.start(compiledTiny(), { seed: 1, partner: 'fixer' });
    run.commitPreparation([]);
    run.choose('wait'); // sets data-exposed at T+0: the 30-minute clock starts
    expect(run.state.regulators.dpa).toMatchObject({ startedAt: 0, deadline: 30 });
    run.advance(30);
    expect(run.state.regulators.dpa?.missed).toBe(false);
    run.advance(1);
    expect(run.state.regulators.dpa?.missed).toBe(true);
    expect(run.state.metrics.complianceExposure).toBe(40);
    expect(run.state.flags).toContain('missed-dpa');
    expect(run.log.filter((e) => e.type === 'regulator.deadline-missed')).toEqual([
      { t: 31, type: 'regulator.deadline-missed', regulator: 'dpa' },
    ]);
  });

  it('lets the response time pass before its effects land, scaled by the partner', () => {
    const slow = Run.start(compiledTiny(), { seed: 3, partner: 'fixer' });
    slow.commitPreparation([]);
    slow.choose('restore'); // 30 min x timeFactor 2, then restore-hours x 60
    const hours = slow.state.vars['restore-hours'] as number;
    expect(slow.state.clock).toBe(60 + hours * 60);
    expect(slow.state.metrics.downtimeMinutes).toBe(60 + hours * 60);
    expect(slow.state.metrics.spend).toBe(1500);
  });
});
