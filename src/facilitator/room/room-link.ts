import type { Client, Room } from '@colyseus/sdk';
import type { RunEvent } from '../../engine/machine.ts';
import type { Lang } from '../../i18n/lang.ts';
import { MAX_EVENTS_PER_MESSAGE, ROOM_NAME } from '../../protocol/limits.ts';
import type { CreateOptions, RoomSettings } from '../../protocol/messages.ts';
import { limitSdkReconnection, rejoin } from '../../protocol/rejoin.ts';
import { applyConsoleDelta, ConsoleDeltaSchema, ConsoleViewMessageSchema } from '../../protocol/console-delta.ts';
import type { ConsoleRoomView, ConsoleViewMessage, RecordsMessage, TallyMessage } from '../../protocol/views.ts';
import type { ConsoleStore } from '../console/console-store.ts';
import { t } from '../console/i18n.ts';
import type { Session } from '../session.ts';
import { clearRoomInfo, loadRoomInfo, saveRoomInfo, saveVoteRecords, type RoomInfo } from './room-storage.ts';
import { sayRoomError } from './room-words.ts';

// The console's side of a workshop room. It opens the room (and keeps the facilitator key in this
// browser's storage, never on a phone), sends the room every change of the exercise (the new run
// inputs, the stage and how much the room may see), and turns the phones' votes into the
// exercise's vote tally, which the record → reveal flow then uses as before.

export type LinkState =
  | { kind: 'none' }
  | { kind: 'opening' }
  | { kind: 'open'; info: RoomInfo; room: ConsoleRoomView | null; connected: boolean }
  /** `reason`: why, as it came (the network's, in English); the panel words the sentence around it in the console's language. */
  | { kind: 'failed'; reason: string };

// The Colyseus SDK (about 50 KB gzip) is fetched only when a room is opened or taken up again:
// a console that never opens one (offline, or a workshop without phones) does not wait for it.
const client = async (endpoint: string): Promise<Client> => new (await import('@colyseus/sdk')).Client(endpoint);

export const DEFAULT_ROOM_SETTINGS: RoomSettings = { resultsVisible: false, anonymous: true, debriefToPhones: true };

export class RoomLink {
  private room: Room | null = null;
  private sent: RunEvent[] = [];
  /** Seats already taken into the exercise's team list. */
  private readonly adopted = new Set<string>();
  private sentStage = '';
  private unsubscribe: (() => void) | null = null;
  /** Each joined room's console view as far as it came (watchView); broken: a message did not fit. */
  private readonly views = new WeakMap<Room, { view: ConsoleViewMessage | null; broken: boolean }>();
  /** Rooms left to take the room up again afresh (resync): their leaving is not a lost connection. */
  private readonly dropped = new WeakSet<Room>();
  private listeners = new Set<(s: LinkState) => void>();
  state: LinkState = { kind: 'none' };

  constructor(
    private readonly store: ConsoleStore,
    private readonly endpoint = location.origin.replace(/^http/, 'ws'),
  ) {}

  onChange(listener: (s: LinkState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** After a reload: takes up the room this session had, with the stored key. */
  async resume(): Promise<void> {
    const info = loadRoomInfo();
    if (!info || info.sessionId !== this.store.getState().session.id) return;
    this.set({ kind: 'opening' });
    try {
      const room = this.watchView(await (await client(this.endpoint)).joinById(info.code, { facilitator: info.secret }));
      this.attach(room, info);
    } catch {
      clearRoomInfo();
      this.set({ kind: 'none' });
    }
  }

  /**
   * Opens a room for this session's exercise. `lang`: the room's language at the start (the
   * console's); phones that never chose one, and the presenter, follow it. Without one: English.
   */
  async open(settings: RoomSettings = DEFAULT_ROOM_SETTINGS, lang?: Lang): Promise<void> {
    const session = this.store.getState().session;
    const options: CreateOptions = { scenarioId: session.scenarioId, seed: session.seed, partner: session.partner, settings, ...(lang ? { lang } : {}) };
    this.set({ kind: 'opening' });
    try {
      const room = this.watchView(await (await client(this.endpoint)).create(ROOM_NAME, options));
      const secret = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(t('roomSentNoKey'))), 10_000);
        room.onMessage('secret', (m: { secret: string }) => {
          clearTimeout(timer);
          resolve(m.secret);
        });
      });
      const info: RoomInfo = { code: room.roomId, secret, sessionId: session.id, joinUrl: await joinUrl(room.roomId), run: runKey(session), lang: lang ?? 'en' };
      saveRoomInfo(info);
      this.attach(room, info);
    } catch (error) {
      this.set({ kind: 'failed', reason: (error as Error).message });
    }
  }

  setSettings(settings: RoomSettings): void {
    this.control('control.settings', { settings });
  }

  /**
   * The room's language from now on (the facilitator chose another): phones that never chose one
   * are sent their views in it, and the presenter's room card follows it (loadPublicRoomInfo().lang).
   */
  setLanguage(lang: Lang): void {
    if (this.state.kind !== 'open' || this.state.info.lang === lang) return;
    this.control('control.language', { lang });
    const info = { ...this.state.info, lang };
    saveRoomInfo(info);
    this.patch({ info });
  }

  voteAction(action: 'close' | 'reopen' | 'reveal' | 'hide'): void {
    this.control('control.vote', { action });
  }

  /**
   * The room's log as the server keeps it (GET /room-log/CODE with the facilitator key), to
   * download: a file name and the JSON, or a sentence saying why there is none.
   */
  async exportLog(): Promise<{ fileName: string; text: string } | string> {
    if (this.state.kind !== 'open') return t('noRoomOpen');
    const { code, secret } = this.state.info;
    try {
      const res = await fetch(`/room-log/${encodeURIComponent(code)}`, { headers: { authorization: `Bearer ${secret}` } });
      const text = await res.text();
      if (!res.ok) return t('roomLogFailed', { reason: (JSON.parse(text) as { error?: string }).error ?? t('serverAnswered', { status: String(res.status) }) });
      return { fileName: `war-room-room-${code}.json`, text };
    } catch (error) {
      return t('roomLogFailed', { reason: (error as Error).message });
    }
  }

  close(): void {
    clearRoomInfo();
    this.unsubscribe?.();
    void this.room?.leave(true);
    this.room = null;
    this.set({ kind: 'none' });
  }

  private attach(room: Room, info: RoomInfo): void {
    this.room = room;
    limitSdkReconnection(room);
    this.sent = [];
    this.sentStage = '';
    this.set({ kind: 'open', info, room: null, connected: true });
    room.onMessage('records', (m: RecordsMessage) => saveVoteRecords(info.sessionId, m.records));
    room.onMessage('tally', (m: TallyMessage) => this.takeTally(m));
    room.onMessage('error', (e: unknown) => this.store.getState().notify({ tone: 'error', text: sayRoomError(e) }));
    room.onDrop(() => this.patch({ connected: false }));
    room.onReconnect(() => {
      this.patch({ connected: true });
      this.sent = [];
      this.sentStage = '';
      this.sync(this.store.getState().session);
    });
    room.onLeave((code: number) => {
      if (this.room !== room || this.dropped.has(room)) return;
      this.patch({ connected: false });
      // Colyseus gave up (the server restarted, or a long drop): take the room up again with the key.
      if (code !== 1000) void this.takeUpAgain(room, info);
    });
    this.unsubscribe?.();
    this.unsubscribe = this.store.subscribe((s) => this.sync(s.session));
    this.sync(this.store.getState().session);
    this.showView(room);
  }

  /**
   * The room's console view, kept from the moment the room is joined: the whole view comes with
   * the join (before the key and the address are in), then what changed, each checked, and a
   * delta applied only to the view it was made from. Anything else takes the room up again, which
   * sends the whole view.
   */
  private watchView(room: Room): Room {
    const seen = { view: null as ConsoleViewMessage | null, broken: false };
    this.views.set(room, seen);
    const take = (next: ConsoleViewMessage | null): void => {
      if (seen.broken) return;
      seen.view = next;
      seen.broken = next === null;
      this.showView(room);
    };
    room.onMessage('console', (m: unknown) => {
      const parsed = ConsoleViewMessageSchema.safeParse(m);
      take(parsed.success ? parsed.data : null);
    });
    room.onMessage('consoleDelta', (m: unknown) => {
      const parsed = ConsoleDeltaSchema.safeParse(m);
      take(parsed.success && seen.view ? applyConsoleDelta(seen.view, parsed.data) : null);
    });
    return room;
  }

  /** Shows the view kept for `room` once the link is attached to it. */
  private showView(room: Room): void {
    const seen = this.views.get(room);
    if (this.room !== room || !seen || this.state.kind !== 'open') return;
    if (seen.broken) return this.resync(room, this.state.info);
    if (!seen.view) return;
    this.set({ ...this.state, room: seen.view, connected: true });
    this.adopt(seen.view);
  }

  /** A console view that could not be checked or applied: the room is taken up again, and sends the whole view. */
  private resync(room: Room, info: RoomInfo): void {
    this.dropped.add(room);
    this.patch({ connected: false });
    void room.leave(true);
    void this.takeUpAgain(room, info);
  }

  private async takeUpAgain(lost: Room, info: RoomInfo): Promise<void> {
    const result = await rejoin(async () => this.watchView(await (await client(this.endpoint)).joinById(info.code, { facilitator: info.secret })), {
      stopped: () => this.room !== lost,
      fatal: (error) => /not found|facilitator key/.test((error as Error).message ?? ''),
    });
    if (this.room !== lost) {
      // Closed, or taken up by other means meanwhile: this connection is not needed.
      if ('room' in result) void result.room.leave(true);
      return;
    }
    if ('room' in result) return this.attach(result.room, info);
    this.store.getState().notify({ tone: 'error', text: t('roomUnreachable') });
  }

  /** Sends what changed since the last message: the run's new inputs (or, after an undo, its new tail) and the stage. */
  private sync(session: Session): void {
    const room = this.room;
    const info = this.state.kind === 'open' ? this.state.info : null;
    if (!room || !info) return;
    if (session.id !== info.sessionId) return this.close();
    // A read-only room refuses every change; the panel says so for as long as it lasts.
    if (this.state.kind === 'open' && this.state.room?.readOnly) return;
    if (runKey(session) !== info.run) {
      this.close();
      this.store.getState().notify({ tone: 'info', text: t('roomClosedOnChange') });
      return;
    }
    const inputs = session.run?.inputs ?? [];
    let from = 0;
    const common = Math.min(inputs.length, this.sent.length);
    while (from < common && JSON.stringify(inputs[from]) === JSON.stringify(this.sent[from])) from++;
    const stage = JSON.stringify([session.stage, session.decision, session.hiddenFrom]);
    if (from === inputs.length && from === this.sent.length && stage === this.sentStage) return;
    let at = from;
    do {
      const events = inputs.slice(at, at + MAX_EVENTS_PER_MESSAGE);
      const upTo = at + events.length;
      const shown = session.hiddenFrom === null ? null : Math.min(session.hiddenFrom, upTo);
      room.send('control.run', { secret: info.secret, from: at, events, stage: session.stage, decision: session.decision, shown });
      at = upTo;
    } while (at < inputs.length);
    this.sent = [...inputs];
    this.sentStage = stage;
  }

  /**
   * Who joined from a phone joins the exercise's team list (name and role), so the report's
   * overview and "on the spot" name them as if typed in. Each seat once per link: a participant the
   * facilitator removed from the list is not added back while the room stays open.
   */
  private adopt(view: ConsoleRoomView): void {
    const fresh = view.participants.filter((p) => !this.adopted.has(p.id));
    // Only the console window that runs the exercise changes it.
    if (fresh.length === 0 || !this.store.getState().sync.authority) return;
    if (this.store.getState().act((x) => x.addRoomParticipants(fresh)) === null) for (const p of fresh) this.adopted.add(p.id);
  }

  /** The room's tally becomes the exercise's vote count for the open decision. */
  private takeTally(m: TallyMessage): void {
    const s = this.store.getState();
    if (s.session.decision !== 'open') return;
    const shown = s.exercise().shown();
    const key = shown && shown.state.beat !== null && shown.state.posedAt !== null ? `${shown.state.beat}@${shown.state.posedAt}` : null;
    if (key !== m.decision) return;
    for (const option of shown?.view.decision?.options ?? []) {
      const count = m.tally.counts[option.id] ?? 0;
      if ((s.session.votes[option.id] ?? 0) !== count) s.act((x) => x.setVotes(option.id, count));
    }
  }

  private control(type: string, body: object): void {
    if (this.room && this.state.kind === 'open') this.room.send(type, { secret: this.state.info.secret, ...body });
  }

  private patch(p: Partial<Extract<LinkState, { kind: 'open' }>>): void {
    if (this.state.kind === 'open') this.set({ ...this.state, ...p });
  }

  private set(state: LinkState): void {
    this.state = state;
    for (const l of this.listeners) l(state);
  }
}

const runKey = (s: Session): string => JSON.stringify([s.scenarioId, s.seed, s.partner]);

/** The address phones open: the laptop's network address (from the server), with the code. */
async function joinUrl(code: string): Promise<string> {
  try {
    const res = await fetch('/join-address');
    const body = (await res.json()) as { urls?: string[] };
    const base = body.urls?.[0];
    if (base) return `${base}?code=${code}`;
  } catch {
    // Fall back to this page's own address.
  }
  return `${location.origin}/join?code=${code}`;
}
