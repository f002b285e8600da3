import { collapseTicks } from '../engine/run-events.ts';
import { ROOM_LOG_FORMAT } from '../protocol/room-log.ts';
import type { VoteRecord } from '../protocol/views.ts';
import { checkRoomLog, roomLogToSession } from './room/room-log-file.ts';
import { withoutSummary } from './session-summary.ts';
import { describeIssues, SessionSchema } from './session-schema.ts';
import { SESSION_FORMAT, type Session } from './session.ts';

// Session files move a facilitator's history between browsers and machines. Importing never
// changes what is already stored: a session already there is skipped, and one that clashes with
// a stored session of the same id comes in as a separate copy.

export const SESSION_FILE_FORMAT = 'war-room.sessions';
export const SESSION_FILE_VERSION = 1;
export const MAX_SESSION_FILE_BYTES = 20 * 1024 * 1024;
/** More sessions than a facilitator's history holds in years; an import stops reading there. */
export const MAX_IMPORT_SESSIONS = 1000;

export interface SessionFile {
  format: typeof SESSION_FILE_FORMAT;
  version: typeof SESSION_FILE_VERSION;
  exportedAt: string;
  sessions: Session[];
}

export function sessionFileText(sessions: readonly Session[], exportedAt: string): string {
  const file: SessionFile = { format: SESSION_FILE_FORMAT, version: SESSION_FILE_VERSION, exportedAt, sessions: [...sessions] };
  return JSON.stringify(file, null, 2);
}

/** "war-room-sessions-2025-03-14.json", or the team's name for a single session. */
export function sessionFileName(sessions: readonly Session[], exportedAt: string): string {
  const day = exportedAt.slice(0, 10);
  const only = sessions.length === 1 ? sessions[0] : undefined;
  const team = only ? slug(only.team.name) : '';
  return only ? `war-room-session-${team || 'team'}-${day}.json` : `war-room-sessions-${day}.json`;
}

export interface ImportCheck {
  /** Sessions that passed every check. */
  sessions: Session[];
  /** One line per problem, naming the session and the field. */
  problems: string[];
  /** A room log's closed votes, by the id of the session made from it. */
  voteRecords?: Map<string, VoteRecord[]>;
  /** What to tell the facilitator about sessions that passed (e.g. what a room log could not carry). */
  notes?: string[];
}

/**
 * Reads a session file, a single exported session, or a workshop room's log (turned into one
 * session; `titleOf` names its scenario). `checkRun` replays a session's run and
 * returns why it cannot be used, or null; sessions that fail any check are left out and reported.
 * Consecutive clock ticks are merged (withCollapsedTicks) before the replay.
 */
export function readSessionFile(text: string, checkRun: (session: Session) => string | null, titleOf: (scenarioId: string) => string = (id) => id): ImportCheck {
  if (text.length > MAX_SESSION_FILE_BYTES) {
    return { sessions: [], problems: [`the file is ${Math.ceil(text.length / 1024 / 1024)} MB; session files are limited to ${MAX_SESSION_FILE_BYTES / 1024 / 1024} MB`] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { sessions: [], problems: [`the file is not JSON (${(error as Error).message}); choose a file exported from War Room's session history`] };
  }
  const top = data as { format?: unknown; version?: unknown; sessions?: unknown } | null;
  let items: unknown[];
  if (typeof top === 'object' && top !== null && top.format === SESSION_FILE_FORMAT) {
    if (top.version !== SESSION_FILE_VERSION) {
      return { sessions: [], problems: [`session file version ${String(top.version)} is not supported (this War Room reads version ${SESSION_FILE_VERSION})`] };
    }
    if (!Array.isArray(top.sessions)) return { sessions: [], problems: ['the file has no "sessions" list'] };
    items = top.sessions;
  } else if (typeof top === 'object' && top !== null && top.format === SESSION_FORMAT) {
    items = [top];
  } else if (typeof top === 'object' && top !== null && top.format === ROOM_LOG_FORMAT) {
    return readRoomLog(data, checkRun, titleOf);
  } else {
    return { sessions: [], problems: [`this is not a War Room session file (its "format" should be "${SESSION_FILE_FORMAT}")`] };
  }
  if (items.length === 0) return { sessions: [], problems: ['the file contains no sessions'] };
  if (items.length > MAX_IMPORT_SESSIONS) {
    return { sessions: [], problems: [`the file holds ${items.length} sessions; an import takes at most ${MAX_IMPORT_SESSIONS}: export fewer at a time`] };
  }

  const sessions: Session[] = [];
  const problems: string[] = [];
  items.forEach((item, i) => {
    const name = describeItem(item, i);
    const parsed = SessionSchema.safeParse(item);
    if (!parsed.success) {
      problems.push(...describeIssues(parsed.error).map((line) => `${name}: ${line}`));
      return;
    }
    const session = withCollapsedTicks(parsed.data);
    const why = checkRun(session);
    if (why) {
      problems.push(`${name}: ${why}`);
      return;
    }
    sessions.push(session);
  });
  return { sessions, problems };
}

/** A room's log as an import: one session, with the room's votes beside it. */
function readRoomLog(data: unknown, checkRun: (session: Session) => string | null, titleOf: (scenarioId: string) => string): ImportCheck {
  const checked = checkRoomLog(data);
  if ('problems' in checked) return { sessions: [], problems: checked.problems };
  const made = roomLogToSession(checked.log, titleOf(checked.log.options.scenarioId));
  if ('problem' in made) return { sessions: [], problems: [made.problem] };
  const session = withCollapsedTicks(made.session);
  const why = checkRun(session);
  if (why) return { sessions: [], problems: [`room ${checked.log.code}: ${why}`] };
  return { sessions: [session], problems: [], voteRecords: new Map([[session.id, made.records]]), notes: made.notes.map((n) => `room ${checked.log.code}: ${n}`) };
}

export interface MergeResult {
  /** Sessions to store: new ones, and clashing ones under a new id. */
  added: Session[];
  /** For each added session, the id it came in with (a copy's differs from its own). */
  sources: string[];
  messages: string[];
}

export function mergeSessions(existing: readonly Session[], incoming: readonly Session[], newId: () => string): MergeResult {
  const known = new Map(existing.map((s) => [s.id, s]));
  const added: Session[] = [];
  const sources: string[] = [];
  const messages: string[] = [];
  for (const session of incoming) {
    const name = label(session);
    const same = known.get(session.id);
    // Incoming sessions have their ticks merged; the stored copy counts as the same once merged too.
    // The summary is derived from the rest (and absent in older files): it does not make a session differ.
    if (same && JSON.stringify(withCollapsedTicks(withoutSummary(same))) === JSON.stringify(withCollapsedTicks(withoutSummary(session)))) {
      messages.push(`${name}: already in your history, skipped`);
      continue;
    }
    if (same) {
      const copy = { ...session, id: newId() };
      added.push(copy);
      sources.push(session.id);
      known.set(copy.id, copy);
      messages.push(`${name}: differs from the session with the same id in your history; yours is kept and this one is added as a copy`);
      continue;
    }
    added.push(session);
    sources.push(session.id);
    known.set(session.id, session);
    messages.push(`${name}: imported`);
  }
  return { added, sources, messages };
}

/**
 * The session with each run of consecutive clock ticks merged: a console that ticked every
 * second for hours would otherwise take minutes to replay, on import and every time it is listed.
 */
export function withCollapsedTicks(session: Session): Session {
  if (!session.run) return session;
  const inputs = collapseTicks(session.run.inputs);
  return inputs.length === session.run.inputs.length ? session : { ...session, run: { ...session.run, inputs } };
}

function label(s: Session): string {
  return `“${s.team.name || 'Unnamed team'}” (${s.scenarioTitle || s.scenarioId}, ${s.createdAt.slice(0, 10)})`;
}

function describeItem(item: unknown, i: number): string {
  const s = item as Partial<Session> | null;
  const team = typeof s?.team?.name === 'string' && s.team.name ? ` “${s.team.name.slice(0, 60)}”` : '';
  return `session ${i + 1}${team}`;
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}
