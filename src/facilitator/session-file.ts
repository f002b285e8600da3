import { collapseTicks } from '../engine/run-events.ts';
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
}

/**
 * Reads a session file (or a single exported session). `checkRun` replays a session's run and
 * returns why it cannot be used, or null; sessions that fail any check are left out and reported.
 * Consecutive clock ticks are merged (withCollapsedTicks) before the replay.
 */
export function readSessionFile(text: string, checkRun: (session: Session) => string | null): ImportCheck {
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

export interface MergeResult {
  /** Sessions to store: new ones, and clashing ones under a new id. */
  added: Session[];
  messages: string[];
}

export function mergeSessions(existing: readonly Session[], incoming: readonly Session[], newId: () => string): MergeResult {
  const known = new Map(existing.map((s) => [s.id, s]));
  const added: Session[] = [];
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
      known.set(copy.id, copy);
      messages.push(`${name}: differs from the session with the same id in your history; yours is kept and this one is added as a copy`);
      continue;
    }
    added.push(session);
    known.set(session.id, session);
    messages.push(`${name}: imported`);
  }
  return { added, messages };
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
