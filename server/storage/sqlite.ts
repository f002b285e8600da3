import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { LogEntry, RoomRecord, RoomStore, StoredRoom } from './log.ts';

// The embedded default: one SQLite file in the data folder. Node 24's built-in `node:sqlite` needs
// nothing installed or compiled (better-sqlite3 would add a native build for the same synchronous
// API). WAL with synchronous=NORMAL: a commit survives the process being killed (the crash),
// at one write-ahead append per batch instead of an fsync per input.

export const SQLITE_FILE = 'rooms.sqlite';

export class SqliteStore implements RoomStore {
  readonly kind = 'sqlite';
  readonly db: DatabaseSync;
  private readonly insertRoom: StatementSync;
  private readonly insertEntry: StatementSync;
  private readonly setFingerprint: StatementSync;
  private readonly countEntries: StatementSync;

  /** `dir` is the data folder (created if missing), or ':memory:' for a throwaway database. */
  constructor(dir: string, prefix = 'war_room') {
    if (!/^[a-z_][a-z0-9_]{0,40}$/.test(prefix)) throw new Error(`table prefix "${prefix}": use lower-case letters, digits and _`);
    let path = dir;
    if (dir !== ':memory:') {
      mkdirSync(dir, { recursive: true });
      path = join(dir, SQLITE_FILE);
    }
    this.db = new DatabaseSync(path);
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
    this.rooms = `${prefix}_rooms`;
    this.entries = `${prefix}_entries`;
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS ${this.rooms} (
        code TEXT PRIMARY KEY,
        created_at INTEGER NOT NULL,
        record TEXT NOT NULL,
        fingerprint TEXT,
        fingerprint_seq INTEGER,
        closed_at INTEGER
      );
      CREATE TABLE IF NOT EXISTS ${this.entries} (
        code TEXT NOT NULL REFERENCES ${this.rooms}(code) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        entry TEXT NOT NULL,
        PRIMARY KEY (code, seq)
      ) WITHOUT ROWID;
      PRAGMA foreign_keys = ON;
    `);
    this.insertRoom = this.db.prepare(`INSERT INTO ${this.rooms} (code, created_at, record) VALUES (?, ?, ?) ON CONFLICT (code) DO NOTHING`);
    this.insertEntry = this.db.prepare(`INSERT INTO ${this.entries} (code, seq, entry) VALUES (?, ?, ?)`);
    this.setFingerprint = this.db.prepare(
      `UPDATE ${this.rooms} SET fingerprint = coalesce(?1, fingerprint), fingerprint_seq = CASE WHEN ?1 IS NULL THEN fingerprint_seq ELSE ?2 END WHERE code = ?3`,
    );
    this.countEntries = this.db.prepare(`SELECT count(*) AS n FROM ${this.entries} WHERE code = ?`);
  }

  private readonly rooms: string;
  private readonly entries: string;

  async create(record: RoomRecord): Promise<boolean> {
    const result = this.insertRoom.run(record.code, record.createdAt, JSON.stringify(record));
    return Number(result.changes) === 1;
  }

  async append(code: string, seq: number, entries: readonly LogEntry[], fingerprint: string | null): Promise<void> {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const { n } = this.countEntries.get(code) as { n: number };
      if (n !== seq) throw new Error(`room ${code}: write at ${seq}, but the log has ${n} entries`);
      for (const [i, entry] of entries.entries()) this.insertEntry.run(code, seq + i, JSON.stringify(entry));
      const updated = this.setFingerprint.run(fingerprint, seq + entries.length, code);
      if (Number(updated.changes) !== 1) throw new Error(`no stored room ${code}`);
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  async load(code: string): Promise<StoredRoom | null> {
    const row = this.db.prepare(`SELECT record, fingerprint, fingerprint_seq, closed_at FROM ${this.rooms} WHERE code = ?`).get(code) as
      | { record: string; fingerprint: string | null; fingerprint_seq: number | null; closed_at: number | null }
      | undefined;
    if (!row) return null;
    const entries = (this.db.prepare(`SELECT entry FROM ${this.entries} WHERE code = ? ORDER BY seq`).all(code) as { entry: string }[]).map(
      (r) => JSON.parse(r.entry) as LogEntry,
    );
    return {
      record: JSON.parse(row.record) as RoomRecord,
      entries,
      fingerprint: row.fingerprint !== null && row.fingerprint_seq !== null ? { seq: row.fingerprint_seq, value: row.fingerprint } : null,
      closedAt: row.closed_at,
    };
  }

  async openCodes(): Promise<string[]> {
    return (this.db.prepare(`SELECT code FROM ${this.rooms} WHERE closed_at IS NULL ORDER BY created_at, code`).all() as { code: string }[]).map((r) => r.code);
  }

  async close(code: string, at: number): Promise<void> {
    this.db.prepare(`UPDATE ${this.rooms} SET closed_at = ? WHERE code = ?`).run(at, code);
  }

  async prune(before: number): Promise<number> {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      this.db.prepare(`DELETE FROM ${this.entries} WHERE code IN (SELECT code FROM ${this.rooms} WHERE created_at < ?)`).run(before);
      const result = this.db.prepare(`DELETE FROM ${this.rooms} WHERE created_at < ?`).run(before);
      this.db.exec('COMMIT');
      return Number(result.changes);
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  async shutdown(): Promise<void> {
    if (this.db.isOpen) this.db.close();
  }
}
