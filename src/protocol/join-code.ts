// Join codes: six characters from an alphabet without look-alikes (no 0/O, 1/I/L), so a code
// read off a projector from the back of a room is typed right. The code is the room's id.

export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 6;

const CODE = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/** What a person typed, as a code: upper case, spaces and dashes dropped. */
export function normaliseJoinCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').slice(0, 32);
}

export function isJoinCode(code: string): boolean {
  return CODE.test(code);
}
