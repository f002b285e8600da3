import { describe, expect, it } from 'vitest';
import { controlKeyParts, controlRelevance } from '../../src/engine/control-key.ts';
import { greedyPreparation } from '../../src/engine/policies.ts';
import { Run } from '../../src/engine/runtime.ts';
import { effectiveStatuses } from '../../src/engine/services.ts';
import { compiledTiny } from './helpers.ts';

// Failover, conditional effects and the advised preparation (issue 13), played through the engine.

describe('failover: a service that runs without a dependency', () => {
  it('stays down when set up while its dependency is down, and comes up when it runs without it', () => {
    const compiled = compiledTiny((s) => {
      const options = s.beats[0]!.decision!.options;
      options[0]!.effects = [{ type: 'service', params: { service: 'shop', status: 'up' } }];
      options[1]!.effects = [{ type: 'service', params: { service: 'shop', status: 'up', without: ['db'] } }];
      delete options[0]!.requires;
      options[1]!.cost = 0;
    });
    const plain = Run.start(compiled, { seed: 1, partner: 'ally' });
    plain.commitPreparation([]);
    plain.choose('failover');
    expect(effectiveStatuses(compiled.index, plain.state).shop).toBe('down');

    const failover = Run.start(compiled, { seed: 1, partner: 'ally' });
    failover.commitPreparation([]);
    failover.choose('restore');
    expect(failover.state.runsWithout).toEqual({ shop: ['db'] });
    expect(effectiveStatuses(compiled.index, failover.state)).toEqual({ db: 'down', shop: 'up' });

    // The explorer must tell the two runs apart: they differ only in the failover.
    const relevance = controlRelevance(compiled.index);
    const a = JSON.stringify(controlKeyParts(compiled.index, relevance, plain.state));
    const b = JSON.stringify(controlKeyParts(compiled.index, relevance, failover.state));
    expect(a).not.toBe(b);
  });

  it('puts the service back on its dependencies with without: []', () => {
    const compiled = compiledTiny((s) => {
      s.beats[0]!.onEnter = [
        { type: 'service', params: { service: 'db', status: 'down' } },
        { type: 'service', params: { service: 'shop', status: 'up', without: ['db'] } },
        { type: 'service', params: { service: 'shop', status: 'up', without: [] } },
      ];
    });
    const run = Run.start(compiled, { seed: 1, partner: 'ally' });
    run.commitPreparation([]);
    expect(run.state.runsWithout).toEqual({});
    expect(effectiveStatuses(compiled.index, run.state).shop).toBe('down');
  });
});

describe('conditional effects', () => {
  const compiled = compiledTiny((s) => {
    s.beats[0]!.onEnter = [
      { type: 'service', params: { service: 'db', status: 'down' } },
      {
        type: 'if',
        params: {
          when: { measure: 'templates' },
          then: [{ type: 'sentiment', params: { stakeholder: 'customers', by: 20 } }],
          else: [{ type: 'sentiment', params: { stakeholder: 'customers', by: -20 } }],
        },
      },
    ];
  });

  it('applies then when the condition holds', () => {
    const run = Run.start(compiled, { seed: 1, partner: 'ally' });
    run.commitPreparation(['templates']);
    expect(run.state.sentiment.customers).toBe(80);
  });

  it('applies else when it does not', () => {
    const run = Run.start(compiled, { seed: 1, partner: 'ally' });
    run.commitPreparation([]);
    expect(run.state.sentiment.customers).toBe(40);
  });

  it('counts what the condition reads as relevant to the explorer', () => {
    const relevance = controlRelevance(compiled.index);
    expect(relevance.all.measures.has('templates')).toBe(true);
  });
});

describe('advised preparation', () => {
  it('is what the policies buy when the scenario states it', () => {
    expect(greedyPreparation(compiledTiny())).toEqual(['replica']);
    expect(greedyPreparation(compiledTiny((s) => void (s.preparation.advised = ['templates'])))).toEqual(['templates']);
  });

  it('otherwise skips a measure that does not fit and goes on to the next', () => {
    const compiled = compiledTiny((s) => {
      s.preparation.measures.push({ id: 'cheap', name: 'Cheap', description: 'A cheap one.', cost: 30 });
    });
    // replica 60 fits, templates 50 does not (40 left), cheap 30 still does.
    expect(greedyPreparation(compiled)).toEqual(['replica', 'cheap']);
  });
});
