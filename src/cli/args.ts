import { parseArgs, type ParseArgsConfig } from 'node:util';
import { seedProblem } from '../engine/rng.ts';
import { seedProblemText } from '../i18n/refusal-text.ts';

// Argument parsing shared by the commands: node's own parser, with its errors turned into
// one-line usage errors (exit code 2).

/** Bad command-line input: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export function parse<O extends OptionSpec>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's messages are clear but long ("To specify a positional argument starting with a '-'...").
    throw new UsageError((error as Error).message.split('. ')[0]!.replace(/\.$/, ''));
  }
}

export function integer(value: string | undefined, name: string, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`--${name} must be a whole number >= ${min}, got "${value}"`);
  }
  return Number(value);
}

/** A seed, in the engine's one seed range (rng.ts). */
export function seed(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  const why = seedProblem(n);
  if (why) throw new UsageError(`--${name}: ${seedProblemText(why, 'en')}, got "${value.slice(0, 40)}"`);
  return n;
}

/** "1-3", "1,2,5" or "7". */
export function seedList(value: string | undefined, name: string, fallback: readonly number[]): number[] {
  if (value === undefined) return [...fallback];
  const range = /^(\d+)-(\d+)$/.exec(value);
  let seeds: number[];
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    if (from > to || to - from > 10_000) throw new UsageError(`--${name} range "${value}" must go up, by at most 10000 seeds`);
    seeds = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  } else if (/^\d+(,\d+)*$/.test(value)) {
    seeds = [...new Set(value.split(',').map(Number))];
  } else {
    throw new UsageError(`--${name} takes seeds like 1-3 or 1,2,5, got "${value.slice(0, 40)}"`);
  }
  for (const s of seeds) {
    const why = seedProblem(s);
    if (why) throw new UsageError(`--${name}: ${seedProblemText(why, 'en')}, got ${s}`);
  }
  return seeds;
}

/** A comma-separated list; empty input gives an empty list. */
export function commaList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
}
