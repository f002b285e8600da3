import type { Scenario } from './schema.ts';

// A tailored currency has to reach the amounts an author wrote into the text ("80 thousand pounds",
// "100.000 Euro", "£80,000"), or a client tailored to euros reads pounds beside figures the engine
// shows in euros. Amounts are not converted: the same number, said in the client's currency.
//
// The tailoring does not know the text's language, and a German scenario may still hold English
// texts its translation lacks, so each amount is said in the language its own word is in: German
// nouns are capitalised and do not take an -s ("100 Euro", "89 Pfund"), English writes "euros",
// "pounds", "dollars". Only money is touched: a currency word right after an amount (a number,
// a placeholder, "thousand", "Mio.", "one-", "einen") or before "per hour"; a symbol or code
// touching a number. Never a word inside another word, never "pounds" standing alone.

type Money = NonNullable<Scenario['company']['currency']>;

interface Said {
  /** English singular and plural. */
  readonly en: readonly [string, string];
  /** The German noun, the same in the singular and the plural. */
  readonly de: string;
  /** German "one" before it in the accusative, as money paid mostly is: "einen Euro", "ein Pfund". */
  readonly deOne: 'einen' | 'ein';
  readonly symbol: string;
}

const SAID: Record<Money, Said> = {
  EUR: { en: ['euro', 'euros'], de: 'Euro', deOne: 'einen', symbol: '€' },
  GBP: { en: ['pound', 'pounds'], de: 'Pfund', deOne: 'ein', symbol: '£' },
  USD: { en: ['dollar', 'dollars'], de: 'Dollar', deOne: 'einen', symbol: '$' },
};

// How each currency's words are matched (case-insensitive), with the qualifiers that go with them
// ("US dollars", "pounds sterling") so they do not survive into "US euros".
const WORD: Record<Money, string> = {
  EUR: String.raw`euros?`,
  GBP: String.raw`(?:pounds?|pfund)(?:\s+sterling)?`,
  USD: String.raw`(?:US[\s-]?)?dollars?`,
};
const SYMBOL: Record<Money, string> = { EUR: '€', GBP: '£', USD: String.raw`(?:US)?\$` };

const NUMBER_WORDS = [
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen',
  'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety',
  'ein', 'eine', 'einen', 'einem', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf',
  'zwölf', 'fünfzehn', 'zwanzig', 'dreißig', 'vierzig', 'fünfzig', 'sechzig', 'siebzig', 'achtzig', 'neunzig',
].join('|');
// What ends an amount: a digit, a placeholder's "}", an abbreviation, a number word, or a word
// ending in a large number ("thousands", "Hunderttausende", "Millionen").
const AMOUNT = String.raw`(?:[\d}]|\b(?:Tsd|Mio|Mrd)\.|(?<![\p{L}])(?:${NUMBER_WORDS})|(?:hundred|thousand|million|billion|hundert|tausend|milliarde)(?:s|e|en|n)?)`;
const AFTER_AMOUNT = String.raw`(?<=${AMOUNT}[\s-]+(?:of\s+)?)`;
const PER_TIME = String.raw`(?=\s+(?:per|a|an|pro|je)\s+(?:hour|minute|day|week|month|year|Stunde|Minute|Tag|Woche|Monat|Jahr)(?![\p{L}]))`;
const END = String.raw`(?![\p{L}\p{N}])`;

function sameCase(like: string, word: string): string {
  if (like.length > 1 && like === like.toUpperCase()) return word.toUpperCase();
  return /^\p{Lu}/u.test(like) ? word[0]!.toUpperCase() + word.slice(1) : word;
}

/** The text with `from`'s money words, symbols and codes said in `to`; numbers untouched. */
export function currencySwapper(from: Money, to: Money): (text: string) => string {
  if (from === to) return (text) => text;
  const target = SAID[to];
  // The word as matched, said again in its own language, keeping its number and case.
  const say = (word: string): string => {
    const bare = word.replace(/\s+sterling$/i, '').replace(/^US[\s-]?/i, '');
    if (bare === SAID[from].de) return target.de;
    return sameCase(bare, /s$/i.test(bare) ? target.en[1] : target.en[0]);
  };
  const passes: [RegExp, (match: string, ...groups: string[]) => string][] = [
    // German "one" (and "none") agrees with the noun: "einen Euro" is "ein Pfund".
    [new RegExp(String.raw`(?<![\p{L}])(k?)(?:einen|ein)\s+${SAID[from].de}${END}`, 'gu'), (_, k) => `${k}${target.deOne} ${target.de}`],
    [new RegExp(String.raw`${AFTER_AMOUNT}(?<![\p{L}])${WORD[from]}${END}`, 'giu'), say],
    [new RegExp(String.raw`(?<![\p{L}\p{N}])${WORD[from]}${PER_TIME}`, 'giu'), say],
    [new RegExp(String.raw`${SYMBOL[from]}(?=\s?[\d{])|(?<=(?:[\d}]|\b(?:Tsd|Mio|Mrd)\.)\s?)${SYMBOL[from]}`, 'gu'), () => target.symbol],
    [new RegExp(String.raw`\b${from}(?=\s?[\d{])|(?<=${AMOUNT}\s)${from}\b`, 'gu'), () => to],
  ];
  return (text) => passes.reduce((out, [pattern, replace]) => out.replace(pattern, replace), text);
}
