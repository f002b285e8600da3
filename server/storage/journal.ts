import type { LogEntry, RoomStore } from './log.ts';

// A room's side of the log: entries are numbered in the order they were applied and written in
// batches (everything applied while the previous write was under way goes in the next one). A batch
// with a control or a seat, or the first one after FINGERPRINT_MS, carries the room's fingerprint
// after it: hashing a 300-seat room for every few votes cost more than the write itself. A write resolves only once the store has it, and the
// room sends its acknowledgement then. A failed write stops the log: the room cannot promise more.

/** At most this long between fingerprints while only votes arrive. */
export const FINGERPRINT_MS = 250;

interface Pending {
  entry: LogEntry;
  resolve(): void;
  reject(error: Error): void;
}

export class RoomJournal {
  private queue: Pending[] = [];
  private inFlight: Promise<void> | null = null;
  private scheduled = false;
  private fingerprintedAt = -Infinity;
  /** Why nothing more can be written, once a write failed. */
  failure: string | null = null;
  /** Every entry the store has, in order: what the room rolls back to when a write fails. */
  private readonly stored: LogEntry[];

  constructor(
    private readonly store: RoomStore,
    readonly code: string,
    /** The entries already in the store (a restored room's log). */
    stored: readonly LogEntry[],
    /** The room's fingerprint now: called synchronously when a batch is taken, so it covers exactly that batch. */
    private readonly fingerprint: () => string,
  ) {
    this.stored = [...stored];
  }

  get length(): number {
    return this.stored.length + this.queue.length;
  }

  /** The entries the store has confirmed. */
  get written(): readonly LogEntry[] {
    return this.stored;
  }

  write(entry: LogEntry): Promise<void> {
    if (this.failure) return Promise.reject(new Error(this.failure));
    return new Promise((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves when everything written so far is stored (or has failed). */
  async drained(): Promise<void> {
    while (this.inFlight || this.queue.length > 0) {
      if (this.inFlight) await this.inFlight;
      else await new Promise((r) => setImmediate(r));
    }
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight) return;
    this.scheduled = true;
    // Inputs that arrive in the same poll of the network share one write.
    setImmediate(() => {
      this.scheduled = false;
      this.inFlight = this.flush().finally(() => {
        this.inFlight = null;
        if (this.queue.length > 0) this.schedule();
      });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const at = this.stored.length;
    const now = performance.now();
    const due = now - this.fingerprintedAt >= FINGERPRINT_MS || batch.some((p) => p.entry.kind !== 'vote');
    const fingerprint = due ? this.fingerprint() : null;
    if (due) this.fingerprintedAt = now;
    try {
      await this.store.append(
        this.code,
        at,
        batch.map((p) => p.entry),
        fingerprint,
      );
      for (const p of batch) this.stored.push(p.entry);
      for (const p of batch) p.resolve();
    } catch (error) {
      this.failure = `the room's log could not be written: ${(error as Error).message}`;
      const e = new Error(this.failure);
      for (const p of [...batch, ...this.queue]) p.reject(e);
      this.queue = [];
    }
  }
}
