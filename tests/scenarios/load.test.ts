import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenarios/load.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/scenarios');
const BAD = join(FIXTURES, 'bad');
const minimal = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8');

/** Files that cannot carry an `# expect:` comment of their own. */
const NO_COMMENT: Record<string, string> = {
  'empty.yaml': '1:1 the file is empty',
  'binary.yaml': '1:1 this is a binary file',
};

function expectation(file: string): { line: number; column: number; text: string } {
  const raw = NO_COMMENT[file] ?? readFileSync(join(BAD, file), 'utf8').match(/^# expect: (.*)$/m)?.[1];
  const match = raw?.match(/^(\d+):(\d+) (.*)$/);
  if (!match) throw new Error(`${file} has no "# expect: line:column message" comment`);
  return { line: Number(match[1]), column: Number(match[2]), text: match[3]! };
}

describe('parseScenario', () => {
  it('loads a valid scenario with no problems', () => {
    const result = parseScenario(minimal, 'minimal.yaml');
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.scenario?.id).toBe('minimal');
    expect(result.scenario?.beats.map((b) => b.id)).toEqual(['outage', 'recovered']);
  });

  it('accepts bytes and strips a byte-order mark', () => {
    const bytes = new TextEncoder().encode(`\uFEFF${minimal}`);
    expect(parseScenario(bytes, 'bom.yaml').scenario?.id).toBe('minimal');
  });

  const files = readdirSync(BAD).sort();
  it('has a fixture for every kind of bad input the issue names', () => {
    expect(files.length).toBeGreaterThanOrEqual(18);
  });

  for (const file of files) {
    it(`rejects ${file} with its location and a clear message`, () => {
      const want = expectation(file);
      const result = parseScenario(new Uint8Array(readFileSync(join(BAD, file))), `bad/${file}`);
      expect(result.scenario).toBeNull();
      const match = result.errors.find((e) => e.message.includes(want.text));
      expect(match, `errors were: ${JSON.stringify(result.errors)}`).toBeDefined();
      expect({ file: match!.file, line: match!.line, column: match!.column }).toEqual({
        file: `bad/${file}`,
        line: want.line,
        column: want.column,
      });
    });
  }

  it('rejects invalid UTF-8', () => {
    const result = parseScenario(new Uint8Array([0x69, 0x64, 0x3a, 0x20, 0xff, 0xfe, 0x0a]), 'latin.yaml');
    expect(result.errors[0]?.message).toMatch(/not UTF-8/);
  });

  it('names the allowed fields next to an unknown one', () => {
    const result = parseScenario(minimal.replace('ending: { outcome: good }', 'ending: { outcome: good, mood: happy }'), 'x.yaml');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ path: 'beats[1].ending.mood', line: 76 });
    expect(result.errors[0]!.message).toContain('(allowed here: outcome)');
  });
});

describe('reference checks', () => {
  const problems = (yaml: string) => {
    const r = parseScenario(yaml, 'x.yaml');
    return [...r.errors, ...r.warnings].map((e) => `${e.path}: ${e.message}`);
  };

  it('reports a condition on a flag that nothing sets, with a suggestion', () => {
    const yaml = minimal
      .replace('          outcome: Nobody knows anything.', '          requires: { flag: recovred }\n          outcome: Nobody knows anything.')
      .replace("onEnter:\n", "onEnter:\n      - type: set-flag\n        params: { flag: recovered }\n");
    expect(problems(yaml)).toContain('beats[0].decision.options[1].requires.flag: flag "recovred" is never set by any effect; did you mean "recovered"?');
  });

  it('reports an option that leads back to its own beat', () => {
    const yaml = minimal.replace('next: recovered\n        - id: wait', 'next: outage\n        - id: wait');
    expect(problems(yaml)).toContain('beats[0].decision.options[0].next: an option cannot lead back to its own beat "outage"');
  });

  it('reports services that depend on each other in a circle', () => {
    const yaml = minimal.replace(
      '      customerShare: 1\n',
      '      customerShare: 1\n      dependsOn: [db]\n    - id: db\n      name: Database\n      dependsOn: [shop]\n      revenueShare: 0\n      customerShare: 0\n',
    );
    expect(problems(yaml)).toContain('company.services: services depend on each other in a circle: shop -> db -> shop');
  });

  it('reports a score entry whose objective belongs to another dimension', () => {
    const yaml = minimal.replace('dimension: communication, points: 10', 'dimension: proactivity, points: 10');
    expect(problems(yaml)).toContain(
      'beats[0].decision.options[0].score[0].objective: objective "tell-early" is scored as communication, but this entry is proactivity',
    );
  });

  it('warns about a timed decision without a default, and still loads', () => {
    const result = parseScenario(minimal.replace('      default: wait\n', ''), 'x.yaml');
    expect(result.scenario).not.toBeNull();
    expect(result.warnings.map((w) => w.message)).toEqual(['a timed decision without a default waits forever when time runs out']);
  });

  it('requires a time limit for a default', () => {
    expect(problems(minimal.replace('      timeLimit: 10\n', ''))).toContain(
      'beats[0].decision.default: a default needs a timeLimit: when would it apply?',
    );
  });
});

describe('regulator objectives', () => {
  const withRegulator = (objective: string) =>
    readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8').replace(
      'partners:\n',
      `regulators:\n  - { id: dpa, name: DPA, deadlineMinutes: 30, trigger: { service: shop, is: down }, penalty: 10, objective: ${objective} }\npartners:\n`,
    );

  it('accepts a communication objective', () => {
    expect(parseScenario(withRegulator('tell-early'), 'x.yaml').errors).toEqual([]);
  });

  it('names an unknown objective with a suggestion', () => {
    expect(parseScenario(withRegulator('tell-erly'), 'x.yaml').errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'regulators[0].objective: no objective "tell-erly"; did you mean "tell-early"?',
    ]);
  });
});
