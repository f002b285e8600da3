import { translator, type Translate, type Translation } from '../i18n/messages.ts';
import type { Lang } from '../i18n/lang.ts';
import { setStoreTranslation, type StoreMessages } from '../store/messages.ts';
import { UI_EN, type UiMessages } from './messages.ts';
import GERMAN_UI from './messages-de.json?url&no-inline';
import GERMAN_STORE from '../store/messages-de.json?url&no-inline';

// The game's words per language, for the screens (UI) and for what the store says (notices,
// refusals). English is in the scripts; German is fetched when it is first shown (one request for
// each catalogue, cached by the browser and the service worker), so an English player's page
// carries none of it. Until it arrives, a screen reads in English.

export type UiText = Translate<UiMessages>;

const ui: { en: UiMessages; de?: Translation<UiMessages> } = { en: UI_EN };

/** The screens' words in `lang` (English where `lang` has not been fetched). */
export function uiText(lang: Lang): UiText {
  return translator(ui, () => lang);
}

async function fetchJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  return res.ok ? await res.json() : null;
}

/** Fetches a language's words for the screens and the store; false when they cannot come (offline before they were ever fetched). */
export async function loadLanguage(lang: Lang): Promise<boolean> {
  if (lang === 'en' || ui[lang]) return true;
  try {
    const [screens, store] = await Promise.all([fetchJson(GERMAN_UI), fetchJson(GERMAN_STORE)]);
    if (typeof screens !== 'object' || screens === null || typeof store !== 'object' || store === null) return false;
    // Our own build's files, checked against English by tests/i18n; a key they lack reads as English.
    ui.de = screens as Translation<UiMessages>;
    setStoreTranslation('de', store as Translation<StoreMessages>);
    return true;
  } catch {
    return false;
  }
}
