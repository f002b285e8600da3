// Writes a control key (control-key.ts) as a string of UTF-16 code units, one or a few per
// value, made in one piece at the end. Building the key by concatenating text allocated about
// 2 KB per state (one string object per piece) and the explorer's table then had to flatten
// each key before hashing it; this writes ~30 numbers into a reused buffer and makes one flat
// string of about 30 characters.
//
// The encoding is a prefix code, so distinct sequences of values give distinct strings and
// equal ones equal strings (what the explorer's merging relies on):
//  - an integer 0 ≤ n < 0x4000 is one unit, n itself;
//  - an integer 0 ≤ n < 2^45 is BIG and three 15-bit units;
//  - any other number is NUMBER, the characters of String(n) (ASCII), then END;
//  - a text is TEXT, its length as an integer, then its units;
//  - a marker (absent, past, …) is one unit of its own, 0xC000 or above.

const BIG = 0xc000;
const NUMBER = 0xc001;
const END = 0xc002;
const TEXT = 0xc003;

/** Units that stand for themselves: a value that is absent, saturated, and so on (see control-key.ts). */
export const MARK = { absent: 0xc010, past: 0xc011, ended: 0xc012, timed: 0xc013, untimed: 0xc014, notified: 0xc015, missed: 0xc016, started: 0xc017, failover: 0xc018 } as const;

let units = new Uint16Array(256);
let size = 0;

function put(unit: number): void {
  if (size === units.length) {
    const bigger = new Uint16Array(units.length * 2);
    bigger.set(units);
    units = bigger;
  }
  units[size++] = unit;
}

export function startKey(): void {
  size = 0;
}

export function putMark(mark: number): void {
  put(mark);
}

export function putNumber(n: number): void {
  if (Number.isInteger(n) && n >= 0) {
    if (n < 0x4000) return put(n);
    if (n < 2 ** 45) {
      put(BIG);
      put(Math.floor(n / 2 ** 30));
      put(Math.floor(n / 2 ** 15) % 2 ** 15);
      put(n % 2 ** 15);
      return;
    }
  }
  put(NUMBER);
  const text = String(n);
  for (let i = 0; i < text.length; i++) put(text.charCodeAt(i));
  put(END);
}

export function putText(text: string): void {
  put(TEXT);
  putNumber(text.length);
  for (let i = 0; i < text.length; i++) put(text.charCodeAt(i));
}

/** Reserves a unit for a count written later (putCount), so a list can be written in one pass. */
export function reserve(): number {
  put(0);
  put(0);
  return size - 2;
}

/** A count of up to 2^30 in the two units reserved at `at`. */
export function putCount(at: number, count: number): void {
  units[at] = Math.floor(count / 2 ** 15);
  units[at + 1] = count % 2 ** 15;
}

/** The key written since startKey, as one flat string. */
export function finishKey(): string {
  // Chunks keep the argument count far below engines' limits for a key of any size.
  if (size <= 4096) return String.fromCharCode.apply(null, units.subarray(0, size) as unknown as number[]);
  let key = '';
  for (let i = 0; i < size; i += 4096) key += String.fromCharCode.apply(null, units.subarray(i, Math.min(size, i + 4096)) as unknown as number[]);
  return key;
}
