// Plain-text formatters for the canvas. Game time is in whole minutes since the incident began.
// Clock and spans use the same formats as the HTML (src/store/format.ts): one time format.
import { formats } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { durationShort, gameTime } from '../store/format.ts';

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** 83 -> "T+1:23", as the HTML clock says it. Hours keep counting past a day so the clock never wraps. */
export function formatGameClock(minutes: number): string {
  return gameTime(Math.max(0, Math.floor(minutes)));
}

/** Time left on a countdown, rounded up: 125 -> "2h 05m", 44.2 -> "45m", 0 -> "0m". */
export function formatRemaining(minutes: number): string {
  return durationShort(Math.max(0, Math.ceil(minutes)));
}

/** The decision ring's centre fits about four characters: "45m", "95m", "2h05", "30h". */
export function formatRingTime(minutes: number): string {
  const m = Math.max(0, Math.ceil(minutes));
  if (m < 100) return `${m}m`;
  const h = Math.floor(m / 60);
  return h >= 10 ? `${h}h` : `${h}h${pad2(m % 60)}`;
}

const CURRENCY_SYMBOL: Record<string, string> = { EUR: '€', USD: '$', GBP: '£' };

// English keeps the war room's own short style ("12.3k", "€1.25M"); other languages write short
// amounts as their own locale does ("12.340", "1,3 Mio.", "24.000 €"), from the platform's Intl.

/** A short amount: 950 -> "950", 12_340 -> "12.3k", 1_250_000 -> "1.25M" (German: "12.340", "1,3 Mio."). */
export function formatCompact(value: number, lang: Lang = 'en'): string {
  if (lang !== 'en') return formats(lang).compact(value);
  const v = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  const scaled = (n: number, unit: string): string => {
    const digits = n >= 100 ? 0 : n >= 10 ? 1 : 2;
    return `${sign}${Number(n.toFixed(digits)).toString()}${unit}`;
  };
  if (v >= 1e9) return scaled(v / 1e9, 'B');
  if (v >= 1e6) return scaled(v / 1e6, 'M');
  if (v >= 1e4) return scaled(v / 1e3, 'k');
  return `${sign}${Math.round(v).toLocaleString('en-GB')}`;
}

/** A compact amount of money with its currency symbol: ("EUR", 12_340) -> "€12.3k" (German: "12.340 €"). */
export function formatMoney(value: number, currency: string, lang: Lang = 'en'): string {
  if (lang !== 'en') return formats(lang).compactMoney(value, currency);
  const symbol = CURRENCY_SYMBOL[currency];
  const amount = formatCompact(value);
  return symbol ? `${symbol}${amount}` : `${amount} ${currency}`;
}

/** Shortens a long name to its initials: "Data Protection Authority" -> "DPA"; short names stay. */
export function shortName(name: string, maxChars = 14): string {
  const trimmed = name.trim();
  if (trimmed.length <= maxChars) return trimmed;
  const words = trimmed.split(/\s+/).filter((w) => /^[\p{L}\p{N}]/u.test(w));
  const initials = words
    .filter((w) => !/^(of|the|and|for|de|la|le|des|du|van|von|für)$/i.test(w))
    .map((w) => w[0]!.toUpperCase())
    .join('');
  return initials.length >= 2 ? initials : truncate(trimmed, maxChars);
}

/** Cuts text to at most `maxChars` characters, ending with an ellipsis when it was cut. */
export function truncate(text: string, maxChars: number): string {
  if (maxChars <= 0) return '';
  if (text.length <= maxChars) return text;
  if (maxChars === 1) return '…';
  return `${text.slice(0, maxChars - 1).trimEnd()}…`;
}

/** A 0..1 fraction as a whole percentage: 0.876 -> "88%" (German: "88 %"). */
export function formatPercent(fraction: number, lang: Lang = 'en'): string {
  return formats(lang).percent(Math.round(Math.min(1, Math.max(0, fraction)) * 100) / 100);
}
