import { z } from 'zod';
import { translateRef, type Catalogue, type MessageRef } from '../i18n/messages.ts';

// Why the room refused what the console sent, as data: a code (a key of this catalogue) and the
// values its words need, so the console words it in its own language (these keys are part of the
// console's catalogue; German in src/facilitator/console/messages-de.json). The English words go
// along as the error's `message`, for clients that know no codes. A phone gets its refusals
// worded by the room in its own language instead (server/phone-words.ts). `passedOn` carries a
// reason worded elsewhere (the room's model and the engine, the storage) as it comes.

const en = {
  'roomRefused.notSaved': 'not saved, so not counted: {reason}',
  'roomRefused.readOnly': 'this room is read-only: {reason}',
  'roomRefused.readOnlyJoined': 'This room is read-only: {reason}. Its log can still be exported.',
  'roomRefused.wrongKey': 'that is not this room’s facilitator key',
  'roomRefused.tooManyMessages': 'too many messages: at most {limit} a second',
  'roomRefused.tooLarge': 'the message is {bytes} bytes; the limit is {limit}',
  'roomRefused.onlyPhonesVote': 'only participants vote',
  'roomRefused.phoneLanguage': 'the console sets the room’s language with control.language',
  'roomRefused.unknownType': 'unknown message type "{type}"',
  'roomRefused.invalid': 'the message does not fit the room’s protocol: {issues}',
  'roomRefused.passedOn': '{reason}',
} as const satisfies Catalogue;

export type RoomRefusalMessages = typeof en;
export const ROOM_REFUSALS_EN: RoomRefusalMessages = en;
export type RoomRefusalCode = keyof RoomRefusalMessages;

/** A refusal to the console: its code, and `params` when its words have placeholders (typed from the English). */
export type RoomRefused = MessageRef<RoomRefusalMessages, 'code'>;

/** The refusal in English words (the error's `message`). */
export function roomRefusalText(refused: RoomRefused): string {
  return translateRef({ en }, 'en', refused.code, 'params' in refused ? refused.params : undefined);
}

/** The `error` message refusing `type` (null: no one message) to the console. */
export function roomError(type: string | null, refused: RoomRefused): { type: string | null; message: string } & RoomRefused {
  return { type: type === null ? null : type.slice(0, 40), message: roomRefusalText(refused), ...refused };
}

const CODES = Object.keys(en) as [RoomRefusalCode, ...RoomRefusalCode[]];
/**
 * The values a code's words name. (Not i18n's placeholders(): the console would pull it into the
 * chunk it shares with the phone page, whose first load is at its 60 KB budget.)
 */
const named = (code: RoomRefusalCode): string[] => [...en[code].matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

/** An `error` message as the console checks it when it arrives: a code must come with every value its words name. */
export const RoomErrorMessageSchema = z
  .strictObject({
    type: z.string().max(40).nullable(),
    message: z.string().max(10_000),
    code: z.enum(CODES).optional(),
    params: z.record(z.string().max(40), z.union([z.string().max(10_000), z.number()])).optional(),
  })
  .refine((e) => e.code === undefined || named(e.code).every((p) => e.params?.[p] !== undefined), 'a refusal’s code needs the values its words name');
