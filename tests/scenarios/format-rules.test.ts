import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenarios/load.ts';

// The rules issue 13 added to the format: each one used to pass silently.

const minimal = readFileSync(join(import.meta.dirname, '../fixtures/scenarios/minimal.yaml'), 'utf8');

const problems = (yaml: string): string[] => {
  const r = parseScenario(yaml, 'x.yaml');
  return [...r.errors.map((e) => `error ${e.line}:${e.column} ${e.path}: ${e.message}`), ...r.warnings.map((e) => `warning ${e.line}:${e.column} ${e.path}: ${e.message}`)];
};

const withInject = (audience: string): string =>
  minimal.replace(
    'start: outage\n',
    `injects:\n  - { id: memo, channel: email, from: Board, at: 5, audience: ${audience}, text: Call me. }\nstart: outage\n`,
  );

describe('inject audience', () => {
  it('accepts workshop role ids', () => {
    expect(problems(withInject('[ceo, partner-lead]'))).toEqual([]);
  });

  it('names an unknown role with a suggestion and the valid ids', () => {
    const found = problems(withInject('[ceo, cfp]'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^error 48:\d+ injects\[0\]\.audience\[1\]: "cfp" is not allowed here; did you mean "cfo"\? \(allowed: ceo, cfo, coo, cio, ciso, comms, legal, ops, hr, partner-lead, observer\)$/);
  });
});

describe('a comma in unquoted text inside { … }', () => {
  it('says to quote the text rather than "unknown field"', () => {
    const yaml = minimal.replace('reason: Told customers early,', 'reason: Told customers early, clearly and often,');
    const found = problems(yaml);
    expect(found).toEqual([
      'error 63:85 beats[0].decision.options[0].score[0].clearly and often: "clearly and often" is not a field: inside { … } a comma ends unquoted text, so the reason was cut at "Told customers early"; quote this text: reason: "Told customers early, clearly and often"',
    ]);
  });

  it('still suggests the field for a misspelt one', () => {
    const yaml = minimal.replace('objective: tell-early }', 'objective: tell-early, dimensoin }');
    expect(problems(yaml).join('\n')).toMatch(/unknown field "dimensoin"; did you mean "dimension"\?/);
  });
});

describe('flags set but never read', () => {
  it('warns where the flag is set, and stays quiet once a condition reads it', () => {
    const setting = minimal.replace(
      '      - type: service\n        params: { service: shop, status: down }\n',
      '      - type: service\n        params: { service: shop, status: down }\n      - { type: set-flag, params: { flag: shop-down } }\n',
    );
    expect(problems(setting)).toEqual([
      'warning 55:43 beats[0].onEnter[1].params.flag: flag "shop-down" is set but no condition reads it; test it in a requires, branch, inject or regulator condition, or remove it',
    ]);
    const reading = setting.replace('          outcome: Customers know what is happening.', '          requires: { flag: shop-down }\n          outcome: Customers know what is happening.');
    expect(problems(reading)).toEqual([]);
  });
});

// The minimal scenario with a database the shop depends on, taken down when the incident starts.
const withDatabase = (optionEffects: string): string =>
  minimal
    .replace('      customerShare: 1\n', '      customerShare: 1\n      dependsOn: [db]\n    - { id: db, name: Database, revenueShare: 0, customerShare: 0 }\n')
    .replace('        params: { service: shop, status: down }\n', '        params: { service: db, status: down }\n')
    .replace('          outcome: Customers know what is happening.', `          effects:\n${optionEffects}          outcome: Customers know what is happening.`);

describe('failover', () => {
  it('warns when an effect brings a service up while a dependency keeps it down', () => {
    expect(problems(withDatabase('            - { type: service, params: { service: shop, status: up } }\n'))).toEqual([
      'warning 67:65 beats[0].decision.options[0].effects[0].params.status: "shop" stays down while "db" is down (it depends on it); bring it up first, or fail over with without: [db]',
    ]);
  });

  it('is quiet when the dependency comes up first, or the service runs without it', () => {
    expect(problems(withDatabase('            - { type: service, params: { service: db, status: up } }\n            - { type: service, params: { service: shop, status: up } }\n'))).toEqual([]);
    expect(problems(withDatabase('            - { type: service, params: { service: shop, status: up, without: [db] } }\n'))).toEqual([]);
  });

  it('refuses to run without something the service does not depend on', () => {
    expect(problems(withDatabase('            - { type: service, params: { service: db, status: up, without: [shop] } }\n'))).toEqual([
      'error 67:77 beats[0].decision.options[0].effects[0].params.without[0]: "db" does not depend on "shop"; without lists dependencies it runs without (dependsOn: none)',
    ]);
  });
});

describe('conditional effects', () => {
  const effect = (params: string): string => withDatabase(`            - { type: if, params: ${params} }\n`);

  it('checks the condition and both branches', () => {
    expect(problems(effect('{ when: { measure: templtes }, then: [{ type: service, params: { service: db, status: up } }], else: [{ type: sentiment, params: { stakeholder: cfo, by: 5 } }] }'))).toEqual([
      'error 67:54 beats[0].decision.options[0].effects[0].params.when.measure: no preparation measure "templtes"; did you mean "templates"?',
      'error 67:179 beats[0].decision.options[0].effects[0].params.else[0].params.stakeholder: no stakeholder "cfo"; did you mean "ceo"?',
    ]);
  });

  it('counts a flag set inside a branch as set', () => {
    const yaml = effect('{ when: { measure: templates }, then: [{ type: set-flag, params: { flag: ready } }] }').replace(
      '          outcome: Nobody knows anything.',
      '          requires: { flag: ready }\n          outcome: Nobody knows anything.',
    );
    // Only the (unrelated) default-with-requires warning: no "never set" error, no "never read" warning.
    expect(problems(yaml)).toEqual([expect.stringMatching(/the default option "wait" has requires/)]);
  });

  it('does not nest', () => {
    const found = problems(effect('{ when: { measure: templates }, then: [{ type: if, params: { when: { measure: templates }, then: [] } }] }'));
    expect(found.join('\n')).toMatch(/unknown type "if"/);
  });
});

describe('advised preparation', () => {
  const advised = (list: string): string => minimal.replace('  budget: 20000\n', `  budget: 20000\n  advised: ${list}\n`);

  it('accepts measures that fit the budget', () => {
    expect(problems(advised('[templates]'))).toEqual([]);
  });

  it('names unknown measures and repeats', () => {
    expect(problems(advised('[templates, templates, tmplates]'))).toEqual([
      'error 42:24 preparation.advised[1]: "templates" is listed twice',
      'error 42:35 preparation.advised[2]: no preparation measure "tmplates"; did you mean "templates"?',
    ]);
  });

  it('refuses a list that does not fit the budget', () => {
    expect(problems(advised('[templates]').replace('  budget: 20000\n', '  budget: 6000\n'))).toEqual([
      'error 42:12 preparation.advised: the advised preparation costs 8,000 EUR, more than the budget of 6,000 EUR',
      'warning 47:13 preparation.measures[0].cost: "templates" costs 8,000 EUR, more than the whole budget of 6,000 EUR: no player can buy it; lower its cost or raise the budget',
    ]);
  });
});
