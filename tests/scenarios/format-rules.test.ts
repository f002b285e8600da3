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
