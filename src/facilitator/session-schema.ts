import { MAX_SEED } from '../engine/rng.ts';
import { z } from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { MAX_EVENT_MINUTES, MAX_RUN_INPUTS } from '../engine/run-events.ts';
import { LANGS } from '../i18n/lang.ts';
import { PACES } from '../store/pace.ts';
import { CURRENCIES, MAX_TAILORED_NAME, MAX_TAILORED_PEOPLE, NO_TAILORING } from '../scenarios/tailoring.ts';
import { CLOCK_MODES, MAX_DISCUSSION_SECONDS } from './clock-policy.ts';
import {
  ACTION_STATUSES,
  BRIEFING_PAGES,
  CAPABILITY_ELEMENTS,
  DEFAULT_REPORT_EDITS,
  isDueDate,
  MAX_NOTE_LENGTH,
  MAX_PARTICIPANTS,
  MAX_VOTES,
  NOTE_KINDS,
  SESSION_FORMAT,
  SESSION_VERSION,
  type Session,
} from './session.ts';

// The session as data from outside (a session file, a stored copy): checked field by field so an
// import can say exactly what is wrong and where. Mirrors the Session type in session.ts; the
// two assignments at the end fail to compile when they drift apart. zod/mini keeps this out of
// the way of the page's size; the English messages are loaded explicitly.
z.config(en());

const Text = (max: number) => z.string().check(z.maxLength(max));
const Id = z.string().check(z.minLength(1), z.maxLength(100));
const Iso = z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'not a date and time'));
const Whole = (min: number, max = Number.MAX_SAFE_INTEGER) => z.int().check(z.gte(min), z.lte(max));
const Minutes = Whole(0);
const Votes = z.record(z.string(), Whole(0, MAX_VOTES));

export const RunEvent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('prep.commit'), measures: z.array(z.string()) }),
  z.strictObject({ type: z.literal('player.choose'), option: z.string(), votes: z.optional(Votes) }),
  // The engine's own bounds (run-events.ts), so a session file and a save are held to the same rules.
  z.strictObject({ type: z.literal('clock.tick'), minutes: Whole(1, MAX_EVENT_MINUTES) }),
  z.strictObject({ type: z.literal('facilitator.extend'), minutes: Whole(1, MAX_EVENT_MINUTES) }),
  z.strictObject({ type: z.literal('facilitator.hold') }),
  z.strictObject({ type: z.literal('facilitator.release') }),
  z.strictObject({ type: z.literal('facilitator.skip') }),
]);

const JOURNAL_KINDS = [
  'briefing', 'started', 'paused', 'resumed', 'speed', 'released', 'skipped', 'extended', 'held',
  'recorded', 'timeout', 'revealed', 'continued', 'undone', 'ended', 'reopened', 'time',
] as const;

export const SessionSchema = z.strictObject({
  format: z.literal(SESSION_FORMAT),
  version: z.literal(SESSION_VERSION),
  id: Id,
  rev: Minutes,
  createdAt: Iso,
  updatedAt: Iso,
  facilitator: Text(200),
  team: z.strictObject({
    name: Text(200),
    participants: z.array(z.strictObject({ id: Id, name: Text(200), role: Text(64) })).check(z.maxLength(MAX_PARTICIPANTS)),
  }),
  scenarioId: Text(64),
  scenarioTitle: Text(200),
  // Sessions saved before scenario files and tailoring existed ran a shipped scenario as written.
  scenarioFile: z._default(z.nullable(z.strictObject({ key: Text(64), name: Text(260) })), null),
  tailoring: z._default(
    z.strictObject({
      company: Text(MAX_TAILORED_NAME),
      sector: Text(MAX_TAILORED_NAME),
      currency: z.enum(['', ...CURRENCIES]),
      people: z.record(z.string().check(z.maxLength(64)), Text(MAX_TAILORED_NAME)).check(z.refine((r) => Object.keys(r).length <= MAX_TAILORED_PEOPLE, `at most ${MAX_TAILORED_PEOPLE} people`)),
    }),
    () => structuredClone(NO_TAILORING),
  ),
  // Sessions saved before scenarios had translations ran in English.
  scenarioLang: z._default(z.enum(LANGS), 'en'),
  partner: Text(64),
  seed: Whole(0, MAX_SEED),
  pace: z.enum(PACES),
  // Sessions saved before these settings existed ran by the clock and showed everything.
  clock: z._default(z.enum(CLOCK_MODES), 'realtime'),
  discussion: z._default(z.strictObject({ seconds: Whole(0, MAX_DISCUSSION_SECONDS), endsAt: z.nullable(Iso) }), { seconds: 0, endsAt: null }),
  display: z._default(
    z.strictObject({ costs: z.boolean(), scores: z.boolean(), largeText: z.boolean(), graphic: z.boolean() }),
    { costs: true, scores: true, largeText: false, graphic: true },
  ),
  briefingPage: z._default(z.enum(BRIEFING_PAGES), 'company'),
  stage: z.enum(['setup', 'briefing', 'incident', 'debrief']),
  decision: z.enum(['open', 'recorded', 'revealed']),
  hiddenFrom: z.nullable(Minutes),
  paused: z.boolean(),
  speed: z.union([z.literal(1), z.literal(2), z.literal(4)]),
  prep: z.array(z.string()),
  run: z.nullable(
    z.strictObject({
      fingerprint: z.string(),
      inputs: z.array(RunEvent).check(z.maxLength(MAX_RUN_INPUTS)),
      undone: z.array(z.strictObject({ event: RunEvent, t: Minutes, beat: z.nullable(z.string()) })),
    }),
  ),
  votes: Votes,
  selected: z.nullable(z.string()),
  notes: z.array(
    z.strictObject({
      id: Id,
      at: Iso,
      t: Minutes,
      beat: z.nullable(z.string()),
      objective: z.nullable(z.string()),
      kind: z.enum(NOTE_KINDS),
      text: z.string().check(z.minLength(1), z.maxLength(MAX_NOTE_LENGTH)),
    }),
  ),
  ratings: z.record(z.string(), z.enum(['P', 'S', 'M', 'U'])),
  actions: z.array(
    z.strictObject({
      id: Id,
      issue: Text(MAX_NOTE_LENGTH),
      action: Text(MAX_NOTE_LENGTH),
      objective: z.nullable(z.string()),
      owner: Text(200),
      due: z.string().check(z.refine(isDueDate, 'a due date is YYYY-MM-DD or empty')),
      element: z._default(z.enum(CAPABILITY_ELEMENTS), 'planning'),
      org: z._default(Text(200), ''),
      start: z._default(z.string().check(z.refine(isDueDate, 'a start date is YYYY-MM-DD or empty')), ''),
      status: z._default(z.enum(ACTION_STATUSES), 'not started'),
    }),
  ),
  report: z._default(
    z.strictObject({
      handling: Text(200),
      summary: Text(MAX_NOTE_LENGTH * 2),
      scope: Text(MAX_NOTE_LENGTH),
      missionArea: Text(200),
      threat: Text(MAX_NOTE_LENGTH),
      sponsor: Text(200),
      organisations: Text(MAX_NOTE_LENGTH),
      poc: Text(200),
      hotwash: Text(MAX_NOTE_LENGTH * 4),
      ratingReasons: z.record(z.string(), Text(MAX_NOTE_LENGTH)),
      findings: z.record(
        z.string(),
        z.strictObject({
          title: z.optional(Text(MAX_NOTE_LENGTH)),
          reference: z.optional(Text(MAX_NOTE_LENGTH)),
          analysis: z.optional(Text(MAX_NOTE_LENGTH)),
          rootCause: z.optional(Text(MAX_NOTE_LENGTH)),
          removed: z.optional(z.boolean()),
          mergedInto: z.optional(Text(200)),
        }),
      ),
      appendix: z.boolean(),
    }),
    () => structuredClone(DEFAULT_REPORT_EDITS),
  ),
  journal: z.array(z.strictObject({ at: Iso, t: Minutes, kind: z.enum(JOURNAL_KINDS), text: Text(1000) })),
  startedAt: z.nullable(Iso),
  endedAt: z.nullable(Iso),
  summary: z.optional(
    z.nullable(
      z.strictObject({
        communication: Whole(0, 100),
        proactivity: Whole(0, 100),
        businessImpact: Whole(0, 100),
        overall: Whole(0, 100),
        verdict: Text(200),
      }),
    ),
  ),
});

// Compile-time check that the schema and the type describe the same thing.
type Parsed = z.infer<typeof SessionSchema>;
const sameShape = (s: Parsed): Session => s;
const sameShapeBack = (s: Session): Parsed => s;
void sameShape;
void sameShapeBack;

export interface SchemaIssues {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}

/** Where and what: "notes.3.text: too long". */
export function describeIssues(error: SchemaIssues, limit = 8): string[] {
  const say = (message: string): string => message.replace(/^Invalid input: expected (.+), received undefined$/, 'missing (expected $1)');
  const lines = error.issues.slice(0, limit).map((i) => `${i.path.length ? i.path.map(String).join('.') : '(top level)'}: ${say(i.message)}`);
  if (error.issues.length > limit) lines.push(`… and ${error.issues.length - limit} more`);
  return lines;
}
