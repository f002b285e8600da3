import { formats } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { translate, type Catalogues, type Translate } from '../i18n/messages.ts';
import { DEBRIEF_DE } from './debrief-messages-de.ts';
import { DEBRIEF_EN, type DebriefMessages } from './debrief-messages.ts';
import { durationShort } from './format.ts';

// The debrief's catalogues together: the store's debrief data and the debrief screen both word
// themselves through this, in the language they are given.

const CATALOGUES: Catalogues<DebriefMessages> = { en: DEBRIEF_EN, de: DEBRIEF_DE };

/** The debrief's words in `lang`. */
export function debriefText(lang: Lang): Translate<DebriefMessages> {
  return (key, ...params) => translate(CATALOGUES, lang, key, ...params);
}

/** Points with their sign, "+5" / "−21.8", the decimal as the language writes it ("−21,8" in German). */
export function signedPoints(points: number, lang: Lang): string {
  const n = lang === 'en' ? String(Math.abs(points)) : formats(lang).number(Math.abs(points));
  return points > 0 ? `+${n}` : points < 0 ? `−${n}` : '0';
}

/**
 * A span in a tight table cell: "95h 22m" in English; German writes the SI units ("95 h 22 min"),
 * shorter than "95 Std. 22 Min." so the uptime table stays narrow on a phone.
 */
export function spanShort(minutes: number, lang: Lang): string {
  if (lang === 'en') return durationShort(minutes);
  const m = Math.max(0, Math.round(minutes));
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}
