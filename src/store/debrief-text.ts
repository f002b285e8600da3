import type { Lang } from '../i18n/lang.ts';
import { translator, type Catalogues, type Translate } from '../i18n/messages.ts';
import { DEBRIEF_DE } from './debrief-messages-de.ts';
import { DEBRIEF_EN, type DebriefMessages } from './debrief-messages.ts';

// The debrief's catalogues together: the store's debrief data and the debrief screen both word
// themselves through this, in the language they are given.

const CATALOGUES: Catalogues<DebriefMessages> = { en: DEBRIEF_EN, de: DEBRIEF_DE };

/** The debrief's words in `lang`. */
export function debriefText(lang: Lang): Translate<DebriefMessages> {
  return translator(CATALOGUES, () => lang);
}
