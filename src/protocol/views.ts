import type { Lang } from '../i18n/lang.ts';
import type { RoomSettings } from './messages.ts';

// What the server sends. Every participant-facing shape is built on the server from the engine's
// state for that participant's role; nothing here has a field for facilitator-only material.

export type RoomPhase = 'lobby' | 'briefing' | 'incident' | 'ended';

export interface PhoneInject {
  id: string;
  t: number;
  channel: string;
  from: string;
  text: string;
  /** True when aimed at the phone's role (only that role's phones receive it). */
  forYou: boolean;
}

/**
 * An option as the phone shows it: its label, cost and time, and why it is out of reach. Fields
 * with nothing to say are left out (every phone gets every option of every decision, so a room of
 * hundreds sends them hundreds of times).
 */
export interface PhoneOption {
  id: string;
  /** 1-based position, the key that picks it. */
  key: number;
  label: string;
  /** Only when the option has a detail. */
  detail?: string;
  cost: number;
  minutes: number;
  available: boolean;
  /** Only when the option is not available: why. */
  unavailable?: string;
}

export interface Tally {
  counts: Record<string, number>;
  total: number;
}

export interface VoteView {
  /** The decision's id: beat and the game minute it was put, e.g. `contain@12`. */
  decision: string;
  open: boolean;
  mine: { option: string; confidence: number | null; rationale: string } | null;
  /** The tally, once the facilitator reveals it (or live, when results are visible). */
  tally: Tally | null;
}

/** One phone's whole screen, put together on the phone from its role's view, its seat and its ballot. */
export interface ParticipantView {
  code: string;
  /**
   * The language this view is for (the phone's own, or the room's for a phone without one);
   * absent: English, so an English room sends the bytes it sent before rooms had languages.
   */
  lang?: Lang;
  /**
   * The language the scenario's own text is in, when it is not `lang` (absent: the same): a
   * scenario with no translation into `lang` comes in English.
   */
  textLang?: Lang;
  phase: RoomPhase;
  title: string;
  currency: string;
  clock: number;
  you: { name: string; role: string };
  beat: { title: string; narrative: string } | null;
  /** Every inject since the last decision that this role may see, in full. */
  injects: PhoneInject[];
  decision: { prompt: string; options: PhoneOption[] } | null;
  vote: VoteView | null;
  /** The choice the room made, once the facilitator revealed it. */
  lastChoice: { label: string; outcome: string } | null;
  ending: { title: string; narrative: string; outcome: string; scores: { name: string; score: number }[] | null } | null;
}

/** GET /join-info/CODE: what the join page shows before a phone takes a seat. */
export interface JoinInfo {
  code: string;
  /** The room's language, which a phone without a language of its own follows. */
  lang: Lang;
  /** In the language asked for (`?lang=`, else the room's) when the scenario has it, else English. */
  title: string;
  /** The language `title` is in. */
  titleLang: Lang;
  roles: { id: string; free: number }[];
}

/**
 * What the server sends every phone of one role (encoded once per role) whenever it changes, in
 * full, so a reload or a latecomer is current at once. The vote's state comes apart as `vote`
 * (the same for every phone), so opening, closing or a live tally never resends the situation;
 * per-seat parts come as `seat` and `ballot`.
 */
export type RoleView = Omit<ParticipantView, 'you' | 'vote'>;

/** The vote every phone sees: which decision, whether it is open, and the tally once it may be seen. */
export interface VoteStateMessage {
  vote: Omit<VoteView, 'mine'> | null;
}

/** A role's view with the vote's state when it was sent, in one message so the two never disagree on screen. */
export type ViewMessage = RoleView & VoteStateMessage;

/**
 * After the whole view (on joining and reconnecting), what changed in it: only the fields that
 * differ from the phone's last view, each in full, with the vote's state. A clock tick sends the
 * clock; a new inject sends the injects since the last decision, every one in full.
 */
export type ViewUpdateMessage = Partial<RoleView> & VoteStateMessage;

/** This phone's own vote on a decision, as the room has it (after joining, reconnecting, or a refused vote). */
export interface BallotMessage {
  decision: string;
  mine: VoteView['mine'];
}

/** The language a view is for, and the one its scenario text is in (views.ts: absent fields mean English, and the same). */
export function viewLangs(view: Pick<ParticipantView, 'lang' | 'textLang'>): { lang: Lang; textLang: Lang } {
  const lang = view.lang ?? 'en';
  return { lang, textLang: view.textLang ?? lang };
}

/** The phone's screen from the four messages it gets. A ballot for another decision is not shown. */
export function composeView(role: RoleView, vote: VoteStateMessage | null, seat: { name: string; role: string }, ballot: BallotMessage | null): ParticipantView {
  const open = vote?.vote ?? null;
  return {
    ...role,
    you: { name: seat.name, role: seat.role },
    vote: open ? { ...open, mine: ballot?.decision === open.decision ? ballot.mine : null } : null,
  };
}

export interface SeatMessage {
  device: string;
  name: string;
  role: string;
}

/**
 * The join error code of a device token the room has no seat for (the room was restored without
 * it, say): the phone stops trying to rejoin. A code, not the words, because the words follow the phone's language.
 */
export const SEAT_NOT_FOUND = 4460;

export interface RoomErrorMessage {
  /** The refused message's type, when there was one. */
  type: string | null;
  /** Why, in words: a phone's in its language; the console's in English, for clients that know no `code`. */
  message: string;
  /** To the console: why as data, worded in the console's language (room-refusals.ts checks it). */
  code?: string;
  params?: Record<string, string | number>;
}

export interface ParticipantEntry {
  id: string;
  name: string;
  role: string;
  connected: boolean;
  voted: boolean;
}

/** One voter's ballot in the record; `name` is null when voting was anonymous. */
export interface Ballot {
  name: string | null;
  role: string | null;
  option: string;
  confidence: number | null;
  rationale: string;
}

/** A closed vote as the report keeps it. */
export interface VoteRecord {
  decision: string;
  beat: string;
  prompt: string;
  options: { id: string; label: string }[];
  anonymous: boolean;
  tally: Tally;
  ballots: Ballot[];
}

/** The console's view of the room: everything, since the console is the facilitator's. */
export interface ConsoleRoomView {
  code: string;
  settings: RoomSettings;
  cap: number;
  participants: ParticipantEntry[];
  vote: { decision: string; open: boolean; revealed: boolean; tally: Tally; ballots: Ballot[] } | null;
  /**
   * Why the room takes no more inputs (its log could not be replayed, or a write failed): set by
   * the network room, which alone knows; absent while the room runs normally.
   */
  readOnly?: string;
}

/**
 * The console's whole view (on joining and reconnecting) with its version; after it, `consoleDelta`
 * messages take it from one version to the next (console-delta.ts makes and applies them).
 */
export type ConsoleViewMessage = ConsoleRoomView & { version: number };

type ConsoleVote = NonNullable<ConsoleRoomView['vote']>;

/**
 * A list as it is now, made from the list before: pieces in order, each either a run of the list
 * before (`[start, count]`) or one item in full. Unchanged stretches cost one run each.
 */
export type ListPatch<T> = (readonly [number, number] | T)[];

/** What changed in the vote on the same decision. */
export interface ConsoleVoteChanges {
  open?: boolean;
  revealed?: boolean;
  tally?: Tally;
  ballots?: ListPatch<Ballot>;
}

/** From the console's view of version `base` to version `base + 1`: only the fields that changed. */
export interface ConsoleDelta {
  base: number;
  code?: string;
  settings?: RoomSettings;
  cap?: number;
  participants?: ListPatch<ParticipantEntry>;
  /** The whole vote, when a vote began, ended or moved to another decision. */
  vote?: ConsoleVote | null;
  voteChanges?: ConsoleVoteChanges;
  /** null: the room is no longer read-only. */
  readOnly?: string | null;
}

/** Every closed vote, for the report: sent to the console when it joins and when a vote is closed or changed after. */
export interface RecordsMessage {
  records: VoteRecord[];
}

/** Sent to the console on every vote: small, so a tally reaches it fast in a big room. */
export interface TallyMessage {
  decision: string;
  tally: Tally;
}

export interface ServerMessages {
  view: ViewMessage;
  update: ViewUpdateMessage;
  vote: VoteStateMessage;
  ballot: BallotMessage;
  seat: SeatMessage;
  error: RoomErrorMessage;
  console: ConsoleViewMessage;
  consoleDelta: ConsoleDelta;
  records: RecordsMessage;
  tally: TallyMessage;
  secret: { secret: string };
}
