import { Client, type Room } from '@colyseus/sdk';
import type { Lang } from '../i18n/lang.ts';
import type { PhoneLanguageMessage, VoteMessage } from '../protocol/messages.ts';
import {
  composeView,
  SEAT_NOT_FOUND,
  type BallotMessage,
  type JoinInfo,
  type ParticipantView,
  type RoleView,
  type RoomErrorMessage,
  type SeatMessage,
  type ViewMessage,
  type ViewUpdateMessage,
  type VoteStateMessage,
} from '../protocol/views.ts';
import { limitSdkReconnection, rejoin } from '../protocol/rejoin.ts';
import { forgetSeat, loadSeat, saveSeat } from './storage.ts';

// The phone's link to its workshop room. A dropped connection is first left to Colyseus' own
// reconnection; if that gives up (or the page reloads) the device token takes the seat again.
// The phone shows its own vote as soon as it sends it: the room answers only a refused vote (with
// the ballot it does have) and a new join (with the seat's ballot).

export type LinkStatus = 'joining' | 'connected' | 'reconnecting' | 'closed';

/**
 * What went wrong, said in the phone's language: one of its own messages, or the server's own
 * words when it said something the phone has no message for (a room refusing a vote, say).
 */
export type Problem =
  | { readonly key: 'noWorkshop' | 'tooManyAttempts' | 'workshopFull' | 'unreachable' | 'detailsMissing' | 'left' | 'otherTab' | 'closedRoom' | 'lostConnection' }
  | { readonly said: string; readonly code?: number };

export interface LinkEvents {
  status(status: LinkStatus, detail?: Problem): void;
  view(view: ParticipantView): void;
  error(problem: Problem): void;
}

export class JoinError extends Error {
  override name = 'JoinError';
  constructor(readonly problem: Problem) {
    super('key' in problem ? problem.key : problem.said);
  }
}

/** `lang`: the phone's own language, for the exercise's title; none: the room's. */
export async function fetchJoinInfo(code: string, lang: Lang | null): Promise<JoinInfo> {
  let res: Response;
  try {
    res = await fetch(`/join-info/${encodeURIComponent(code)}${lang ? `?lang=${lang}` : ''}`, { headers: { accept: 'application/json' } });
  } catch {
    throw new JoinError({ key: 'unreachable' });
  }
  const body = (await res.json().catch(() => ({}))) as Partial<JoinInfo> & { error?: string };
  if (res.status === 404) throw new JoinError({ key: 'noWorkshop' });
  if (res.status === 429) throw new JoinError({ key: 'tooManyAttempts' });
  if (!res.ok) throw new JoinError(body.error ? { said: body.error } : { key: 'unreachable' });
  return body as JoinInfo;
}

/** Why a join failed, from Colyseus' error (codes from @colyseus/shared-types). */
export function joinFailure(error: unknown): Problem {
  const e = error as { code?: number; message?: string };
  const message = e.message ?? '';
  if (e.code === SEAT_NOT_FOUND) return { said: message, code: e.code };
  if (e.code === 4212 || /not found/.test(message)) return { key: 'noWorkshop' };
  if (e.code === 429 || /Too many/.test(message)) return { key: 'tooManyAttempts' };
  // "full (…)" names which seats are full: the server's words say more than ours.
  if (/is locked|full/.test(message) && !/Every/.test(message)) return message.includes('full (') ? { said: message } : { key: 'workshopFull' };
  return message && message.length < 200 ? { said: message, code: e.code } : { key: 'unreachable' };
}

export class Link {
  private room: Room | null = null;
  private client = new Client(location.origin.replace(/^http/, 'ws'));
  private stopped = false;
  private roleView: RoleView | null = null;
  private voteState: VoteStateMessage | null = null;
  private seat: SeatMessage | null = null;
  private ballot: BallotMessage | null = null;

  /** `lang()`: the phone's own language, said on every join; null: the phone follows the room's. */
  constructor(
    readonly code: string,
    private readonly on: LinkEvents,
    private readonly lang: () => Lang | null = () => null,
  ) {}

  /** Joins with a name and role, or (with neither) with this phone's stored seat. */
  async join(details?: { name: string; role: string }): Promise<void> {
    this.on.status('joining');
    const stored = loadSeat(this.code);
    const seat = details ? { ...details, ...(stored ? { device: stored.device } : {}) } : stored ? { device: stored.device } : null;
    if (!seat) throw new JoinError({ key: 'detailsMissing' });
    const options = { ...seat, ...this.langOption() };
    let room: Room;
    try {
      room = await this.client.joinById(this.code, options);
    } catch (error) {
      if ((error as { code?: number }).code === SEAT_NOT_FOUND) forgetSeat(this.code);
      throw new JoinError(joinFailure(error));
    }
    this.attach(room);
  }

  /** The phone chose a language: the room sends its view in it from now on (and on every rejoin). */
  setLang(lang: Lang): void {
    this.room?.send('language', { lang } satisfies PhoneLanguageMessage);
  }

  private langOption(): { lang?: Lang } {
    const lang = this.lang();
    return lang ? { lang } : {};
  }

  vote(message: VoteMessage): void {
    if (!this.room) return;
    this.room.send('vote', message);
    this.ballot = { decision: message.decision, mine: { option: message.option, confidence: message.confidence ?? null, rationale: (message.rationale ?? '').trim() } };
    this.emit();
  }

  leave(): void {
    this.stopped = true;
    void this.room?.leave(true);
  }

  private attach(room: Room): void {
    this.room = room;
    limitSdkReconnection(room);
    room.onMessage('seat', (seat: SeatMessage) => {
      this.seat = seat;
      saveSeat(this.code, seat);
      this.emit();
    });
    room.onMessage('view', (view: ViewMessage) => {
      this.roleView = view;
      this.voteState = { vote: view.vote };
      this.emit();
    });
    room.onMessage('update', (update: ViewUpdateMessage) => {
      // Only what changed since the last view: the rest of the screen stays as it is.
      if (!this.roleView) return;
      this.roleView = { ...this.roleView, ...update };
      this.voteState = { vote: update.vote };
      this.emit();
    });
    room.onMessage('vote', (vote: VoteStateMessage) => {
      this.voteState = vote;
      this.emit();
    });
    room.onMessage('ballot', (ballot: BallotMessage) => {
      this.ballot = ballot;
      this.emit();
    });
    room.onMessage('error', (e: RoomErrorMessage) => this.on.error({ said: e.message }));
    room.onDrop(() => this.on.status('reconnecting'));
    room.onReconnect(() => {
      this.on.status('connected');
      // A language chosen while the connection was gone may not have arrived (the room ignores a repeat).
      const lang = this.lang();
      if (lang) room.send('language', { lang } satisfies PhoneLanguageMessage);
      // A vote sent as the connection went may not have arrived: send it again (the room keeps one per seat).
      const mine = this.ballot?.mine;
      const open = this.voteState?.vote;
      if (mine && open?.open && open.decision === this.ballot?.decision) room.send('vote', { decision: open.decision, ...mine });
    });
    room.onLeave((code: number) => {
      if (this.room !== room) return;
      this.room = null;
      // 1000: left on purpose; 4000: this seat was taken up by the same device in another tab.
      if (this.stopped || code === 1000) return this.on.status('closed', { key: 'left' });
      if (code === 4000) return this.on.status('closed', { key: 'otherTab' });
      void this.takeSeatAgain();
    });
    this.on.status('connected');
  }

  private emit(): void {
    if (this.roleView && this.seat) this.on.view(composeView(this.roleView, this.voteState, this.seat, this.ballot));
  }

  /**
   * The room connection is gone (a dropped network, or the server restarted): take the seat again
   * with the device token. A restarted server has restored the room from its log before it listens.
   */
  private async takeSeatAgain(): Promise<void> {
    this.on.status('reconnecting');
    const gone = (why: Problem) => ('key' in why ? why.key === 'noWorkshop' : why.code === SEAT_NOT_FOUND);
    const result = await rejoin(() => this.client.joinById(this.code, { device: loadSeat(this.code)?.device ?? '', ...this.langOption() }), {
      stopped: () => this.stopped,
      fatal: (error) => gone(joinFailure(error)),
    });
    if ('room' in result) return this.attach(result.room);
    if (this.stopped) return;
    if (gone(joinFailure(result.error))) return this.on.status('closed', { key: 'closedRoom' });
    this.on.status('closed', { key: 'lostConnection' });
  }
}
