import type { ChannelName } from '../scenarios/schema.ts';
import type { Lang } from './lang.ts';

// How a message reached the company (an inject's channel), named alike on every surface that
// shows one: the game's feed, the console, the presenter and the phones. A module of its own,
// not part of vocabulary.ts, because the phone page's first load has a tight budget and needs
// only these words.

const WORDS: { readonly [L in Lang]: { readonly [C in ChannelName]: string } } = {
  en: {
    alert: 'Alert',
    email: 'Email',
    call: 'Phone call',
    chat: 'Chat',
    social: 'Social post',
    news: 'News',
    regulator: 'Regulator',
    vendor: 'Vendor',
    status: 'Status page',
  },
  de: {
    alert: 'Alarm',
    email: 'E-Mail',
    call: 'Anruf',
    chat: 'Chat',
    social: 'Social Media',
    news: 'Presse',
    regulator: 'Aufsichtsbehörde',
    vendor: 'Dienstleister',
    status: 'Statusseite',
  },
};

/** A channel's name in `lang`; an id from elsewhere (a newer server, a phone's view) shows as it is. */
export function channelLabel(channel: ChannelName | string, lang: Lang): string {
  const words: Readonly<Record<string, string>> = WORDS[lang];
  return Object.hasOwn(words, channel) ? words[channel]! : channel;
}
