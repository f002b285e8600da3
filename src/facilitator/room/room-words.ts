import { RoomErrorMessageSchema } from '../../protocol/room-refusals.ts';
import { sayRef, t } from '../console/i18n.ts';

// The room's refusals in the console's language. The room sends a code and its values
// (src/protocol/room-refusals.ts); the console's catalogue words them. An error without a code
// (from a server older than the codes) keeps the room's own English words.

/** An `error` message from the room as one sentence in the console's current language. */
export function sayRoomError(error: unknown): string {
  const parsed = RoomErrorMessageSchema.safeParse(error);
  // Not what the protocol says an error is: the console says only that something was refused.
  if (!parsed.success) return t('roomRefusedSomething');
  const e = parsed.data;
  const reason = e.code ? sayRef(e.code, e.params) : e.message;
  // Without one message to name (the rate limit, a room found read-only), the reason is the sentence.
  return e.type === null ? reason.charAt(0).toUpperCase() + reason.slice(1) : t('roomRefused', { type: e.type, reason });
}
