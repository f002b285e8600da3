import type { Scenario } from '../scenarios/schema.ts';
import { duration } from './local-time.ts';

// Scenario text that states how long an option takes ("within the hour", "in 20 minutes") while
// the engine, with a slower partner, takes longer. The checker reports each as a warning naming
// the partner and the real duration, and suggests {duration}. Pure.

export interface TimeClaim {
  beat: number;
  option: number;
  field: 'label' | 'detail' | 'outcome';
  /** The words in the text, e.g. "within the hour". */
  said: string;
  saidMinutes: number;
  partner: string;
  actualMinutes: number;
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, the: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, 'forty-five': 45, fifty: 50, ninety: 90,
};

// "within the hour", "in 20 minutes", "takes two hours", "after half an hour"; not "72 hours" alone,
// which is usually a deadline, not how long the work takes.
const CLAIM = /\b(?:within|in|takes?|took|after|under)\s+(half an hour|(?:the|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-five|fifty|ninety|\d{1,3})\s+(minutes?|mins?|hours?))\b/gi;

/** Minutes a claim states, or null when it cannot be read. */
export function claimedMinutes(words: string): number | null {
  const w = words.toLowerCase();
  if (w === 'half an hour') return 30;
  const m = /^(\S+)\s+(minutes?|mins?|hours?)$/.exec(w);
  if (!m) return null;
  const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!];
  if (n === undefined) return null;
  return m[2]!.startsWith('h') ? n * 60 : n;
}

/** A stated duration counts as contradicted when the engine takes more than half as long again. */
const TOLERANCE = 1.5;

export function timeClaims(scenario: Scenario): TimeClaim[] {
  const out: TimeClaim[] = [];
  scenario.beats.forEach((beat, b) =>
    beat.decision?.options.forEach((option, o) => {
      if (option.minutes === undefined || option.minutes === 0) return;
      for (const field of ['label', 'detail', 'outcome'] as const) {
        const text = option[field];
        if (!text) continue;
        for (const match of text.matchAll(CLAIM)) {
          const said = claimedMinutes(match[1]!);
          if (said === null || said === 0) continue;
          const slowest = [...scenario.partners].sort((x, y) => y.timeFactor - x.timeFactor)[0]!;
          const actual = Math.round(option.minutes * slowest.timeFactor);
          if (actual > said * TOLERANCE) out.push({ beat: b, option: o, field, said: match[0]!, saidMinutes: said, partner: slowest.name, actualMinutes: actual });
        }
      }
    }),
  );
  return out;
}

export function timeClaimMessage(c: TimeClaim, optionId: string): string {
  return `option "${optionId}" says "${c.said}" but takes ${duration(c.actualMinutes)} with ${c.partner}; write {duration} so the text states what the clock does`;
}
