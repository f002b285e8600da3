import type { LogEntry, RoomRecord, RoomStore, StoredRoom } from './log.ts';

// Rooms in this process only: for tests, and the baseline the benchmark compares durable rooms with.

export class MemoryStore implements RoomStore {
  readonly kind = 'memory';
  private readonly rooms = new Map<string, StoredRoom>();

  async create(record: RoomRecord): Promise<boolean> {
    if (this.rooms.has(record.code)) return false;
    this.rooms.set(record.code, { record: structuredClone(record), entries: [], fingerprint: null, closedAt: null });
    return true;
  }

  async append(code: string, seq: number, entries: readonly LogEntry[], fingerprint: string | null): Promise<void> {
    const room = this.rooms.get(code);
    if (!room) throw new Error(`no stored room ${code}`);
    if (seq !== room.entries.length) throw new Error(`room ${code}: write at ${seq}, but the log has ${room.entries.length} entries`);
    room.entries.push(...structuredClone(entries));
    if (fingerprint !== null) room.fingerprint = { seq: room.entries.length, value: fingerprint };
  }

  async load(code: string): Promise<StoredRoom | null> {
    const room = this.rooms.get(code);
    return room ? structuredClone(room) : null;
  }

  async openCodes(): Promise<string[]> {
    return [...this.rooms.values()]
      .filter((r) => r.closedAt === null)
      .sort((a, b) => a.record.createdAt - b.record.createdAt)
      .map((r) => r.record.code);
  }

  async close(code: string, at: number): Promise<void> {
    const room = this.rooms.get(code);
    if (room) room.closedAt = at;
  }

  async prune(before: number): Promise<number> {
    let removed = 0;
    for (const [code, room] of this.rooms) {
      if (room.record.createdAt < before) {
        this.rooms.delete(code);
        removed += 1;
      }
    }
    return removed;
  }

  async shutdown(): Promise<void> {}
}
