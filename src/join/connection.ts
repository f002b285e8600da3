import { Client, type Room } from '@colyseus/sdk';
import type { VoteMessage } from '../protocol/messages.ts';
import {
  composeView,
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

export interface LinkEvents {
  status(status: LinkStatus, detail?: string): void;
  view(view: ParticipantView): void;
  error(message: string): void;
}

export class JoinError extends Error {
  override name = 'JoinError';
}

export async function fetchJoinInfo(code: string): Promise<JoinInfo> {
  const res = await fetch(`/join-info/${encodeURIComponent(code)}`, { headers: { accept: 'application/json' } });
  const body = (await res.json().catch(() => ({}))) as Partial<JoinInfo> & { error?: string };
  if (!res.ok) throw new JoinError(body.error ?? `The server answered ${res.status}.`);
  return body as JoinInfo;
}

/** A sentence for a failed join, from Colyseus' error (codes from @colyseus/shared-types). */
export function joinFailure(error: unknown): string {
  const e = error as { code?: number; message?: string };
  if (e.code === 4212 || /not found/.test(e.message ?? '')) return 'No workshop with that code.';
  if (e.code === 429 || /Too many/.test(e.message ?? '')) return 'Too many join attempts from this network: wait a minute and try again.';
  if (/is locked|full/.test(e.message ?? '') && !/Every/.test(e.message ?? '')) return e.message?.includes('full (') ? e.message : 'This workshop is full.';
  return e.message && e.message.length < 200 ? e.message : 'Could not reach the workshop: check the Wi-Fi and try again.';
}

export class Link {
  private room: Room | null = null;
  private client = new Client(location.origin.replace(/^http/, 'ws'));
  private stopped = false;
  private roleView: RoleView | null = null;
  private voteState: VoteStateMessage | null = null;
  private seat: SeatMessage | null = null;
  private ballot: BallotMessage | null = null;

  constructor(
    readonly code: string,
    private readonly on: LinkEvents,
  ) {}

  /** Joins with a name and role, or (with neither) with this phone's stored seat. */
  async join(details?: { name: string; role: string }): Promise<void> {
    this.on.status('joining');
    const stored = loadSeat(this.code);
    const options = details ? { ...details, ...(stored ? { device: stored.device } : {}) } : stored ? { device: stored.device } : null;
    if (!options) throw new JoinError('Choose your name and role first.');
    let room: Room;
    try {
      room = await this.client.joinById(this.code, options);
    } catch (error) {
      if (/seat in this workshop was not found/.test((error as Error).message ?? '')) forgetSeat(this.code);
      throw new JoinError(joinFailure(error));
    }
    this.attach(room);
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
    room.onMessage('error', (e: RoomErrorMessage) => this.on.error(e.message));
    room.onDrop(() => this.on.status('reconnecting'));
    room.onReconnect(() => {
      this.on.status('connected');
      // A vote sent as the connection went may not have arrived: send it again (the room keeps one per seat).
      const mine = this.ballot?.mine;
      const open = this.voteState?.vote;
      if (mine && open?.open && open.decision === this.ballot?.decision) room.send('vote', { decision: open.decision, ...mine });
    });
    room.onLeave((code: number) => {
      if (this.room !== room) return;
      this.room = null;
      // 1000: left on purpose; 4000: this seat was taken up by the same device in another tab.
      if (this.stopped || code === 1000) return this.on.status('closed', 'You left the workshop.');
      if (code === 4000) return this.on.status('closed', 'This phone’s seat is open in another tab or window.');
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
    const gone = (why: string) => why === 'No workshop with that code.' || /seat in this workshop was not found/.test(why);
    const result = await rejoin(() => this.client.joinById(this.code, { device: loadSeat(this.code)?.device ?? '' }), {
      stopped: () => this.stopped,
      fatal: (error) => gone(joinFailure(error)),
    });
    if ('room' in result) return this.attach(result.room);
    if (this.stopped) return;
    if (gone(joinFailure(result.error))) return this.on.status('closed', 'The workshop has closed.');
    this.on.status('closed', 'Lost the connection to the workshop.');
  }
}
