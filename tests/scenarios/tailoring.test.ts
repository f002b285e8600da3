import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/compile.ts';
import { ADVICE_POLICY, playPolicy, POLICIES } from '../../src/engine/policies.ts';
import { SCENARIOS_DIR } from '../../src/scenarios/load-file.ts';
import { parseScenario } from '../../src/scenarios/load.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';
import { tailoringProblemText } from '../../src/i18n/refusal-text.ts';
import { CURRENCIES, NO_TAILORING, replacer, tailoringProblem, tailorScenario, type Currency, type Tailoring } from '../../src/scenarios/tailoring.ts';
import { localizeScenario } from '../../src/scenarios/translation.ts';
import { TRANSLATIONS_FOLDER } from '../../src/scenarios/translation-file.ts';
import { parseTranslation } from '../../src/scenarios/translation-load.ts';

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
  variables: s.variables?.map(({ description: _, ...v }) => v),
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

// Every scenario as a client reads it: in English, and in each language it ships a translation for.
const TRANSLATIONS = join(SCENARIOS_DIR, TRANSLATIONS_FOLDER);
const readings: [string, Scenario][] = [
  ...files.map((f): [string, Scenario] => [f, shipped(f)]),
  ...readdirSync(TRANSLATIONS)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f): [string, Scenario] => {
      const [stem, lang] = f.split('.') as [string, 'de'];
      const english = shipped(`${stem}.yaml`);
      return [f, localizeScenario(english, parseTranslation(readFileSync(join(TRANSLATIONS, f), 'utf8'), f, english, lang).translation!, lang)];
    }),
];

/** Every string in the scenario (ids and references hold no money, so all of them can be read). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(strings);
}

// Written apart from the code it checks, and wider: any word of the currency, in either language,
// after a number, a number word or a placeholder, and its symbol or code touching a number.
const MENTIONS: Record<Currency, RegExp> = Object.fromEntries(
  (
    [
      ['EUR', 'euros?', '€'],
      ['GBP', 'pounds?|pfund', '£'],
      ['USD', 'dollars?', '\\$'],
    ] as const
  ).map(([code, words, symbol]) => [
    code,
    new RegExp(
      `(?:\\d[\\d.,]*[\\s-]+)?(?:\\d[\\d.,]*|\\}|\\b(?:one|a|ein\\p{L}*|kein\\p{L}*)|\\p{L}*(?:hundred|thousand|million|hundert|tausend|million)\\p{L}*|Tsd\\.|Mio\\.)[\\s-]+(?:of\\s+)?(?:US[\\s-]?)?(?:${words})(?![\\p{L}])` +
        `|${symbol}\\s?[\\d{]|[\\d}]\\s?${symbol}|${code}\\s?\\d|\\d\\s?${code}|(?:${words})\\s+(?:per|pro)\\s`,
      'giu',
    ),
  ]),
) as Record<Currency, RegExp>;
const mentions = (s: Scenario, c: Currency): string[] => strings(s).flatMap((t) => t.match(MENTIONS[c]) ?? []);

describe('a tailored currency in the scenario’s own text', () => {
  it('finds amounts to change in the shipped scenarios, so the check below can fail', () => {
    const found = readings.flatMap(([, s]) => mentions(s, s.company.currency ?? 'EUR'));
    expect(found.length).toBeGreaterThan(50);
    expect(found).toEqual(expect.arrayContaining(['80 thousand pounds', '100 thousand euros', '100.000 Pfund', '85.000 Euro', 'Hunderttausende Pfund', 'einen Euro']));
  });

  for (const [file, s] of readings) {
    const own = s.company.currency ?? 'EUR';
    it.each(CURRENCIES.filter((c) => c !== own))(`${file}: tailored to %s, no amount is left in ${own}, and no other text changes`, (to) => {
      const out = tailorScenario(s, { ...NO_TAILORING, currency: to });
      expect(mentions(out, own)).toEqual([]);
      // Only money words changed: the same texts with every currency word, symbol and code blanked.
      const blank = (x: Scenario): string[] =>
        strings({ ...x, company: { ...x.company, currency: '' } }).map((t) =>
          t.replace(/\b(?:US[\s-]?)?(?:euros?|pounds?|pfund|dollars?|EUR|GBP|USD)(?:\s+sterling)?(?![\p{L}])|(?:US)?[€£$]/giu, '¤').replace(/\bk?(?:ein|einen) ¤/g, '¤'),
        );
      expect(blank(out)).toEqual(blank(s));
    });
  }

  it('says each amount in the text’s own language, number and case', () => {
    const text = (s: Scenario, to: Currency): string => strings(tailorScenario(s, { ...NO_TAILORING, currency: to })).join('\n');
    const of = (file: string): Scenario => readings.find(([f]) => f === file)![1];
    expect(strings(of('ai-assistant-leak.yaml')).join('\n')).toContain('had 80 thousand pounds left');
    expect(text(of('ai-assistant-leak.yaml'), 'EUR')).toContain('had 80 thousand euros left');
    expect(text(of('ai-assistant-leak.yaml'), 'USD')).toContain('It costs about 60,000 dollars.');
    expect(text(of('clinic-cooling-failure.yaml'), 'GBP')).toContain('has 100 thousand pounds left');
    expect(text(of('cloud-region-sale.yaml'), 'EUR')).toContain('a 2,000-euro basket');
    expect(text(of('cloud-region-sale.yaml'), 'EUR')).toContain('hundreds of thousands of euros behind');
    expect(text(of('cloud-sprawl-bucket.yaml'), 'GBP')).toContain('Pounds per hour the runaway machines cost');
    expect(text(of('payments-friday-night.yaml'), 'USD')).toContain('a one-dollar payment');
    expect(text(of('invoice-fraud.yaml'), 'EUR')).toContain('a 486,000-euro supplier invoice');
    // German: the nouns do not change in the plural, and "one" agrees with the new noun.
    expect(text(of('cloud-region-sale.de.yaml'), 'EUR')).toContain('Wir liegen jetzt schon Hunderttausende Euro hinter dem Forecast');
    expect(text(of('cloud-region-sale.de.yaml'), 'USD')).toContain('kostet rund 150.000 Dollar.');
    expect(text(of('payments-friday-night.de.yaml'), 'GBP')).toContain('bucht ein Pfund.');
    expect(text(of('payments-friday-night.de.yaml'), 'GBP')).toContain('85.000 Pfund für');
    expect(text(of('payments-friday-night.de.yaml'), 'USD')).toContain('bucht einen Dollar.');
  });

  it('changes symbols and codes where they stand, and leaves words that are not money alone', () => {
    const s = shipped('ai-assistant-leak.yaml');
    const said = (line: string, to: Currency = 'EUR'): string => tailorScenario({ ...s, summary: line }, { ...NO_TAILORING, currency: to }).summary;
    expect(said('£80,000 now, £ 5 later, £{cost} in all; 80.000 £ und 3 Tsd. £; GBP 40 or 40 GBP')).toBe('€80,000 now, € 5 later, €{cost} in all; 80.000 € und 3 Tsd. €; EUR 40 or 40 EUR');
    expect(said('1 pound, 2 Pounds, 3 POUNDS, 4 pounds sterling, ein Pfund, 5 Pfund Sterling', 'USD')).toBe('1 dollar, 2 Dollars, 3 DOLLARS, 4 dollars, einen Dollar, 5 Dollar');
    const untouched = 'The pounds stayed; a compound; 5 Pounding hearts; he pounds the desk; the GBP desk; Pfundskerl; £ alone';
    expect(said(untouched)).toBe(untouched);
    const usd = { ...s, company: { ...s.company, currency: 'USD' as const } };
    expect(tailorScenario({ ...usd, summary: 'US$5, $5, 5 US dollars, 30 US-Dollar' }, { ...NO_TAILORING, currency: 'GBP' }).summary).toBe('£5, £5, 5 pounds, 30 Pfund');
  });

  it.each(files)('%s: untailored, or tailored to its own currency or only in names, keeps its money words byte for byte', (file) => {
    const s = shipped(file);
    expect(tailorScenario(s, NO_TAILORING)).toBe(s);
    expect(JSON.stringify(tailorScenario(s, { ...NO_TAILORING, currency: s.company.currency ?? 'EUR' }))).toBe(JSON.stringify(s));
    expect(mentions(tailorScenario(s, { ...NO_TAILORING, company: 'Acme Widgets plc' }), s.company.currency ?? 'EUR')).toEqual(mentions(s, s.company.currency ?? 'EUR'));
  });
});
