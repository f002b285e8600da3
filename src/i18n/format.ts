import type { Lang } from './lang.ts';

// Numbers, money, dates and spans as each language writes them, from the platform's Intl.
// Intl formatters are slow to build and fast to use, so each is built once per language, when it
// is first used: a screen that only counts (the console's set-up) does not build the date, list
// and relative-time formatters as well (together tens of milliseconds on a slow phone).

export type Formats = {
  readonly lang: Lang;
  /** 12,500 in English, 12.500 in German. */
  number(value: number): string;
  /** Whole units of the scenario's currency: €80,000 / 80.000 €. An unknown currency code still reads: "80,000 XYZ". */
  money(amount: number, currency: string): string;
  /** A short number for tight readouts: 1.3M / 1,3 Mio. (German keeps thousands whole: 12.340). */
  compact(value: number): string;
  /** A short amount of money in the scenario's currency: €24K / 24.000 €, €3M / 3 Mio. €. */
  compactMoney(amount: number, currency: string): string;
  /** A share from 0 to 1: 0.25 → 25% / 25 %. */
  percent(share: number): string;
  /** "Sunday 04:10" / "Sonntag, 04:10" for a wall-clock instant given as epoch milliseconds, in UTC. */
  weekdayTime(epochMs: number): string;
  /** A calendar date: 6 December 2026 / 6. Dezember 2026. */
  date(epochMs: number): string;
  /** "in 3 hours" / "in 3 Stunden", "2 days ago" / "vor 2 Tagen". */
  relative(amount: number, unit: Intl.RelativeTimeFormatUnit): string;
  /** "a, b and c" / "a, b und c". */
  list(items: readonly string[]): string;
  pluralCategory(count: number): Intl.LDMLPluralRule;
};

const LOCALES: { readonly [L in Lang]: string } = { en: 'en-GB', de: 'de-DE' };

const built = new Map<Lang, Formats>();

/** A formatter built the first time it is asked for. */
const once = <T>(make: () => T): (() => T) => {
  let made: T | undefined;
  return () => (made ??= make());
};

export function formats(lang: Lang): Formats {
  const known = built.get(lang);
  if (known) return known;
  const locale = LOCALES[lang];
  const number = once(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }));
  const percent = once(() => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }));
  const weekdayTime = once(() => new Intl.DateTimeFormat(locale, { weekday: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }));
  const date = once(() => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
  const relative = once(() => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  const list = once(() => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }));
  const plural = once(() => new Intl.PluralRules(locale));
  const compact = once(() => new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }));
  const currencies = new Map<string, Intl.NumberFormat | null>();
  const currencyFormat = (currency: string, short = false): Intl.NumberFormat | null => {
    const key = `${currency}${short ? ':short' : ''}`;
    if (!currencies.has(key)) {
      let format: Intl.NumberFormat | null = null;
      try {
        format = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: short ? 1 : 0, ...(short ? { notation: 'compact' } : {}) });
      } catch {
        // Not an ISO 4217 code: money falls back to the number and the code as written.
      }
      currencies.set(key, format);
    }
    return currencies.get(key) ?? null;
  };
  const made: Formats = {
    lang,
    number: (value) => number().format(value),
    money: (amount, currency) => currencyFormat(currency)?.format(Math.round(amount)) ?? `${number().format(Math.round(amount))} ${currency}`,
    compact: (value) => compact().format(value),
    compactMoney: (amount, currency) => currencyFormat(currency, true)?.format(amount) ?? `${compact().format(amount)} ${currency}`,
    percent: (share) => percent().format(share),
    weekdayTime: (epochMs) => weekdayTime().format(epochMs),
    date: (epochMs) => date().format(epochMs),
    relative: (amount, unit) => relative().format(amount, unit),
    list: (items) => list().format(items),
    pluralCategory: (count) => plural().select(count),
  };
  built.set(lang, made);
  return made;
}
