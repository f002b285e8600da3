import { ENGINE_TEXT_DE } from './engine-text-de.ts';
import { ENGINE_TEXT_EN, type EngineMessages } from './engine-text-en.ts';
import type { Lang } from './lang.ts';
import { translateRef, type Catalogues } from './messages.ts';

// The engine's catalogue in every language, read by key. A module of its own, importing nothing
// of the engine, so the engine's run can word its thrown refusals (refusal-text.ts) without an
// import cycle through engine-text.ts, which reads the engine's scoring and playthrough types.

const CATALOGUES: Catalogues<EngineMessages> = { en: ENGINE_TEXT_EN, de: ENGINE_TEXT_DE };

export type EngineKey = keyof EngineMessages & string;

/** The engine's message `key` in `lang`, placeholders filled. */
export const engineWords = (lang: Lang, key: EngineKey, params: Readonly<Record<string, string | number>> = {}): string =>
  translateRef(CATALOGUES, lang, key, params);
