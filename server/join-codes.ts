import { randomInt } from 'node:crypto';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../src/protocol/join-code.ts';

// Join codes are unique among live rooms in this process (with several processes, issue "Rooms
// that survive" moves this to shared presence). 31^6 ≈ 887 million codes: with the join rate
// limit a guesser gets ~20 tries a minute per address.

const live = new Set<string>();
const ATTEMPTS = 100;

export function allocateJoinCode(): string {
  for (let i = 0; i < ATTEMPTS; i++) {
    let code = '';
    for (let j = 0; j < JOIN_CODE_LENGTH; j++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
    if (!live.has(code)) {
      live.add(code);
      return code;
    }
  }
  throw new Error(`no free join code after ${ATTEMPTS} tries`);
}

/** A restored room keeps its code. */
export function reserveJoinCode(code: string): void {
  live.add(code);
}

export function releaseJoinCode(code: string): void {
  live.delete(code);
}
