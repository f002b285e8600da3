import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/compile.ts';
import { ADVICE_POLICY, playPolicy, POLICIES } from '../../src/engine/policies.ts';
import { SCENARIOS_DIR } from '../../src/scenarios/load-file.ts';
import { parseScenario } from '../../src/scenarios/load.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';
import { tailoringProblemText } from '../../src/i18n/refusal-text.ts';
import { NO_TAILORING, replacer, tailoringProblem, tailorScenario, type Tailoring } from '../../src/scenarios/tailoring.ts';

const files = readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith('.yaml')).sort();
const shipped = (file: string): Scenario => parseScenario(readFileSync(join(SCENARIOS_DIR, file)), file).scenario!;

/** Every text a reader sees, joined: what must no longer name the old company or people. */
function allText(s: Scenario): string {
  const { id: _id, ...rest } = s;
  return JSON.stringify(rest);
}

const ids = (s: Scenario): unknown => ({
  beats: s.beats.map((b) => [b.id, b.decision?.options.map((o) => [o.id, o.next, o.cost, o.minutes, o.effects]) ?? null]),
  stakeholders: s.stakeholders.map((x) => [x.id, x.sentiment]),
  measures: s.preparation.measures.map((m) => [m.id, m.cost]),
  budget: s.preparation.budget,
  variables: s.variables,
});

describe('tailoring a scenario for a client', () => {
  it('changes nothing, and returns the same object, when nothing is tailored', () => {
    const s = shipped(files[0]!);
    expect(tailorScenario(s, NO_TAILORING)).toBe(s);
  });

  it('replaces whole words only, in one pass, so names can be swapped', () => {
    const swap = replacer(
      new Map([
        ['Ann', 'Bea'],
        ['Bea', 'Ann'],
      ]),
    );
    expect(swap('Ann told Bea; Annabel and Beatrice stayed. Ann’s call.')).toBe('Bea told Ann; Annabel and Beatrice stayed. Bea’s call.');
  });

  it.each(files)('%s: the new company and people replace the old ones in every text, and nothing else changes', (file) => {
    const s = shipped(file);
    const people = Object.fromEntries(s.stakeholders.map((p, i) => [p.id, `Person${i} Tailored${i}`]));
    const t: Tailoring = { company: 'Acme Widgets plc', sector: 'Widget making', currency: 'USD', people };
    const out = tailorScenario(s, t);
    const text = allText(out);

    expect(out.company.name).toBe('Acme Widgets plc');
    expect(out.company.currency).toBe('USD');
    expect(out.industry).toBe('Widget making');
    expect(out.stakeholders.map((p) => p.name)).toEqual(s.stakeholders.map((_, i) => `Person${i} Tailored${i}`));
    expect(text).not.toContain(s.company.name);
    for (const p of s.stakeholders) expect(text, p.name).not.toMatch(new RegExp(`(?<![\\p{L}])${p.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u'));
    // The company's short name ("Wyvern's bot") goes too, unless it is also somebody's name.
    const short = s.company.name.split(' ')[0]!;
    if (s.company.name.includes(' ') && short.length >= 4 && !s.stakeholders.some((p) => p.name.split(' ').includes(short))) {
      expect(text).not.toMatch(new RegExp(`(?<![\\p{L}])${short}(?![\\p{L}])`, 'u'));
    }
    // Behaviour is untouched: the same ids, numbers and effects, and a run with the same seed and
    // choices ends with the same figures.
    expect(ids(out)).toEqual(ids(s));
    const advice = POLICIES.find((p) => p.name === ADVICE_POLICY)!;
    const play = (x: Scenario): unknown => {
      const r = playPolicy(compileScenario(x), advice, { seed: 11, partner: x.partners[0]!.id });
      return { inputs: r.inputs, ending: r.ending, log: r.log.length, scores: [r.report.communication.score, r.report.proactivity.score, r.report.businessImpact.score, r.report.overall] };
    };
    expect(play(out)).toEqual(play(s));
  });

  it('renames a person’s given name and surname used on their own, but not a word another name shares', () => {
    const s = shipped('ai-assistant-leak.yaml');
    const out = tailorScenario(s, { ...NO_TAILORING, people: { ceo: 'Karin Holm' } });
    expect(out.stakeholders.find((p) => p.id === 'ceo')?.name).toBe('Karin Holm');
    expect(allText(out)).toContain('Karin Holm');
    // "Contact centre team" shares no word with the CEO: it stays as written.
    expect(out.stakeholders.find((p) => p.id === 'staff')?.name).toBe('Contact centre team');
  });

  it('says what is wrong with a layer that cannot apply', () => {
    const s = shipped(files[0]!);
    const said = (t: Tailoring): string | null => {
      const why = tailoringProblem(t, s);
      return why && tailoringProblemText(why, 'en');
    };
    expect(tailoringProblem({ ...NO_TAILORING, company: 'x'.repeat(121) }, s)).toEqual({ why: 'nameTooLong', field: 'company', max: 120 });
    expect(said({ ...NO_TAILORING, company: 'x'.repeat(121) })).toBe('the company name is longer than 120 characters');
    expect(said({ ...NO_TAILORING, sector: 'x'.repeat(121) })).toBe('the sector is longer than 120 characters');
    expect(said({ ...NO_TAILORING, currency: 'JPY' as never })).toBe('no currency "JPY" (allowed: EUR, USD, GBP)');
    expect(said({ ...NO_TAILORING, people: { nobody: 'A B' } })).toBe(`no person "nobody" in "${s.title}"`);
    expect(tailoringProblem({ ...NO_TAILORING, company: 'Acme' }, s)).toBeNull();
  });
});
