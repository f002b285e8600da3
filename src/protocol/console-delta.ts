import { z } from 'zod';
import { RoomSettingsSchema } from './messages.ts';
import type { Ballot, ConsoleDelta, ConsoleRoomView, ConsoleViewMessage, ConsoleVoteChanges, ListPatch, ParticipantEntry } from './views.ts';

// The console's view of a big room holds hundreds of participants and ballots, and changes with
// every vote. The room sends it whole once (on joining and reconnecting), then only what changed
// since the last one it sent: a delta is computed from the two views alone, so it says nothing the
// two whole views would not, and applying it to the first gives exactly the second. Both messages
// are checked with zod when they arrive at the console.

const Run = z.tuple([z.int().min(0), z.int().min(1)]);
const ParticipantSchema = z.strictObject({ id: z.string(), name: z.string(), role: z.string(), connected: z.boolean(), voted: z.boolean() });
const BallotSchema = z.strictObject({
  name: z.string().nullable(),
  role: z.string().nullable(),
  option: z.string(),
  confidence: z.int().nullable(),
  rationale: z.string(),
});
const TallySchema = z.strictObject({ counts: z.record(z.string(), z.int().min(0)), total: z.int().min(0) });
const VoteSchema = z.strictObject({ decision: z.string(), open: z.boolean(), revealed: z.boolean(), tally: TallySchema, ballots: z.array(BallotSchema) });

export const ConsoleViewMessageSchema = z.strictObject({
  version: z.int().min(1),
  code: z.string(),
  settings: RoomSettingsSchema,
  cap: z.int().min(0),
  participants: z.array(ParticipantSchema),
  vote: VoteSchema.nullable(),
  readOnly: z.string().optional(),
});

export const ConsoleDeltaSchema = z.strictObject({
  base: z.int().min(1),
  code: z.string().optional(),
  settings: RoomSettingsSchema.optional(),
  cap: z.int().min(0).optional(),
  participants: z.array(z.union([Run, ParticipantSchema])).optional(),
  vote: VoteSchema.nullable().optional(),
  voteChanges: z
    .strictObject({
      open: z.boolean().optional(),
      revealed: z.boolean().optional(),
      tally: TallySchema.optional(),
      ballots: z.array(z.union([Run, BallotSchema])).optional(),
    })
    .optional(),
  readOnly: z.string().nullable().optional(),
});

// Keys only find a candidate cheaply; an item is copied only when it is equal field by field.
const participantKey = (p: ParticipantEntry): string => p.id;
const ballotKey = (b: Ballot): string => `${b.option}\u0000${b.rationale}`;

/**
 * The list `after` as pieces of `before`; null when it is the same list. Items are flat records:
 * an item that follows where the list before went on (or just past one replaced item) is matched
 * field by field, which is the common case and cheap; only an item from elsewhere is looked up by
 * its key (in a map made the first time one is needed) and then compared field by field, so a run
 * stands only for items equal to the ones it copies, whatever the key.
 */
export function diffList<T extends object>(before: readonly T[], after: readonly T[], key: (item: T) => string): ListPatch<T> | null {
  let keys: Map<string, number> | null = null;
  const find = (item: T): number | undefined => {
    if (!keys) {
      keys = new Map();
      for (let i = before.length - 1; i >= 0; i--) keys.set(key(before[i]!), i);
    }
    const at = keys.get(key(item));
    return at !== undefined && sameRecord(before[at]!, item) ? at : undefined;
  };
  const pieces: ListPatch<T> = [];
  let run: [number, number] | null = null;
  /** Where in `before` the list would go on. */
  let next = 0;
  for (const item of after) {
    let at: number | undefined;
    if (next < before.length && sameRecord(before[next]!, item)) at = next;
    else if (next + 1 < before.length && sameRecord(before[next + 1]!, item)) at = next + 1;
    else at = find(item);
    if (at === undefined) {
      run = null;
      pieces.push(item);
      continue;
    }
    if (run && run[0] + run[1] === at) run[1] += 1;
    else {
      run = [at, 1];
      pieces.push(run);
    }
    next = at + 1;
  }
  const same = before.length === after.length && (after.length === 0 || (pieces.length === 1 && run !== null && run[0] === 0));
  return same ? null : pieces;
}

/** Two flat records with the same fields and values. */
function sameRecord(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let fields = 0;
  for (const k in x) {
    if (x[k] !== y[k]) return false;
    fields += 1;
  }
  return Object.keys(y).length === fields;
}

/** The list a patch makes of `before`; null when a run reaches outside it (the patch was made from another list). */
export function applyList<T>(before: readonly T[], patch: ListPatch<T>): T[] | null {
  const after: T[] = [];
  for (const piece of patch) {
    if (!isRun(piece)) {
      after.push(piece);
      continue;
    }
    const [start, count] = piece;
    if (start + count > before.length) return null;
    for (let i = start; i < start + count; i++) after.push(before[i]!);
  }
  return after;
}

function isRun<T>(piece: readonly [number, number] | T): piece is readonly [number, number] {
  return Array.isArray(piece);
}

/** What changed from `before` (version `base`) to `after`; null when nothing did. */
export function diffConsoleView(before: ConsoleRoomView, after: ConsoleRoomView, base: number): ConsoleDelta | null {
  const delta: ConsoleDelta = { base };
  if (after.code !== before.code) delta.code = after.code;
  if (JSON.stringify(after.settings) !== JSON.stringify(before.settings)) delta.settings = after.settings;
  if (after.cap !== before.cap) delta.cap = after.cap;
  if ((after.readOnly ?? null) !== (before.readOnly ?? null)) delta.readOnly = after.readOnly ?? null;
  const participants = diffList(before.participants, after.participants, participantKey);
  if (participants) delta.participants = participants;
  const was = before.vote;
  const now = after.vote;
  if (!was || !now || was.decision !== now.decision) {
    if (was !== now) delta.vote = now;
  } else {
    const changes: ConsoleVoteChanges = {};
    if (now.open !== was.open) changes.open = now.open;
    if (now.revealed !== was.revealed) changes.revealed = now.revealed;
    if (JSON.stringify(now.tally) !== JSON.stringify(was.tally)) changes.tally = now.tally;
    const ballots = diffList(was.ballots, now.ballots, ballotKey);
    if (ballots) changes.ballots = ballots;
    if (Object.keys(changes).length > 0) delta.voteChanges = changes;
  }
  return Object.keys(delta).length > 1 ? delta : null;
}

/** The view a delta makes of `view`; null when the delta was made from another view (or names no vote to change). */
export function applyConsoleDelta(view: ConsoleViewMessage, delta: ConsoleDelta): ConsoleViewMessage | null {
  if (delta.base !== view.version) return null;
  const next: ConsoleViewMessage = { ...view, version: view.version + 1 };
  if (delta.code !== undefined) next.code = delta.code;
  if (delta.settings !== undefined) next.settings = delta.settings;
  if (delta.cap !== undefined) next.cap = delta.cap;
  if (delta.readOnly === null) delete next.readOnly;
  else if (delta.readOnly !== undefined) next.readOnly = delta.readOnly;
  if (delta.participants) {
    const participants = applyList(view.participants, delta.participants);
    if (!participants) return null;
    next.participants = participants;
  }
  if (delta.vote !== undefined) next.vote = delta.vote;
  const changes = delta.voteChanges;
  if (changes) {
    const vote = view.vote;
    if (!vote) return null;
    const ballots = changes.ballots ? applyList(vote.ballots, changes.ballots) : vote.ballots;
    if (!ballots) return null;
    next.vote = { ...vote, open: changes.open ?? vote.open, revealed: changes.revealed ?? vote.revealed, tally: changes.tally ?? vote.tally, ballots };
  }
  return next;
}
