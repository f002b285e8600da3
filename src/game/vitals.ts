import { LANGS, type Lang } from '../i18n/lang.ts';
import { roomText } from './words.ts';
import type { GameView } from '../engine/view.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { averageSentiment } from './mood.ts';

// The four gauges, derived from the view. Each gauge is a 0..1 fill plus how bad that is,
// so the widget can colour it and also say it in words.

export type Severity = 'ok' | 'warn' | 'bad';

export interface Vital {
  id: 'uptime' | 'revenue' | 'customers' | 'sentiment';
  label: string;
  /** For narrow gauges. */
  shortLabel: string;
  /** 0..1, how full the gauge arc is. */
  fill: number;
  severity: Severity;
  /** The big number in the middle of the gauge, already formatted. */
  value: number;
}

/** Share of services that are not effectively down, 0..1. Degraded services still count as up. */
export function uptimeFraction(services: GameView['services']): number {
  if (services.length === 0) return 1;
  const down = services.filter((s) => s.effective === 'down').length;
  return 1 - down / services.length;
}

/** A loss or count as a share of its scale; a zero or missing scale never divides by zero. */
export function shareOf(value: number, scale: number): number {
  if (!(scale > 0)) return value > 0 ? 1 : 0;
  return Math.min(1, Math.max(0, value / scale));
}

/** Higher-is-worse measures (losses) turn amber at a quarter and red at a half. */
export function lossSeverity(fraction: number): Severity {
  if (fraction >= 0.5) return 'bad';
  if (fraction >= 0.25) return 'warn';
  return 'ok';
}

/** Higher-is-better measures (uptime, sentiment) turn amber below 80% / red below 50%. */
export function healthSeverity(fraction: number, warnBelow = 0.8, badBelow = 0.5): Severity {
  if (fraction < badBelow) return 'bad';
  if (fraction < warnBelow) return 'warn';
  return 'ok';
}

const VITAL_IDS = ['uptime', 'revenue', 'customers', 'sentiment'] as const satisfies readonly Vital['id'][];
const SEVERITIES = ['ok', 'warn', 'bad'] as const satisfies readonly Severity[];

/** Each gauge's name in `lang`, whole and short (for narrow gauges). */
export function vitalNames(lang: Lang): Record<Vital['id'], readonly [string, string]> {
  const t = roomText(lang);
  return Object.fromEntries(VITAL_IDS.map((id) => [id, [t(`vital.${id}`), t(`vital.${id}.short`)] as const])) as Record<Vital['id'], readonly [string, string]>;
}

/** Every state in words in `lang`, whole and short, so a gauge never relies on its colour. */
export function severityWords(lang: Lang): Record<Vital['id'], Record<Severity, readonly [string, string]>> {
  const t = roomText(lang);
  return Object.fromEntries(
    VITAL_IDS.map((id) => [id, Object.fromEntries(SEVERITIES.map((s) => [s, [t(`${id}.${s}`), t(`${id}.${s}.short`)] as const]))]),
  ) as Record<Vital['id'], Record<Severity, readonly [string, string]>>;
}

/** English names and states, and those of every language (the layout makes room for the widest). */
export const VITAL_NAMES = vitalNames('en');
export const SEVERITY_WORDS = severityWords('en');
export const VITAL_NAMES_ALL = LANGS.map(vitalNames);
export const SEVERITY_WORDS_ALL = LANGS.map(severityWords);

/** The state of a vital in words. */
export function severityWord(vital: Pick<Vital, 'id' | 'severity'>, short = false, lang: Lang = 'en'): string {
  return roomText(lang)(`${vital.id}.${vital.severity}${short ? '.short' : ''}` as `${Vital['id']}.${Severity}`);
}

export function vitalsOf(view: GameView, scenario: Scenario | null, lang: Lang = 'en'): Vital[] {
  const VITAL_NAMES = vitalNames(lang);
  const uptime = uptimeFraction(view.services);
  const revenue = shareOf(view.metrics.revenueLost, scenario?.stakes.revenueAtRisk ?? 0);
  const customers = shareOf(view.metrics.customersAffected, scenario?.company.customers ?? 0);
  const sentiment = averageSentiment(view.stakeholders) ?? 50;
  return [
    { id: 'uptime', label: VITAL_NAMES.uptime[0], shortLabel: VITAL_NAMES.uptime[1], fill: uptime, severity: healthSeverity(uptime), value: uptime },
    { id: 'revenue', label: VITAL_NAMES.revenue[0], shortLabel: VITAL_NAMES.revenue[1], fill: revenue, severity: lossSeverity(revenue), value: view.metrics.revenueLost },
    { id: 'customers', label: VITAL_NAMES.customers[0], shortLabel: VITAL_NAMES.customers[1], fill: customers, severity: lossSeverity(customers), value: view.metrics.customersAffected },
    {
      id: 'sentiment',
      label: VITAL_NAMES.sentiment[0],
      shortLabel: VITAL_NAMES.sentiment[1],
      fill: sentiment / 100,
      // Same bands as the portraits: worried below 40, angry below 20.
      severity: sentiment < 20 ? 'bad' : sentiment < 40 ? 'warn' : 'ok',
      value: sentiment,
    },
  ];
}
