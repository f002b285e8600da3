import type { Lang } from '../i18n/lang.ts';
import { translator, type Catalogues, type Translate } from '../i18n/messages.ts';
import { REPORT_EN, type ReportMessages } from './report-messages.ts';
import { REPORT_DE } from './report-messages-de.ts';

// The facilitator's reports in each language. A report is written in one language from start to
// end, so each builder and renderer takes the language once and asks here for its words.

const CATALOGUES: Catalogues<ReportMessages> = { en: REPORT_EN, de: REPORT_DE };

export type ReportWords = Translate<ReportMessages>;

export function reportWords(lang: Lang): ReportWords {
  return translator(CATALOGUES, () => lang);
}
