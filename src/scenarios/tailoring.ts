import { currencySwapper } from './currency-text.ts';
import type { Scenario } from './schema.ts';

// Quick tailoring for a client without touching the YAML: the company's name, its sector, its
// currency and the names of the people in the scenario, kept as a small layer of data beside the
// scenario and applied by one pure function. Every surface (console, presenter, war room, report)
// reads the tailored scenario, so they all say the same thing. Only text changes: ids, numbers and
// conditions are left alone, so a run replays the same under any tailoring. A new currency also
// reaches the amounts written in the text (src/scenarios/currency-text.ts), not converted.

/** The currencies the scenario format allows (company.currency). Amounts are not converted. */
export const CURRENCIES = ['EUR', 'USD', 'GBP'] as const satisfies readonly NonNullable<Scenario['company']['currency']>[];
export type Currency = (typeof CURRENCIES)[number];

export interface Tailoring {
  /** The client's company name; empty keeps the scenario's. */
  company: string;
  /** The client's sector (the scenario's industry); empty keeps the scenario's. */
  sector: string;
  /** Empty keeps the scenario's currency. */
  currency: Currency | '';
  /** New names by stakeholder id; a missing or empty entry keeps the scenario's name. */
  people: Record<string, string>;
}

export const NO_TAILORING: Tailoring = { company: '', sector: '', currency: '', people: {} };

export const MAX_TAILORED_NAME = 120;
export const MAX_TAILORED_PEOPLE = 100;

/** True when the layer changes nothing. */
export function isUntailored(t: Tailoring): boolean {
  return !t.company && !t.sector && !t.currency && Object.values(t.people).every((n) => !n);
}

/** Why a tailoring cannot apply, as data (src/i18n/refusal-text.ts words it in each language). */
export type TailoringProblem =
  | { readonly why: 'nameTooLong'; readonly field: 'company' | 'sector'; readonly max: number }
  | { readonly why: 'unknownCurrency'; readonly currency: string; readonly allowed: readonly string[] }
  | { readonly why: 'tooManyPeople'; readonly max: number }
  | { readonly why: 'personNameTooLong'; readonly id: string; readonly max: number }
  | { readonly why: 'unknownPerson'; readonly id: string; readonly scenario: string };

/** Why a tailoring cannot apply to a scenario, or null. Bounds first, then the people it names. */
export function tailoringProblem(t: Tailoring, scenario: Scenario | null): TailoringProblem | null {
  for (const [field, value] of [['company', t.company], ['sector', t.sector]] as const) {
    if (value.length > MAX_TAILORED_NAME) return { why: 'nameTooLong', field, max: MAX_TAILORED_NAME };
  }
  if (t.currency !== '' && !CURRENCIES.includes(t.currency)) return { why: 'unknownCurrency', currency: String(t.currency), allowed: CURRENCIES };
  const people = Object.entries(t.people);
  if (people.length > MAX_TAILORED_PEOPLE) return { why: 'tooManyPeople', max: MAX_TAILORED_PEOPLE };
  for (const [id, name] of people) {
    if (name.length > MAX_TAILORED_NAME) return { why: 'personNameTooLong', id, max: MAX_TAILORED_NAME };
    if (scenario && !scenario.stakeholders.some((s) => s.id === id)) return { why: 'unknownPerson', id, scenario: scenario.title };
  }
  return null;
}

// Fields whose text a reader sees; everything else (ids, references, numbers) stays as written.
const TEXT_FIELDS = new Set([
  'title', 'summary', 'setting', 'text', 'narrative', 'from', 'label', 'detail', 'unavailable', 'outcome', 'reason',
  'prompt', 'why', 'description', 'name', 'role', 'cares', 'intro', 'overview',
]);
const TEXT_LIST_FIELDS = new Set(['questions', 'lookFor', 'expectedActions']);
const TITLES = new Set(['Dr', 'Mr', 'Mrs', 'Ms', 'Mx', 'Prof', 'Sir', 'Dame', 'Lord', 'Lady']);

const words = (s: string): string[] => s.trim().split(/\s+/).filter(Boolean);
const capitalised = (w: string): boolean => /^\p{Lu}/u.test(w);

/**
 * What to replace with what. A person's full name always; their given name and surname on their
 * own too ("Nadia", "Ms Brennan") when both names look like a person's (capitalised words) and
 * no other name in the scenario shares that word. The company's full name always, and its first
 * word on its own ("Wyvern's new AI") when the name has several words and that word is nobody's name.
 */
export function replacements(scenario: Scenario, t: Tailoring): Map<string, string> {
  const pairs = new Map<string, string>();
  const nameWords = new Map<string, number>();
  for (const s of scenario.stakeholders) for (const w of new Set(words(s.name))) nameWords.set(w, (nameWords.get(w) ?? 0) + 1);
  const company = t.company.trim();
  const companyWords = words(scenario.company.name);

  for (const s of scenario.stakeholders) {
    const renamed = (t.people[s.id] ?? '').trim();
    if (!renamed || renamed === s.name) continue;
    pairs.set(s.name, renamed);
    const before = words(s.name).filter((w) => !TITLES.has(w));
    const after = words(renamed).filter((w) => !TITLES.has(w));
    if (before.length < 2 || after.length < 2 || !before.every(capitalised)) continue;
    const part = (from: string, to: string): void => {
      if (from.length >= 3 && nameWords.get(from) === 1 && !companyWords.includes(from) && !pairs.has(from)) pairs.set(from, to);
    };
    part(before[0]!, after[0]!);
    part(before.at(-1)!, after.at(-1)!);
  }

  if (company && company !== scenario.company.name) {
    pairs.set(scenario.company.name, company);
    const first = companyWords[0] ?? '';
    if (companyWords.length >= 2 && first.length >= 4 && capitalised(first) && !nameWords.has(first) && !pairs.has(first)) pairs.set(first, company);
  }
  return pairs;
}

/** Replaces whole words only, longest first, in one pass (so renaming A to B and B to A works). */
export function replacer(pairs: Map<string, string>): (text: string) => string {
  if (pairs.size === 0) return (text) => text;
  const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const alternatives = [...pairs.keys()].sort((a, b) => b.length - a.length).map(escape);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return (text) => text.replace(pattern, (match) => pairs.get(match) ?? match);
}

function rewrite(value: unknown, replace: (s: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => rewrite(v, replace));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'string' && TEXT_FIELDS.has(key)) out[key] = replace(v);
    else if (Array.isArray(v) && TEXT_LIST_FIELDS.has(key)) out[key] = v.map((x) => (typeof x === 'string' ? replace(x) : x));
    else out[key] = rewrite(v, replace);
  }
  return out;
}

/** The scenario as the client sees it. Returns the scenario itself when nothing is tailored. */
export function tailorScenario(scenario: Scenario, t: Tailoring): Scenario {
  if (isUntailored(t)) return scenario;
  // Money words first, on the author's text, so the names the client typed reach the text as typed.
  const currency = scenario.company.currency ?? 'EUR';
  const money = currencySwapper(currency, t.currency || currency);
  const names = replacer(replacements(scenario, t));
  const tailored = rewrite(scenario, (text) => names(money(text))) as Scenario;
  const sector = t.sector.trim();
  const company = t.company.trim();
  return {
    ...tailored,
    ...(sector ? { industry: sector } : {}),
    company: {
      ...tailored.company,
      ...(company ? { name: company } : {}),
      ...(t.currency ? { currency: t.currency } : {}),
    },
  };
}

/** The people a facilitator may rename: the scenario's stakeholders as written. */
export function tailorablePeople(scenario: Scenario): { id: string; name: string; role: string }[] {
  return scenario.stakeholders.map((s) => ({ id: s.id, name: s.name, role: s.role }));
}
