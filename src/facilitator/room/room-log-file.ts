import { z } from 'zod/mini';
import type { RunEvent as EngineRunEvent } from '../../engine/machine.ts';
import { LANGS } from '../../i18n/lang.ts';
import { MAX_SEED } from '../../engine/rng.ts';
import { isJoinCode, JOIN_CODE_LENGTH } from '../../protocol/join-code.ts';
import { MAX_DISPLAY_NAME, MAX_RATIONALE, MAX_ROOM_CAP, MAX_RUN_INPUTS } from '../../protocol/limits.ts';
import { ROOM_LOG_FORMAT, ROOM_LOG_VERSION } from '../../protocol/room-log.ts';
import type { VoteRecord } from '../../protocol/views.ts';
import { describeIssues, RunEvent } from '../session-schema.ts';
import { MAX_PARTICIPANTS, newSession, type Participant, type Session } from '../session.ts';

// A room's log (exported from a workshop room, see src/protocol/room-log.ts) read by the offline
// console: checked field by field, then turned into a session by a pure function, so the
// exercise can be reopened, reported on and kept in the history like one run here. The votes
// come in as the room's closed-vote records, which the report shows next to the session.

/** A room log holds one entry per accepted input: 300 voters over a dozen decisions fit many times. */
export const MAX_ROOM_LOG_ENTRIES = 200_000;

const Id = z.string().check(z.minLength(1), z.maxLength(100));
const Text = (max: number) => z.string().check(z.maxLength(max));
const Whole = (min: number, max = Number.MAX_SAFE_INTEGER) => z.int().check(z.gte(min), z.lte(max));
const Iso = z.string().check(z.refine((s) => !Number.isNaN(Date.parse(s)), 'not a date and time'));
const Stage = z.enum(['setup', 'briefing', 'incident', 'debrief']);
const DecisionStage = z.enum(['open', 'recorded', 'revealed']);
const Settings = z.strictObject({ resultsVisible: z.boolean(), anonymous: z.boolean(), debriefToPhones: z.boolean() });
const Tally = z.strictObject({ counts: z.record(z.string(), Whole(0)), total: Whole(0) });

const Control = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('control.run'),
    from: Whole(0, MAX_RUN_INPUTS),
    events: z.array(RunEvent).check(z.maxLength(MAX_RUN_INPUTS)),
    stage: Stage,
    decision: DecisionStage,
    shown: z.nullable(Whole(0, MAX_RUN_INPUTS)),
  }),
  z.strictObject({ type: z.literal('control.vote'), action: z.enum(['close', 'reopen', 'reveal', 'hide']) }),
  z.strictObject({ type: z.literal('control.settings'), settings: Settings }),
  z.strictObject({ type: z.literal('control.language'), lang: z.enum(LANGS) }),
]);

const Entry = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('seat'), id: Id, name: Text(MAX_DISPLAY_NAME), role: Text(64) }),
  z.strictObject({
    kind: z.literal('vote'),
    seat: Id,
    vote: z.strictObject({ decision: Id, option: Id, confidence: z.optional(z.nullable(Whole(1, 5))), rationale: z.optional(Text(MAX_RATIONALE)) }),
  }),
  z.strictObject({ kind: z.literal('control'), control: Control }),
]);

const Record = z.strictObject({
  decision: Id,
  beat: Text(100),
  prompt: Text(4000),
  options: z.array(z.strictObject({ id: Id, label: Text(400) })).check(z.maxLength(50)),
  anonymous: z.boolean(),
  tally: Tally,
  ballots: z
    .array(
      z.strictObject({
        name: z.nullable(Text(MAX_DISPLAY_NAME)),
        role: z.nullable(Text(64)),
        option: Id,
        confidence: z.nullable(Whole(1, 5)),
        rationale: Text(MAX_RATIONALE),
      }),
    )
    .check(z.maxLength(MAX_ROOM_CAP)),
});

export const RoomLogSchema = z.strictObject({
  format: z.literal(ROOM_LOG_FORMAT),
  version: z.literal(ROOM_LOG_VERSION),
  code: z.string().check(z.refine(isJoinCode, `a room code is ${JOIN_CODE_LENGTH} letters and digits`)),
  createdAt: Iso,
  closedAt: z.nullable(Iso),
  scenario: z.strictObject({ id: Text(64).check(z.minLength(1)), fingerprint: Text(200) }),
  options: z.strictObject({
    scenarioId: Id,
    seed: Whole(0, MAX_SEED),
    partner: Id,
    settings: z.optional(Settings),
    cap: z.optional(Whole(1, MAX_ROOM_CAP)),
    seats: z.optional(z.record(z.string(), Whole(0, MAX_ROOM_CAP))),
    lang: z.optional(z.enum(LANGS)),
  }),
  cap: Whole(1, MAX_ROOM_CAP),
  fingerprint: z.nullable(z.strictObject({ seq: Whole(0), value: Text(200) })),
  entries: z.array(Entry).check(z.maxLength(MAX_ROOM_LOG_ENTRIES)),
  records: z._default(z.nullable(z.array(Record).check(z.maxLength(1000))), null),
  readOnly: z._default(z.nullable(Text(1000)), null),
});
export type RoomLog = z.infer<typeof RoomLogSchema>;

export interface RoomLogSession {
  session: Session;
  /** The room's closed votes, for the report (empty when the server could not replay the log). */
  records: VoteRecord[];
  /** What the import should tell the facilitator besides "imported". */
  notes: string[];
}

/** Checks parsed JSON as a room log; the problems name the field, e.g. "entries.12.vote.option: …". */
export function checkRoomLog(data: unknown): { log: RoomLog } | { problems: string[] } {
  const parsed = RoomLogSchema.safeParse(data);
  if (!parsed.success) return { problems: describeIssues(parsed.error).map((line) => `room log: ${line}`) };
  if (parsed.data.scenario.id !== parsed.data.options.scenarioId) {
    return { problems: [`room log: scenario.id "${parsed.data.scenario.id}" and options.scenarioId "${parsed.data.options.scenarioId}" disagree`] };
  }
  return { log: parsed.data };
}

/**
 * The session a room's log stands for: the room's scenario, seed and partner, the run's inputs
 * in order (each control.run replaces the run from its `from` on, as the room applied it), the
 * stage the console last sent, and the seats as the team list. A log whose run does not add up
 * gives the entry that breaks it instead.
 */
export function roomLogToSession(log: RoomLog, scenarioTitle: string): RoomLogSession | { problem: string } {
  let inputs: EngineRunEvent[] = [];
  let last: Extract<RoomLog['entries'][number], { kind: 'control' }>['control'] | null = null;
  const participants: Participant[] = [];
  for (const [i, entry] of log.entries.entries()) {
    if (entry.kind === 'seat') participants.push({ id: entry.id, name: entry.name, role: entry.role });
    if (entry.kind !== 'control' || entry.control.type !== 'control.run') continue;
    const run = entry.control;
    if (run.from > inputs.length) return { problem: `room log: entries.${i}.control.from: the run has ${inputs.length} inputs there, so it cannot go on from input ${run.from}` };
    if (run.from + run.events.length > MAX_RUN_INPUTS) return { problem: `room log: entries.${i}.control.events: a run keeps at most ${MAX_RUN_INPUTS} inputs` };
    inputs = [...inputs.slice(0, run.from), ...run.events];
    last = run;
  }
  const stage = last?.stage ?? 'setup';
  const createdAt = new Date(Date.parse(log.createdAt)).toISOString();
  const session: Session = {
    ...newSession({ id: `room-${log.code}-${Date.parse(createdAt)}`, now: createdAt, scenarioId: log.options.scenarioId, scenarioTitle, partner: log.options.partner, seed: log.options.seed }),
    updatedAt: log.closedAt ?? createdAt,
    team: { name: `Workshop room ${log.code}`, participants: participants.slice(0, MAX_PARTICIPANTS) },
    stage,
    decision: last?.decision ?? 'open',
    hiddenFrom: last?.shown ?? null,
    run: inputs.length > 0 || stage === 'incident' || stage === 'debrief' ? { fingerprint: log.scenario.fingerprint, inputs, undone: [] } : null,
    startedAt: stage === 'incident' || stage === 'debrief' ? createdAt : null,
    endedAt: stage === 'debrief' ? (log.closedAt ?? null) : null,
  };
  const notes: string[] = [];
  if (participants.length > MAX_PARTICIPANTS) notes.push(`the room had ${participants.length} participants; the session's team list keeps the first ${MAX_PARTICIPANTS}, the votes keep everyone`);
  if (log.records === null) notes.push('the server could not replay this room, so its votes are not in the file');
  if (log.readOnly) notes.push(`the room was read-only: ${log.readOnly}`);
  return { session, records: log.records ?? [], notes };
}
