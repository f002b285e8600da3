import { formats } from './format.ts';
import type { Lang } from './lang.ts';

// Typed message catalogues on the platform's Intl alone. A catalogue is a plain object of
// messages; English is the source, and every other language is typed as a translation of it,
// so a missing key is a type error. Placeholders are `{name}`; their names are read from the
// English text by the type system, so a call without a value the message needs does not compile.
// Plurals are forms keyed by Intl.PluralRules categories, chosen by the `count` value.
// (i18next or FormatJS would add 40–60 KB for ICU syntax we do not need; the phone page has a 60 KB budget.)

export type PluralForms = {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
};
export type Message = string | PluralForms;
export type Catalogue = { readonly [key: string]: Message };

/** A translation has every key of the English catalogue, each a text where English has one and forms where English has forms. */
export type Translation<C extends Catalogue> = { readonly [K in keyof C]: C[K] extends string ? string : PluralForms };

/**
 * A surface's catalogues: English always, other languages as they are loaded (a page with a tight
 * budget fetches one when it is chosen); until it arrives, that language reads as English.
 */
export type Catalogues<C extends Catalogue> = { readonly en: C } & { readonly [L in Exclude<Lang, 'en'>]?: Translation<C> };

type PlaceholdersIn<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | PlaceholdersIn<Rest> : never;
type TextsOf<M> = M extends string ? M : M[keyof M];

/** The values a message needs: one per placeholder, and `count` for plural forms. */
export type ParamsOf<M> = M extends string
  ? { readonly [P in PlaceholdersIn<M>]: string | number }
  : { readonly count: number } & { readonly [P in Exclude<PlaceholdersIn<TextsOf<M>>, 'count'>]: string | number };

type ParamsArg<M> = M extends string ? ([PlaceholdersIn<M>] extends [never] ? [] : [ParamsOf<M>]) : [ParamsOf<M>];

export type Translate<C extends Catalogue> = <K extends keyof C & string>(key: K, ...params: ParamsArg<C[K]>) => string;

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** The placeholder names a text uses, sorted, for the catalogue tests and the checker. */
export function placeholders(message: Message): string[] {
  const texts = typeof message === 'string' ? [message] : Object.values(message).filter((t): t is string => typeof t === 'string');
  const names = new Set(texts.flatMap((t) => [...t.matchAll(PLACEHOLDER)].map((m) => m[1] as string)));
  return [...names].sort();
}

/**
 * A number as the language writes it. Whole numbers from 0 to 999 read the same in every language
 * here (no separator, Western digits; tests/i18n/messages.test.ts holds every language to it), so
 * they skip Intl: building the first number formatter costs a slow phone tens of milliseconds, and
 * most screens fill in only small counts.
 */
const numberIn = (lang: Lang, value: number): string => (Number.isInteger(value) && value >= 0 && value < 1000 ? String(value) : formats(lang).number(value));

function fill(text: string, lang: Lang, params: Readonly<Record<string, string | number>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numberIn(lang, value) : value;
  });
}

/** The message `key` in `lang`, placeholders filled (numbers formatted for the language). */
export function translate<C extends Catalogue, K extends keyof C & string>(
  catalogues: Catalogues<C>,
  lang: Lang,
  key: K,
  ...params: ParamsArg<C[K]>
): string {
  return translateRef(catalogues, lang, key, params[0] as Readonly<Record<string, string | number>> | undefined);
}

/**
 * A message carried as data (a refusal, a download problem): its key under `field` ("key" unless
 * a protocol names it otherwise), and `params` when its text has placeholders, typed from the
 * English text like a call of `translate`.
 */
export type MessageRef<C extends Catalogue, F extends string = 'key'> = {
  [K in keyof C & string]: { readonly [P in F]: K } & ([keyof ParamsOf<C[K]>] extends [never] ? unknown : { readonly params: ParamsOf<C[K]> });
}[keyof C & string];

/**
 * The words of a MessageRef's key and values. `translate` cannot see through a union of refs that
 * each key comes with its own values; MessageRef already ties them, so this takes them as they are.
 */
export function translateRef<C extends Catalogue>(
  catalogues: Catalogues<C>,
  lang: Lang,
  key: keyof C & string,
  values: Readonly<Record<string, string | number>> = {},
): string {
  const message = (catalogues[lang] as Catalogue | undefined)?.[key] ?? (catalogues.en as Catalogue)[key];
  if (message === undefined) return key;
  if (typeof message === 'string') return fill(message, lang, values);
  const count = Number(values.count);
  const form = message[formats(lang).pluralCategory(count)] ?? message.other;
  return fill(form, lang, values);
}

/** A translate function for one surface, reading that surface's current language each time. */
export function translator<C extends Catalogue>(catalogues: Catalogues<C>, currentLang: () => Lang): Translate<C> {
  return (key, ...params) => translate(catalogues, currentLang(), key, ...params);
}
