import { z } from 'zod';
import { PACES } from '../store/autosave.ts';
import { isDueDate, MAX_NOTE_LENGTH, MAX_VOTES, NOTE_KINDS, SESSION_FORMAT, SESSION_VERSION, type Session } from './session.ts';

// The session as data from outside (a session file, a stored copy): checked field by field so an
// import can say exactly what is wrong and where. Mirrors the Session type in session.ts; the
// `satisfies` at the end fails to compile when the two drift apart.

const Text = (max: number) => z.string().max(max);
const Iso = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date and time');
const Minutes = z.number().int().min(0);
const Votes = z.record(z.string(), z.number().int().min(0).max(MAX_VOTES));

const RunEvent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('prep.commit'), measures: z.array(z.string()) }),
  z.strictObject({ type: z.literal('player.choose'), option: z.string(), votes: Votes.optional() }),
  z.strictObject({ type: z.literal('clock.tick'), minutes: z.number().int().min(1) }),
  z.strictObject({ type: z.literal('facilitator.extend'), minutes: z.number().int().min(1) }),
  z.strictObject({ type: z.literal('facilitator.hold') }),
  z.strictObject({ type: z.literal('facilitator.release') }),
  z.strictObject({ type: z.literal('facilitator.skip') }),
]);

const Rating = z.enum(['P', 'S', 'M', 'U']);

export const SessionSchema = z.strictObject({
  format: z.literal(SESSION_FORMAT),
  version: z.literal(SESSION_VERSION),
  id: z.string().min(1).max(100),
  rev: z.number().int().min(0),
  createdAt: Iso,
  updatedAt: Iso,
  facilitator: Text(200),
  team: z.strictObject({
    name: Text(200),
    participants: z.array(z.strictObject({ id: z.string().min(1).max(100), name: Text(200), role: Text(64) })).max(200),
  }),
  scenarioId: z.string().max(64),
  scenarioTitle: Text(200),
  partner: z.string().max(64),
  seed: z.number().int().min(0).max(2 ** 31 - 1),
  pace: z.enum(PACES),
  stage: z.enum(['setup', 'briefing', 'incident', 'debrief']),
  decision: z.enum(['open', 'recorded', 'revealed']),
  hiddenFrom: z.number().int().min(0).nullable(),
  paused: z.boolean(),
  speed: z.union([z.literal(1), z.literal(2), z.literal(4)]),
  prep: z.array(z.string()),
  run: z
    .strictObject({
      fingerprint: z.string(),
      inputs: z.array(RunEvent).max(100_000),
      undone: z.array(z.strictObject({ event: RunEvent, t: Minutes, beat: z.string().nullable() })),
    })
    .nullable(),
  votes: Votes,
  selected: z.string().nullable(),
  notes: z.array(
    z.strictObject({
      id: z.string().min(1).max(100),
      at: Iso,
      t: Minutes,
      beat: z.string().nullable(),
      objective: z.string().nullable(),
      kind: z.enum(NOTE_KINDS),
      text: z.string().min(1).max(MAX_NOTE_LENGTH),
    }),
  ),
  ratings: z.record(z.string(), Rating),
  actions: z.array(
    z.strictObject({
      id: z.string().min(1).max(100),
      issue: Text(MAX_NOTE_LENGTH),
      action: Text(MAX_NOTE_LENGTH),
      objective: z.string().nullable(),
      owner: Text(200),
      due: z.string().refine(isDueDate, 'a due date is YYYY-MM-DD or empty'),
    }),
  ),
  journal: z.array(
    z.strictObject({
      at: Iso,
      t: Minutes,
      kind: z.enum([
        'briefing', 'started', 'paused', 'resumed', 'speed', 'released', 'skipped', 'extended', 'held',
        'recorded', 'timeout', 'revealed', 'continued', 'undone', 'ended', 'reopened',
      ]),
      text: Text(1000),
    }),
  ),
  startedAt: Iso.nullable(),
  endedAt: Iso.nullable(),
});

// Compile-time check that the schema and the type describe the same thing.
type Parsed = z.infer<typeof SessionSchema>;
const sameShape = (s: Parsed): Session => s;
const sameShapeBack = (s: Session): Parsed => s;
void sameShape;
void sameShapeBack;

/** Where and what: "notes.3.text: too long". */
export function describeIssues(error: z.ZodError, limit = 8): string[] {
  const lines = error.issues.slice(0, limit).map((i) => `${i.path.length ? i.path.map(String).join('.') : '(top level)'}: ${i.message}`);
  if (error.issues.length > limit) lines.push(`… and ${error.issues.length - limit} more`);
  return lines;
}
