import { PACES } from '../store/pace.ts';
import { CLOCK_MODES } from './clock-policy.ts';
import { CURRENCIES, MAX_TAILORED_PEOPLE } from '../scenarios/tailoring.ts';
import { isLang } from '../i18n/lang.ts';
import type { PresenterFrame } from './frame.ts';

// The console and the presenter talk over a BroadcastChannel inside one browser. The console is
// the authority: it sends a frame after every change, and answers a presenter's hello with the
// current frame. A console opened later takes over from an earlier one, so two windows never
// steer the same exercise. The reducers below are pure; the channel wrapper is the only I/O.

export const CHANNEL_NAME = 'war-room.facilitator';
export const PROTOCOL_VERSION = 2;

export type SyncMessage =
  | { v: typeof PROTOCOL_VERSION; kind: 'frame'; console: string; frame: PresenterFrame }
  | { v: typeof PROTOCOL_VERSION; kind: 'hello'; presenter: string }
  | { v: typeof PROTOCOL_VERSION; kind: 'bye'; presenter: string }
  | { v: typeof PROTOCOL_VERSION; kind: 'console-open'; console: string }
  | { v: typeof PROTOCOL_VERSION; kind: 'console-closed'; console: string };

const isText = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= 200;

/** A session's revision grows by one per change; no exercise comes near this many. */
export const MAX_FRAME_REV = 10_000_000;
const LONG_TEXT = 20_000;
const str = (x: unknown, max = LONG_TEXT): boolean => typeof x === 'string' && x.length <= max;
const whole = (x: unknown, min: number, max: number): boolean => typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;
const obj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const list = (x: unknown, max: number, item: (y: unknown) => boolean): boolean => Array.isArray(x) && x.length <= max && x.every(item);
const nullOr = (x: unknown, check: (y: unknown) => boolean): boolean => x === null || check(x);

const isInject = (i: unknown): boolean =>
  obj(i) && str(i.id, 200) && typeof i.t === 'number' && Number.isFinite(i.t) && str(i.channel, 20) && str(i.from, 200) && str(i.text);

const isTailoring = (t: unknown): boolean =>
  obj(t) &&
  str(t.company, 200) &&
  str(t.sector, 200) &&
  ['', ...CURRENCIES].includes(t.currency as string) &&
  obj(t.people) &&
  Object.keys(t.people).length <= MAX_TAILORED_PEOPLE &&
  Object.values(t.people).every((n) => str(n, 200));

/**
 * Checks every field of a frame the presenter reads, with bounds: a frame with a missing field
 * or an absurd revision (which would make the presenter ignore the real console's frames) is
 * dropped. The run's view is checked for the parts the presenter relies on; the presenter also
 * keeps its last good frame if drawing a new one fails.
 */
export function isPresenterFrame(x: unknown): x is PresenterFrame {
  if (!obj(x)) return false;
  const f = x;
  return (
    isLang(f.lang) &&
    isLang(f.scenarioLang) &&
    isText(f.sessionId) &&
    whole(f.rev, 0, MAX_FRAME_REV) &&
    ['setup', 'briefing', 'incident', 'debrief'].includes(f.stage as string) &&
    ['open', 'recorded', 'revealed'].includes(f.decision as string) &&
    isText(f.scenarioId) &&
    nullOr(f.scenarioFile, (k) => str(k, 64)) &&
    isTailoring(f.tailoring) &&
    str(f.teamName, 200) &&
    list(f.participants, 200, (p) => obj(p) && str(p.name, 200) && str(p.role, 64) && str(p.roleLabel, 200)) &&
    typeof f.paused === 'boolean' &&
    [1, 2, 4].includes(f.speed as number) &&
    (PACES as readonly unknown[]).includes(f.pace) &&
    nullOr(f.view, (v) => obj(v) && Array.isArray(v.services) && Array.isArray(v.injects) && whole(v.clock, 0, Number.MAX_SAFE_INTEGER)) &&
    list(f.prep, 100, (m) => str(m, 64)) &&
    nullOr(f.votes, (v) => list(v, 5, (o) => obj(o) && str(o.option, 64) && whole(o.key, 1, 5) && str(o.label, 200) && whole(o.count, 0, 100_000))) &&
    nullOr(f.recorded, (r) => obj(r) && str(r.option, 64) && str(r.label, 200) && str(r.by, 20) && nullOr(r.votes, obj)) &&
    nullOr(f.outcome, (o) => obj(o) && str(o.label, 200) && str(o.text)) &&
    list(f.onTheSpot, 20, (o) => obj(o) && str(o.role, 64) && str(o.label, 200) && list(o.people, 200, (p) => str(p, 200))) &&
    (CLOCK_MODES as readonly unknown[]).includes(f.clock) &&
    nullOr(f.discussionEndsAt, (t) => str(t, 40) && Number.isFinite(Date.parse(t as string))) &&
    ['company', 'preparation'].includes(f.briefingPage as string) &&
    obj(f.display) &&
    ['costs', 'scores', 'largeText', 'graphic'].every((k) => typeof (f.display as Record<string, unknown>)[k] === 'boolean') &&
    nullOr(f.latestInject, isInject) &&
    list(f.injects, 500, isInject) &&
    nullOr(f.debrief, obj)
  );
}

/** Checks a message from the channel; anything malformed or from another version is ignored. */
export function parseSyncMessage(data: unknown): SyncMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.v !== PROTOCOL_VERSION) return null;
  switch (m.kind) {
    case 'frame':
      return isText(m.console) && isPresenterFrame(m.frame) ? (data as SyncMessage) : null;
    case 'hello':
    case 'bye':
      return isText(m.presenter) ? (data as SyncMessage) : null;
    case 'console-open':
    case 'console-closed':
      return isText(m.console) ? (data as SyncMessage) : null;
    default:
      return null;
  }
}

// ---- the presenter's side ---------------------------------------------------------------------

export type ConsoleLink = 'waiting' | 'connected' | 'closed';

export interface PresenterSync {
  frame: PresenterFrame | null;
  link: ConsoleLink;
  /** The console whose frames are shown. */
  console: string | null;
}

export const presenterStart = (cached: PresenterFrame | null): PresenterSync => ({ frame: cached, link: 'waiting', console: null });

/** A frame is shown unless it is older than the one on screen for the same session. */
export function presenterReceive(state: PresenterSync, message: SyncMessage): PresenterSync {
  switch (message.kind) {
    case 'frame': {
      const current = state.frame;
      const newer = !current || current.sessionId !== message.frame.sessionId || message.frame.rev >= current.rev;
      return newer ? { frame: message.frame, link: 'connected', console: message.console } : { ...state, link: 'connected', console: message.console };
    }
    case 'console-closed':
      return message.console === state.console ? { ...state, link: 'closed' } : state;
    case 'console-open':
      // A console that just opened will answer the hello below; until then keep the last frame.
      return state;
    case 'hello':
    case 'bye':
      return state;
    default: {
      const unreachable: never = message;
      return unreachable;
    }
  }
}

// ---- the console's side -----------------------------------------------------------------------

export interface ConsoleSync {
  self: string;
  /** False once a console opened later has taken over the exercise. */
  authority: boolean;
  /** Presenter windows that said hello and have not said bye. */
  presenters: string[];
}

export const consoleStart = (self: string): ConsoleSync => ({ self, authority: true, presenters: [] });

export interface ConsoleStep {
  state: ConsoleSync;
  /** What to post back, if anything. */
  reply: SyncMessage | null;
}

export function consoleReceive(state: ConsoleSync, message: SyncMessage, frame: PresenterFrame | null): ConsoleStep {
  switch (message.kind) {
    case 'hello': {
      const presenters = state.presenters.includes(message.presenter) ? state.presenters : [...state.presenters, message.presenter];
      const reply = state.authority && frame ? frameMessage(state.self, frame) : null;
      return { state: { ...state, presenters }, reply };
    }
    case 'bye':
      return { state: { ...state, presenters: state.presenters.filter((p) => p !== message.presenter) }, reply: null };
    case 'console-open':
      return { state: message.console === state.self ? state : { ...state, authority: false }, reply: null };
    case 'frame':
    case 'console-closed':
      return { state, reply: null };
    default: {
      const unreachable: never = message;
      return unreachable;
    }
  }
}

export const frameMessage = (consoleId: string, frame: PresenterFrame): SyncMessage => ({ v: PROTOCOL_VERSION, kind: 'frame', console: consoleId, frame });
export const helloMessage = (presenter: string): SyncMessage => ({ v: PROTOCOL_VERSION, kind: 'hello', presenter });
export const byeMessage = (presenter: string): SyncMessage => ({ v: PROTOCOL_VERSION, kind: 'bye', presenter });
export const consoleOpenMessage = (consoleId: string): SyncMessage => ({ v: PROTOCOL_VERSION, kind: 'console-open', console: consoleId });
export const consoleClosedMessage = (consoleId: string): SyncMessage => ({ v: PROTOCOL_VERSION, kind: 'console-closed', console: consoleId });

// ---- the channel ------------------------------------------------------------------------------

export interface SyncChannel {
  post(message: SyncMessage): void;
  close(): void;
}

/** Opens the BroadcastChannel; messages that fail parseSyncMessage never reach `onMessage`. */
export function openSyncChannel(onMessage: (message: SyncMessage) => void, name = CHANNEL_NAME): SyncChannel {
  const channel = new BroadcastChannel(name);
  channel.onmessage = (event: MessageEvent) => {
    const message = parseSyncMessage(event.data);
    if (message) onMessage(message);
  };
  return {
    post: (message) => channel.postMessage(message),
    close: () => channel.close(),
  };
}
