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

/** Checks a message from the channel; anything malformed or from another version is ignored. */
export function parseSyncMessage(data: unknown): SyncMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.v !== PROTOCOL_VERSION) return null;
  switch (m.kind) {
    case 'frame': {
      const f = m.frame as Partial<PresenterFrame> | null;
      const ok = isText(m.console) && typeof f === 'object' && f !== null && isText(f.sessionId) && Number.isInteger(f.rev) && typeof f.stage === 'string';
      return ok ? (data as SyncMessage) : null;
    }
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
