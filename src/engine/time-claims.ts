import type { Scenario } from '../scenarios/schema.ts';
import type { CompiledScenario } from './compile.ts';
import { duration, localTime, parseSetting } from './local-time.ts';
import { greedyPreparation, playPolicy, POLICIES } from './policies.ts';

// Scenario text that states how long an option takes ("within the hour", "in 20 minutes") while
// the engine, with a slower partner, takes longer; and text that looks forward to a time of day
// ("by 13:00") that a run reaches the beat after. The checker reports each as a warning naming
// the partner and what the clock does, and suggests {duration} or {now}. Pure.

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

// Times of day. A beat's text that puts a clock time still ahead ("before 08:00", "by 13:00",
// "the 08:00 meeting") is contradicted when a run reaches that beat only after that time: a slow
// partner, or a path with more waiting, carries the story past a time the text still looks forward to.

/** When runs reach each beat, in game minutes: the earliest and the latest, and whose run was latest. */
export interface Arrival {
  earliest: number;
  latest: number;
  latestPartner: string;
}

export interface TimeOfDayClaim {
  beat: number;
  /** Where the words are, below the beat: ['narrative'], ['decision', 'prompt'], an option's label or detail, or ['injects', i, 'text']. */
  field: (string | number)[];
  said: string;
  /** The stated time, as game minutes on the run's clock (its first occurrence at or after the earliest arrival). */
  statedAt: number;
  reachedAt: number;
  partner: string;
}

// "before 08:00", "by 13:00", "until 18:30", "the 08:00 (management) meeting"; not "at 14:05" or "since 14:05",
// which usually tell what already happened.
const AHEAD = /\b(?:before|by|until|till)\s+(([01]?\d|2[0-3])[:.]([0-5]\d))\b|\bthe\s+(([01]?\d|2[0-3])[:.]([0-5]\d))\s+(?:[a-z]+\s+)?(?:meeting|call|briefing|deadline|cut-?off|update|board|flight|shift|opening|run|release|send|statement)\b/gi;

/** The clock times a text still looks forward to: the words and the minute of the day. */
export function aheadTimes(text: string): { said: string; minuteOfDay: number }[] {
  // "By 10:00 the cleaners have stopped work" opens a sentence and narrates; it looks back, not ahead.
  const opensSentence = (i: number): boolean => /(?:^|[.!?:]\s+)$/.test(text.slice(0, i));
  return [...text.matchAll(AHEAD)].filter((m) => !opensSentence(m.index)).map((m) => {
    const h = m[2] ?? m[5]!;
    const min = m[3] ?? m[6]!;
    return { said: m[0]!, minuteOfDay: Number(h) * 60 + Number(min) };
  });
}

/** Beat text that looks forward to a time of day some run reaches the beat after. Pure; `arrivals` come from runs. */
export function timeOfDayClaims(scenario: Scenario, arrivals: ReadonlyMap<string, Arrival>): TimeOfDayClaim[] {
  const start = parseSetting(scenario.setting);
  if (!start) return [];
  const out: TimeOfDayClaim[] = [];
  scenario.beats.forEach((beat, b) => {
    const arrival = arrivals.get(beat.id);
    if (!arrival) return;
    const texts: [(string | number)[], string | undefined, number][] = [
      [['narrative'], beat.narrative, 0],
      [['decision', 'prompt'], beat.decision?.prompt, 0],
      // Options are read while the decision is open, from the beat's arrival on.
      ...(beat.decision?.options ?? []).flatMap((option, i): [(string | number)[], string | undefined, number][] => [
        [['decision', 'options', i, 'label'], option.label, 0],
        [['decision', 'options', i, 'detail'], option.detail, 0],
      ]),
      ...(beat.injects ?? []).map((inject, i): [(string | number)[], string | undefined, number] => [['injects', i, 'text'], inject.text, inject.at ?? 0]),
    ];
    for (const [field, text, after] of texts) {
      if (!text) continue;
      for (const { said, minuteOfDay } of aheadTimes(text)) {
        // Game minutes from the start to the first such time at or after the earliest arrival.
        const earliest = start.minutes + arrival.earliest + after;
        const stated = earliest + ((minuteOfDay - earliest) % 1440 + 1440) % 1440;
        const reached = start.minutes + arrival.latest + after;
        if (reached > stated) out.push({ beat: b, field, said, statedAt: stated - start.minutes, reachedAt: arrival.latest + after, partner: arrival.latestPartner });
      }
    }
  });
  return out;
}

export function timeOfDayMessage(c: TimeOfDayClaim, scenario: Scenario): string {
  const start = parseSetting(scenario.setting)!;
  return `says "${c.said}" but a run with ${c.partner} is here only at ${localTime(start, c.reachedAt)}; move the time, or write {now} so the text states what the clock does`;
}

/** Every policy with every partner, one seed each: when each beat is reached, earliest and latest. Bounded: policies × partners runs. */
export function beatArrivals(compiled: CompiledScenario): Map<string, Arrival> {
  const out = new Map<string, Arrival>();
  const prep = greedyPreparation(compiled);
  for (const policy of POLICIES) {
    for (const partner of compiled.index.scenario.partners) {
      const run = playPolicy(compiled, policy, { seed: 1, partner: partner.id, prep });
      for (const e of run.log) {
        if (e.type !== 'beat.entered') continue;
        const a = out.get(e.beat);
        if (!a) out.set(e.beat, { earliest: e.t, latest: e.t, latestPartner: partner.name });
        else {
          a.earliest = Math.min(a.earliest, e.t);
          if (e.t > a.latest) Object.assign(a, { latest: e.t, latestPartner: partner.name });
        }
      }
    }
  }
  return out;
}
