import type { Lang } from '../src/i18n/lang.ts';
import { translateRef, type Catalogues, type MessageRef } from '../src/i18n/messages.ts';

// What the room says to a participant's phone when it refuses something, in the phone's own
// language. The phone shows these words as they come (it has no message of its own for them),
// so the server words them: a German phone reads German, whatever the room's language.

const EN = {
  workshopFull: 'This workshop is full ({cap} people).',
  seatTaken: 'Every {role} seat is taken; choose another role.',
  seatNotFound: 'Your seat in this workshop was not found: join again with your name and role.',
  readOnlyNoJoin: 'This workshop is read-only and takes no new participants.',
  seatNotSaved: 'This workshop could not save your seat and takes no new participants now.',
  noSeat: 'You have no seat in this workshop.',
  voteGone: 'That decision is no longer open for a vote.',
  voteClosed: 'The facilitator has closed this vote.',
  noOption: 'This decision has no option "{option}".',
  optionUnavailable: '“{label}” is not available: {why}',
  voteNotSaved: 'Your vote was not saved, so it was not counted. Please send it again.',
  readOnly: 'This workshop is read-only now; votes are no longer taken.',
  tooManyMessages: 'Too many messages: at most {limit} a second.',
  joinFirst: 'Join the workshop first.',
} as const;

const DE: { readonly [K in keyof typeof EN]: string } = {
  workshopFull: 'Dieser Workshop ist voll ({cap} Personen).',
  seatTaken: 'Alle Plätze für {role} sind vergeben. Bitte wählen Sie eine andere Rolle.',
  seatNotFound: 'Ihr Platz in diesem Workshop wurde nicht gefunden. Bitte treten Sie mit Ihrem Namen und Ihrer Rolle erneut bei.',
  readOnlyNoJoin: 'Dieser Workshop ist schreibgeschützt und nimmt keine neuen Teilnehmenden auf.',
  seatNotSaved: 'Dieser Workshop konnte Ihren Platz nicht speichern und nimmt gerade keine neuen Teilnehmenden auf.',
  noSeat: 'Sie haben keinen Platz in diesem Workshop.',
  voteGone: 'Über diese Entscheidung wird nicht mehr abgestimmt.',
  voteClosed: 'Die Moderation hat diese Abstimmung geschlossen.',
  noOption: 'Diese Entscheidung hat keine Option „{option}“.',
  optionUnavailable: '„{label}“ ist nicht möglich: {why}',
  voteNotSaved: 'Ihre Stimme wurde nicht gespeichert und daher nicht gezählt. Bitte senden Sie sie erneut.',
  readOnly: 'Dieser Workshop ist jetzt schreibgeschützt; es werden keine Stimmen mehr angenommen.',
  tooManyMessages: 'Zu viele Nachrichten: höchstens {limit} pro Sekunde.',
  joinFirst: 'Bitte treten Sie zuerst dem Workshop bei.',
};

export const PHONE_WORDS: Catalogues<typeof EN> = { en: EN, de: DE };
export type PhoneWords = typeof EN;

/** A refusal as data: the room decides, the phone's language words it. */
export type PhoneRefusal = MessageRef<PhoneWords>;

export function phoneWords(refusal: PhoneRefusal, lang: Lang): string {
  return translateRef(PHONE_WORDS, lang, refusal.key, 'params' in refusal ? refusal.params : undefined);
}
