import { LANGS, type Lang } from '../i18n/lang.ts';
import { translator, type Catalogue, type Translate, type Translation } from '../i18n/messages.ts';
import { moodLabel, type Mood } from '../i18n/vocabulary.ts';

// The war room canvas's own words, in every language. Both languages are bundled here: the
// canvas's chunk loads only when the incident opens, and these few words are under a kilobyte.
// The layout sizes its boxes for the widest word in ANY language (widestOf), so a room laid out
// once fits German as well as English, and the legibility test checks both.

const en = {
  'panel.stakeholders': 'Stakeholders',
  'panel.map': 'Service map',
  'map.axisColumns': 'infrastructure  →  customer-facing',
  'map.axisRows': 'customer-facing on top',
  'panel.vitals': 'Business vitals',
  'panel.inbox': 'Inbox',
  'inbox.count': { one: '{count} message', other: '{count} messages' },
  'vital.uptime': 'Uptime',
  'vital.uptime.short': 'Uptime',
  'vital.revenue': 'Revenue lost',
  'vital.revenue.short': 'Revenue',
  'vital.customers': 'Customers hit',
  'vital.customers.short': 'Customers',
  'vital.sentiment': 'Sentiment',
  'vital.sentiment.short': 'Mood',
  'uptime.ok': 'Running',
  'uptime.ok.short': 'Running',
  'uptime.warn': 'Partial outage',
  'uptime.warn.short': 'Partial',
  'uptime.bad': 'Major outage',
  'uptime.bad.short': 'Outage',
  'revenue.ok': 'Contained',
  'revenue.ok.short': 'Contained',
  'revenue.warn': 'Rising loss',
  'revenue.warn.short': 'Rising',
  'revenue.bad': 'Severe loss',
  'revenue.bad.short': 'Severe',
  'customers.ok': 'Few affected',
  'customers.ok.short': 'Few',
  'customers.warn': 'Many affected',
  'customers.warn.short': 'Many',
  'customers.bad': 'Most affected',
  'customers.bad.short': 'Most',
  'sentiment.ok': 'Steady',
  'sentiment.ok.short': 'Steady',
  'sentiment.warn': 'Worried',
  'sentiment.warn.short': 'Worried',
  'sentiment.bad': 'Angry',
  'sentiment.bad.short': 'Angry',
  servicesUp: '{up}/{total} services up',
  atRisk: 'of {amount} at risk',
  customersOf: 'of {total} ({share})',
  moodOverall: '{mood} overall',
  'status.up': 'Up',
  'status.degraded': 'Degraded',
  'status.down': 'Down',
  'status.up.short': 'UP',
  'status.degraded.short': 'DEGR.',
  'status.down.short': 'DOWN',
  upstream: ' · upstream',
  'pill.standby': 'Standby',
  'pill.briefing': 'Briefing',
  'pill.ended': 'Ended',
  'pill.paused': 'Paused',
  'pill.live': 'Live {speed}×',
  'ring.timed': 'Decide within',
  'ring.open': 'Decision open',
  'ring.none': 'No decision',
  gameClock: 'Game clock',
  sinceItBegan: '{elapsed} since it began',
  standingBy: 'Standing by',
  'chip.notified': 'Notified',
  'chip.late': 'Notified late',
  'chip.missed': 'Missed',
  'chip.left': '{time} left',
  tickerLive: 'Live',
  tickerTitle: 'Live · press & social',
  tickerNews: 'News',
  tickerSocial: 'Social',
  tickerNone: 'No press or social media coverage yet',
} as const satisfies Catalogue;

export type RoomMessages = typeof en;

export const ROOM_EN: RoomMessages = en;

export const ROOM_DE: Translation<RoomMessages> = {
  'panel.stakeholders': 'Beteiligte',
  'panel.map': 'Dienste',
  'map.axisColumns': 'Infrastruktur  →  kundennah',
  'map.axisRows': 'kundennah oben',
  'panel.vitals': 'Geschäftslage',
  'panel.inbox': 'Eingang',
  'inbox.count': { one: '{count} Nachricht', other: '{count} Nachrichten' },
  'vital.uptime': 'Verfügbarkeit',
  'vital.uptime.short': 'Verfügb.',
  'vital.revenue': 'Umsatzverlust',
  'vital.revenue.short': 'Umsatz',
  'vital.customers': 'Kunden betroffen',
  'vital.customers.short': 'Kunden',
  'vital.sentiment': 'Stimmung',
  'vital.sentiment.short': 'Stimmung',
  'uptime.ok': 'In Betrieb',
  'uptime.ok.short': 'Läuft',
  'uptime.warn': 'Teilausfall',
  'uptime.warn.short': 'Teilweise',
  'uptime.bad': 'Großausfall',
  'uptime.bad.short': 'Ausfall',
  'revenue.ok': 'Begrenzt',
  'revenue.ok.short': 'Begrenzt',
  'revenue.warn': 'Steigend',
  'revenue.warn.short': 'Steigend',
  'revenue.bad': 'Schwer',
  'revenue.bad.short': 'Schwer',
  'customers.ok': 'Wenige',
  'customers.ok.short': 'Wenige',
  'customers.warn': 'Viele',
  'customers.warn.short': 'Viele',
  'customers.bad': 'Die meisten',
  'customers.bad.short': 'Meiste',
  'sentiment.ok': 'Stabil',
  'sentiment.ok.short': 'Stabil',
  'sentiment.warn': 'Besorgt',
  'sentiment.warn.short': 'Besorgt',
  'sentiment.bad': 'Verärgert',
  'sentiment.bad.short': 'Verärgert',
  servicesUp: '{up}/{total} Dienste laufen',
  atRisk: 'von {amount} gefährdet',
  customersOf: 'von {total} ({share})',
  moodOverall: 'insgesamt {mood}',
  'status.up': 'Läuft',
  'status.degraded': 'Gestört',
  'status.down': 'Ausgefallen',
  'status.up.short': 'OK',
  'status.degraded.short': 'GESTÖRT',
  'status.down.short': 'AUS',
  upstream: ' · vorgelagert',
  'pill.standby': 'Bereit',
  'pill.briefing': 'Lagebild',
  'pill.ended': 'Beendet',
  'pill.paused': 'Pause',
  'pill.live': 'Live {speed}×',
  'ring.timed': 'Entscheiden in',
  'ring.open': 'Entscheidung offen',
  'ring.none': 'Keine Entscheidung',
  gameClock: 'Spieluhr',
  sinceItBegan: '{elapsed} seit Beginn',
  standingBy: 'In Bereitschaft',
  'chip.notified': 'Gemeldet',
  'chip.late': 'Zu spät gemeldet',
  'chip.missed': 'Versäumt',
  'chip.left': 'noch {time}',
  tickerLive: 'Live',
  tickerTitle: 'Live · Presse & Social Media',
  tickerNews: 'Presse',
  tickerSocial: 'Social Media',
  tickerNone: 'Noch keine Berichte in Presse oder sozialen Medien',
};

const CATALOGUES = { en: ROOM_EN, de: ROOM_DE };

export type RoomText = Translate<RoomMessages>;

/** The room's words in `lang`. */
export function roomText(lang: Lang): RoomText {
  return translator(CATALOGUES, () => lang);
}

/** A word in every language, for sizing a box that must hold whichever is shown. */
export function inEveryLang(key: keyof RoomMessages & string): string[] {
  return LANGS.map((l) => String(CATALOGUES[l][key]));
}

/**
 * A mood as a portrait shows it: the shared vocabulary's word, in capitals in English
 * ("CONFIDENT") and capitalised in German ("Zuversichtlich"): German capitals would be a third
 * wider, too wide for a portrait's column, and German reads a capitalised word at a line's start naturally.
 */
export function moodWord(mood: Mood, lang: Lang): string {
  const word = moodLabel(mood, lang);
  return lang === 'en' ? word.toUpperCase() : word.charAt(0).toUpperCase() + word.slice(1);
}

