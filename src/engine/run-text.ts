import type { Lang } from '../i18n/lang.ts';
import type { Option } from '../scenarios/schema.ts';
import { duration, localTime, parseSetting } from './local-time.ts';
import type { ScenarioIndex } from './scenario-index.ts';

// The values of the run's own placeholders ({now}, {duration}), worked out from the engine so
// the story states what the clock does, in the run's language (English unless the caller says). Pure.

/** The company's local day and time at game minute t ("Sun 04:10"), or T+h:mm when the setting names no day and time. */
export function nowAt(index: ScenarioIndex, t: number, lang: Lang = 'en'): string {
  const start = parseSetting(index.scenario.setting);
  if (start) return localTime(start, t, lang);
  const m = Math.max(0, Math.round(t));
  return `T+${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
}

/** The local time at t, or null when the scenario's setting names no day and time. */
export function localAt(index: ScenarioIndex, t: number, lang: Lang = 'en'): string | null {
  const start = parseSetting(index.scenario.setting);
  return start ? localTime(start, t, lang) : null;
}

/** How long an option really takes with a partner: its minutes scaled by the partner's time factor, in words. */
export function optionDuration(index: ScenarioIndex, partnerId: string, option: Pick<Option, 'minutes'>, lang: Lang = 'en'): string {
  return duration(Math.round((option.minutes ?? 0) * (index.partners.get(partnerId)?.timeFactor ?? 1)), lang);
}
