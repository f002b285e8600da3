import type { SeedProblem } from '../engine/rng.ts';
import type { RunRefusal } from '../engine/run-refusal.ts';
import type { TailoringProblem } from '../scenarios/tailoring.ts';
import { engineWords as t } from './engine-words.ts';
import { formats } from './format.ts';
import type { Lang } from './lang.ts';

// Why the run, the seed check or the tailoring refuses something, in words: the engine and the
// scenario layer return these reasons as data (run-refusal.ts, rng.ts, tailoring.ts), and every
// surface words them here in its own language. The engine itself words them in English for the
// errors it throws (the command line, a save that cannot be replayed).

/**
 * A bound as the language writes it. English keeps the digits the engine always wrote (the save
 * checks and the command line pin them); other languages format it (43.200).
 */
const bound = (x: number, lang: Lang): string => (lang === 'en' ? String(x) : formats(lang).number(x));

/** Ids from outside, each in the language's quotation marks: "tape", "moat" / „tape“, „moat“. */
const quoted = (ids: readonly string[], lang: Lang): string => ids.map((text) => t(lang, 'refusal.quoted', { text })).join(', ');

/** Why the run refuses an input, in `lang`. An option's own `unavailable` is the scenario's words, as given. */
export function refusalText(r: RunRefusal, lang: Lang): string {
  switch (r.why) {
    case 'notAnInput':
      return t(lang, 'refusal.notAnInput');
    case 'extraFields':
      return t(lang, 'refusal.extraFields', { type: r.type, fields: quoted(r.fields, lang) });
    case 'measuresNotList':
      return t(lang, 'refusal.measuresNotList', { max: bound(r.max, lang) });
    case 'noOptionId':
      return t(lang, 'refusal.noOptionId');
    case 'votesNotMap':
      return t(lang, 'refusal.votesNotMap');
    case 'votesOutOfRange':
      return t(lang, 'refusal.votesOutOfRange', { max: bound(r.max, lang) });
    case 'tickOutOfRange':
      return t(lang, 'refusal.tickOutOfRange', { max: bound(r.max, lang), days: bound(r.max / (24 * 60), lang) });
    case 'extendOutOfRange':
      return t(lang, 'refusal.extendOutOfRange', { max: bound(r.max, lang), days: bound(r.max / (24 * 60), lang) });
    case 'unknownInput':
      return t(lang, 'refusal.unknownInput', { type: r.type === null ? t(lang, 'refusal.noInputType') : quoted([r.type], lang) });
    case 'prepOver':
      return t(lang, 'refusal.prepOver');
    case 'unknownMeasures':
      return t(lang, 'refusal.unknownMeasures', { measures: quoted(r.measures, lang), known: r.known.join(', ') });
    case 'measureTwice':
      return t(lang, 'refusal.measureTwice');
    case 'overBudget':
      return t(lang, 'refusal.overBudget', { cost: bound(r.cost, lang), budget: bound(r.budget, lang) });
    case 'notStarted':
      return t(lang, 'refusal.notStarted');
    case 'noDecision':
      return t(lang, 'refusal.noDecision');
    case 'unknownOption':
      return t(lang, 'refusal.unknownOption', { option: r.option, beat: r.beat, options: r.options.join(', ') });
    case 'badVotes':
      return t(lang, 'refusal.badVotes');
    case 'optionUnavailable':
      return r.unavailable
        ? t(lang, 'refusal.optionUnavailableBecause', { option: r.option, reason: r.unavailable })
        : t(lang, 'refusal.optionUnavailable', { option: r.option });
    case 'cannotChooseNow':
      return t(lang, 'refusal.cannotChooseNow', { option: r.option });
    case 'noTimer':
      return t(lang, 'refusal.noTimer');
    case 'noInject':
      return t(lang, 'refusal.noInject');
    case 'nothingToSkip':
      return t(lang, 'refusal.nothingToSkip');
    default: {
      const unreachable: never = r;
      return String(unreachable);
    }
  }
}

/** Why a seed is refused, in `lang`: "the seed must be a whole number from 0 to 2,147,483,647" / "… 2.147.483.647". */
export function seedProblemText(p: SeedProblem, lang: Lang): string {
  switch (p.why) {
    case 'seedOutOfRange':
      return t(lang, 'seed.outOfRange', { max: formats(lang).number(p.max) });
    default: {
      const unreachable: never = p.why;
      return String(unreachable);
    }
  }
}

/** Why a tailoring cannot apply, in `lang`. */
export function tailoringProblemText(p: TailoringProblem, lang: Lang): string {
  switch (p.why) {
    case 'nameTooLong':
      return t(lang, p.field === 'company' ? 'tailoring.companyTooLong' : 'tailoring.sectorTooLong', { max: bound(p.max, lang) });
    case 'unknownCurrency':
      return t(lang, 'tailoring.unknownCurrency', { currency: p.currency, allowed: p.allowed.join(', ') });
    case 'tooManyPeople':
      return t(lang, 'tailoring.tooManyPeople', { max: bound(p.max, lang) });
    case 'personNameTooLong':
      return t(lang, 'tailoring.personNameTooLong', { id: p.id, max: bound(p.max, lang) });
    case 'unknownPerson':
      return t(lang, 'tailoring.unknownPerson', { id: p.id, scenario: p.scenario });
    default: {
      const unreachable: never = p;
      return String(unreachable);
    }
  }
}
