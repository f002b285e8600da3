import { describe, expect, it } from 'vitest';
import { MAX_SEED, seedProblem } from '../../src/engine/rng.ts';
import type { RunRefusal } from '../../src/engine/run-refusal.ts';
import { refusalText, seedProblemText, tailoringProblemText } from '../../src/i18n/refusal-text.ts';
import type { TailoringProblem } from '../../src/scenarios/tailoring.ts';

// The run's, the seed check's and the tailoring's refusals are data; these are their words. English
// exactly as the engine wrote them before it returned data (saves, the command line and the tests
// pin it); German complete, with German numbers and quotation marks and no English left in.

/** One of every kind, with the words each language gives it. */
const RUN: [RunRefusal, string, string][] = [
  [{ why: 'notAnInput' }, 'an input must be an object with a type', 'eine Eingabe muss ein Objekt mit einem Typ sein'],
  [{ why: 'extraFields', type: 'prep.commit', fields: ['admin', 'root'] }, 'a prep.commit input has no field "admin", "root"', 'eine Eingabe vom Typ prep.commit hat kein Feld „admin“, „root“'],
  [{ why: 'measuresNotList', max: 100 }, 'the preparation must be a list of at most 100 measure ids', 'die Vorbereitung muss eine Liste von höchstens 100 Maßnahmen-IDs sein'],
  [{ why: 'noOptionId' }, 'a choice must name an option id', 'eine Entscheidung muss die ID einer Option nennen'],
  [{ why: 'votesNotMap' }, 'votes must map option ids to counts', 'Stimmen müssen den IDs der Optionen eine Anzahl zuordnen'],
  [{ why: 'votesOutOfRange', max: 100_000 }, "votes are whole numbers from 0 to 100000 for the decision's options", 'Stimmen sind ganze Zahlen von 0 bis 100.000 für die Optionen der Entscheidung'],
  [{ why: 'tickOutOfRange', max: 43_200 }, 'the clock moves in whole minutes, from 1 to 43200 (30 days) at a time', 'die Uhr läuft in ganzen Minuten weiter, von 1 bis 43.200 (30 Tage) auf einmal'],
  [{ why: 'extendOutOfRange', max: 43_200 }, 'a timer is extended by whole minutes, from 1 to 43200 (30 days)', 'ein Timer wird um ganze Minuten verlängert, von 1 bis 43.200 (30 Tage)'],
  [{ why: 'unknownInput', type: 'player.cheat' }, 'unknown input type "player.cheat"', 'unbekannte Art von Eingabe: „player.cheat“'],
  [{ why: 'unknownInput', type: null }, 'unknown input type (none)', 'unbekannte Art von Eingabe: (keine)'],
  [{ why: 'prepOver' }, 'preparation is over: the incident has started', 'die Vorbereitung ist vorbei: Der Vorfall hat begonnen'],
  [
    { why: 'unknownMeasures', measures: ['tape', 'moat'], known: ['replica', 'templates'] },
    'no preparation measure "tape", "moat"; choose from replica, templates',
    'es gibt keine vorbereitende Maßnahme „tape“, „moat“; zur Wahl stehen replica, templates',
  ],
  [{ why: 'measureTwice' }, 'a measure can be bought only once', 'jede Maßnahme lässt sich nur einmal einkaufen'],
  [{ why: 'overBudget', cost: 12_500, budget: 4_000 }, 'these measures cost 12500 but the budget is 4000', 'diese Maßnahmen kosten 12.500, das Budget beträgt aber nur 4.000'],
  [{ why: 'notStarted' }, 'the incident has not started: commit the preparation first', 'der Vorfall hat noch nicht begonnen: Schließen Sie zuerst die Vorbereitung ab'],
  [{ why: 'noDecision' }, 'no decision is waiting for an answer', 'es wartet keine Entscheidung auf eine Antwort'],
  [
    { why: 'unknownOption', option: 'panic', beat: 'outage', options: ['failover', 'restore', 'wait'] },
    'no option "panic" in beat "outage"; options are failover, restore, wait',
    'es gibt keine Option „panic“ im Abschnitt „outage“; zur Wahl stehen failover, restore, wait',
  ],
  [{ why: 'badVotes' }, 'votes are whole numbers >= 0 for options of this decision', 'Stimmen sind ganze Zahlen ab 0 für Optionen dieser Entscheidung'],
  // The option's own reason is the scenario's words, in the scenario's language, as given.
  [
    { why: 'optionUnavailable', option: 'failover', unavailable: 'Ohne Standby nicht möglich' },
    'option "failover" is not available: Ohne Standby nicht möglich',
    'Option „failover“ steht nicht zur Verfügung: Ohne Standby nicht möglich',
  ],
  [{ why: 'optionUnavailable', option: 'failover', unavailable: null }, 'option "failover" is not available', 'Option „failover“ steht nicht zur Verfügung'],
  [{ why: 'cannotChooseNow', option: 'wait' }, 'option "wait" cannot be chosen now', 'Option „wait“ lässt sich jetzt nicht wählen'],
  [{ why: 'noTimer' }, 'no timed decision is running', 'es läuft keine Entscheidung mit Frist'],
  [{ why: 'noInject' }, 'no inject is waiting to be released in this beat', 'in diesem Abschnitt wartet keine Einspielung auf die Freigabe'],
  [{ why: 'nothingToSkip' }, 'no decision is waiting that could be skipped', 'es wartet keine Entscheidung, die sich überspringen ließe'],
];

const TAILORING: [TailoringProblem, string, string][] = [
  [{ why: 'nameTooLong', field: 'company', max: 120 }, 'the company name is longer than 120 characters', 'der Firmenname ist länger als 120 Zeichen'],
  [{ why: 'nameTooLong', field: 'sector', max: 120 }, 'the sector is longer than 120 characters', 'die Branche ist länger als 120 Zeichen'],
  [{ why: 'unknownCurrency', currency: 'JPY', allowed: ['EUR', 'USD', 'GBP'] }, 'no currency "JPY" (allowed: EUR, USD, GBP)', 'es gibt keine Währung „JPY“ (möglich: EUR, USD, GBP)'],
  [{ why: 'tooManyPeople', max: 1000 }, 'at most 1000 people can be renamed', 'höchstens 1.000 Personen lassen sich umbenennen'],
  [{ why: 'personNameTooLong', id: 'ciso', max: 120 }, 'the new name for "ciso" is longer than 120 characters', 'der neue Name für „ciso“ ist länger als 120 Zeichen'],
  [{ why: 'unknownPerson', id: 'nobody', scenario: 'Tiny outage' }, 'no person "nobody" in "Tiny outage"', 'es gibt keine Person „nobody“ in „Tiny outage“'],
];

/** Words that would show an English sentence left in a German text (ids and the scenario's words aside). */
const ENGLISH = /\b(the|is|are|no|must|of|from|to|at|by|for|cannot|choose|options|measures?|cost|votes|input|field|longer|characters|people|allowed|whole|numbers|waiting|running|seed)\b/i;
/** The same text with the ids and the scenario's words the test put in taken out. */
const own = (text: string): string => text.replace(/„[^“]*“/g, '').replace(/replica, templates|failover, restore, wait|EUR, USD, GBP|prep\.commit/g, '');

describe('the run’s refusals', () => {
  it('read in English exactly as the engine wrote them', () => {
    expect(RUN.map(([r]) => refusalText(r, 'en'))).toEqual(RUN.map(([, en]) => en));
  });

  it('read in German, with German numbers and quotation marks, and nothing left in English', () => {
    expect(RUN.map(([r]) => refusalText(r, 'de'))).toEqual(RUN.map(([, , de]) => de));
    for (const [r, en, de] of RUN) {
      expect(de, r.why).not.toBe(en);
      expect(own(de), r.why).not.toMatch(ENGLISH);
    }
  });

  it('covers every kind, and each stays data a network or a save can carry', () => {
    // A kind added to the union without words here fails to compile.
    const every: Record<RunRefusal['why'], true> = {
      notAnInput: true, extraFields: true, measuresNotList: true, noOptionId: true, votesNotMap: true, votesOutOfRange: true,
      tickOutOfRange: true, extendOutOfRange: true, unknownInput: true, prepOver: true, unknownMeasures: true, measureTwice: true,
      overBudget: true, notStarted: true, noDecision: true, unknownOption: true, badVotes: true, optionUnavailable: true,
      cannotChooseNow: true, noTimer: true, noInject: true, nothingToSkip: true,
    };
    expect(new Set(RUN.map(([r]) => r.why))).toEqual(new Set(Object.keys(every)));
    for (const [r] of RUN) expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

describe('the seed check', () => {
  it('refuses with the bound as data, worded with the language’s digit grouping', () => {
    const problem = seedProblem(MAX_SEED + 1)!;
    expect(problem).toEqual({ why: 'seedOutOfRange', max: 2_147_483_647 });
    expect(seedProblemText(problem, 'en')).toBe('the seed must be a whole number from 0 to 2,147,483,647');
    expect(seedProblemText(problem, 'de')).toBe('erlaubt sind ganze Zahlen von 0 bis 2.147.483.647');
  });
});

describe('the tailoring’s refusals', () => {
  it('read in English as before and in German with nothing left in English', () => {
    const every: Record<TailoringProblem['why'], true> = { nameTooLong: true, unknownCurrency: true, tooManyPeople: true, personNameTooLong: true, unknownPerson: true };
    expect(new Set(TAILORING.map(([p]) => p.why))).toEqual(new Set(Object.keys(every)));
    expect(TAILORING.map(([p]) => tailoringProblemText(p, 'en'))).toEqual(TAILORING.map(([, en]) => en));
    expect(TAILORING.map(([p]) => tailoringProblemText(p, 'de'))).toEqual(TAILORING.map(([, , de]) => de));
    for (const [p, en, de] of TAILORING) {
      expect(de, p.why).not.toBe(en);
      expect(own(de), p.why).not.toMatch(ENGLISH);
    }
  });
});
