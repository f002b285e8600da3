import { formats } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { translate, type Catalogues, type Translate } from '../i18n/messages.ts';
import { DEBRIEF_DE } from './debrief-messages-de.ts';
import { DEBRIEF_EN, type DebriefMessages } from './debrief-messages.ts';

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

