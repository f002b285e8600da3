import pg from 'pg';
import type { LogEntry, RoomLeases, RoomRecord, RoomStore, StoredRoom } from './log.ts';

// PostgreSQL, for deployments with several processes (`--db postgres://…` or DATABASE_URL). Each
// write is one statement (so one round trip and its own transaction): the entries go in only if the
// log has exactly `seq` entries, and the fingerprint moves with them.

/** The database's clock in milliseconds: every process compares leases with the same clock. */
const NOW_MS = '(extract(epoch from clock_timestamp()) * 1000)::bigint';
/** How long a lease lasts unless renewed; owners renew every third of it. */
export const LEASE_MS = 9000;

export interface PostgresOptions {
  url: string;
  /** Tables live in this schema (created if missing); tests use one per run. */
  schema?: string;
  /** Connections in the pool. */
  max?: number;
}

export class PostgresStore implements RoomStore {
  readonly kind = 'postgres';
  readonly pool: pg.Pool;
  readonly schema: string;
  private ready: Promise<void>;

  constructor(options: PostgresOptions) {
    this.schema = options.schema ?? 'war_room';
    if (!/^[a-z_][a-z0-9_]{0,40}$/.test(this.schema)) throw new Error(`schema "${this.schema}": use lower-case letters, digits and _`);
    this.pool = new pg.Pool({ connectionString: options.url, max: options.max ?? 4 });
    // A dropped idle connection must not crash the process; the next query opens a new one.
    this.pool.on('error', () => {});
    this.ready = this.migrate();
    this.ready.catch(() => {});
  }

  /** Resolves once the tables exist; rejects with a sentence naming the database when it cannot be reached. */
  async connect(): Promise<void> {
    await this.ready;
  }

  private async migrate(): Promise<void> {
    const s = this.schema;
    try {
      await this.pool.query(`
        CREATE SCHEMA IF NOT EXISTS ${s};
        CREATE TABLE IF NOT EXISTS ${s}.rooms (
          code text PRIMARY KEY,
          created_at bigint NOT NULL,
          record text NOT NULL,
          fingerprint text,
          fingerprint_seq integer,
          closed_at bigint,
          owner text,
          lease_until bigint
        );
        CREATE TABLE IF NOT EXISTS ${s}.entries (
          code text NOT NULL REFERENCES ${s}.rooms(code) ON DELETE CASCADE,
          seq integer NOT NULL,
          entry text NOT NULL,
          PRIMARY KEY (code, seq)
        );
      `);
    } catch (error) {
      throw new Error(`cannot use the PostgreSQL database: ${(error as Error).message}`);
    }
  }

  async create(record: RoomRecord, owner?: string): Promise<boolean> {
    await this.ready;
    const result = await this.pool.query(
      `INSERT INTO ${this.schema}.rooms (code, created_at, record, owner, lease_until) VALUES ($1, $2, $3, $4, ${NOW_MS} + $5) ON CONFLICT (code) DO NOTHING`,
      [record.code, record.createdAt, JSON.stringify(record), owner ?? null, owner ? LEASE_MS : 0],
    );
    return result.rowCount === 1;
  }

  readonly leases: RoomLeases = {
    acquire: async (code, owner, ms) => {
      await this.ready;
      const result = await this.pool.query(
        `UPDATE ${this.schema}.rooms SET owner = $2, lease_until = ${NOW_MS} + $3
         WHERE code = $1 AND closed_at IS NULL AND (owner IS NULL OR owner = $2 OR lease_until < ${NOW_MS})`,
        [code, owner, ms],
      );
      return result.rowCount === 1;
    },
    renew: async (owner, ms) => {
      await this.ready;
      const result = await this.pool.query<{ code: string }>(
        `UPDATE ${this.schema}.rooms SET lease_until = ${NOW_MS} + $2 WHERE owner = $1 AND closed_at IS NULL RETURNING code`,
        [owner, ms],
      );
      return result.rows.map((r) => r.code);
    },
    release: async (owner) => {
      await this.ready;
      await this.pool.query(`UPDATE ${this.schema}.rooms SET owner = NULL, lease_until = NULL WHERE owner = $1`, [owner]);
    },
  };

  async append(code: string, seq: number, entries: readonly LogEntry[], fingerprint: string | null): Promise<void> {
    await this.ready;
    const s = this.schema;
    const seqs = entries.map((_, i) => seq + i);
    const texts = entries.map((e) => JSON.stringify(e));
    const result = await this.pool.query(
      `WITH ins AS (
         INSERT INTO ${s}.entries (code, seq, entry)
         SELECT $1, t.seq, t.entry FROM unnest($2::integer[], $3::text[]) AS t(seq, entry)
         WHERE (SELECT count(*) FROM ${s}.entries WHERE code = $1) = $4
         RETURNING 1
       )
       UPDATE ${s}.rooms SET fingerprint = coalesce($5::text, fingerprint),
         fingerprint_seq = CASE WHEN $5::text IS NULL THEN fingerprint_seq ELSE $4 + $6 END
       WHERE code = $1 AND (SELECT count(*) FROM ins) = $6
       RETURNING code`,
      [code, seqs, texts, seq, fingerprint, entries.length],
    );
    if (result.rowCount !== 1) throw new Error(`room ${code}: the write at ${seq} did not match the stored log`);
  }

  async load(code: string): Promise<StoredRoom | null> {
    await this.ready;
    const s = this.schema;
    const room = await this.pool.query<{ record: string; fingerprint: string | null; fingerprint_seq: number | null; closed_at: string | null }>(
      `SELECT record, fingerprint, fingerprint_seq, closed_at FROM ${s}.rooms WHERE code = $1`,
      [code],
    );
    const row = room.rows[0];
    if (!row) return null;
    const entries = await this.pool.query<{ entry: string }>(`SELECT entry FROM ${s}.entries WHERE code = $1 ORDER BY seq`, [code]);
    return {
      record: JSON.parse(row.record) as RoomRecord,
      entries: entries.rows.map((r) => JSON.parse(r.entry) as LogEntry),
      fingerprint: row.fingerprint !== null && row.fingerprint_seq !== null ? { seq: row.fingerprint_seq, value: row.fingerprint } : null,
      closedAt: row.closed_at === null ? null : Number(row.closed_at),
    };
  }

  async openCodes(): Promise<string[]> {
    await this.ready;
    const result = await this.pool.query<{ code: string }>(`SELECT code FROM ${this.schema}.rooms WHERE closed_at IS NULL ORDER BY created_at, code`);
    return result.rows.map((r) => r.code);
  }

  async close(code: string, at: number): Promise<void> {
    await this.ready;
    await this.pool.query(`UPDATE ${this.schema}.rooms SET closed_at = $2 WHERE code = $1`, [code, at]);
  }

  async prune(before: number): Promise<number> {
    await this.ready;
    const result = await this.pool.query(`DELETE FROM ${this.schema}.rooms WHERE created_at < $1`, [before]);
    return result.rowCount ?? 0;
  }

  async shutdown(): Promise<void> {
    await this.pool.end();
  }

  /** Drops the schema and everything in it (tests clean up their own schema). */
  async dropSchema(): Promise<void> {
    await this.pool.query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`);
  }
}
