import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LogEntry, RoomRecord, RoomStore } from '../../../server/storage/log.ts';
import { MemoryStore } from '../../../server/storage/memory.ts';
import { RoomJournal } from '../../../server/storage/journal.ts';
import { PostgresStore } from '../../../server/storage/postgres.ts';
import { SqliteStore } from '../../../server/storage/sqlite.ts';
import { postgresUrl, requirePostgres } from './real-servers.ts';

// The one contract every store keeps, run against each: in memory, a real SQLite file, and the real
// PostgreSQL server (its own schema per run, dropped afterwards).

const record = (code: string, createdAt = 1_000): RoomRecord => ({
  code,
  createdAt,
  options: { scenarioId: 'leak-test', seed: 7, partner: 'ally' },
  cap: 60,
  scenarioFingerprint: 'abc',
  secret: 's'.repeat(32),
});
const seat = (n: number): LogEntry => ({ kind: 'seat', id: `seat-${n}`, device: `device-${n}`, name: `Person ${n}`, role: 'ceo' });

const dir = mkdtempSync(join(tmpdir(), 'war-room-stores-'));
const run = randomBytes(4).toString('hex');
const made: RoomStore[] = [];

const stores: [string, () => Promise<RoomStore>][] = [
  ['memory', async () => new MemoryStore()],
  ['sqlite', async () => new SqliteStore(join(dir, `s-${made.length}`))],
  [
    'postgres',
    async () => {
      await requirePostgres();
      const store = new PostgresStore({ url: postgresUrl(), schema: `test_rooms_${run}_${made.length}` });
      await store.connect();
      return store;
    },
  ],
];

afterAll(async () => {
  for (const store of made) {
    if (store instanceof PostgresStore) await store.dropSchema().catch(() => {});
    await store.shutdown();
  }
  rmSync(dir, { recursive: true, force: true });
});

describe.each(stores)('%s room store', (_kind, open) => {
  const fresh = async () => {
    const store = await open();
    made.push(store);
    return store;
  };

  it('keeps a room and its log in order with the last fingerprint, and refuses a taken code', async () => {
    const store = await fresh();
    expect(await store.create(record('AAAAAA'))).toBe(true);
    expect(await store.create(record('AAAAAA'))).toBe(false);
    await store.append('AAAAAA', 0, [seat(1), seat(2)], 'fp-2');
    await store.append('AAAAAA', 2, [{ kind: 'vote', seat: 'seat-1', vote: { decision: 'd@0', option: 'wait', confidence: 3, rationale: 'é “quoted”' } }], 'fp-3');
    const loaded = await store.load('AAAAAA');
    expect(loaded?.record).toEqual(record('AAAAAA'));
    expect(loaded?.entries.map((e) => e.kind)).toEqual(['seat', 'seat', 'vote']);
    expect(loaded?.entries[2]).toEqual({ kind: 'vote', seat: 'seat-1', vote: { decision: 'd@0', option: 'wait', confidence: 3, rationale: 'é “quoted”' } });
    expect(loaded?.fingerprint).toEqual({ seq: 3, value: 'fp-3' });
    // A write without a fingerprint keeps the last one, at the entry it covers.
    await store.append('AAAAAA', 3, [seat(3)], null);
    expect((await store.load('AAAAAA'))?.entries).toHaveLength(4);
    expect((await store.load('AAAAAA'))?.fingerprint).toEqual({ seq: 3, value: 'fp-3' });
    expect(await store.load('BBBBBB')).toBeNull();
  });

  it('refuses a write that does not continue the log (a lost or repeated write shows)', async () => {
    const store = await fresh();
    await store.create(record('CCCCCC'));
    await store.append('CCCCCC', 0, [seat(1)], 'fp-1');
    await expect(store.append('CCCCCC', 0, [seat(2)], 'fp-x')).rejects.toThrow(/CCCCCC/);
    await expect(store.append('CCCCCC', 5, [seat(2)], 'fp-x')).rejects.toThrow(/CCCCCC/);
    await expect(store.append('NOROOM', 0, [seat(2)], 'fp-x')).rejects.toThrow();
    const loaded = await store.load('CCCCCC');
    expect(loaded?.entries).toHaveLength(1);
    expect(loaded?.fingerprint).toEqual({ seq: 1, value: 'fp-1' });
  });

  it('lists open rooms oldest first, leaves closed ones out, and removes rooms past retention', async () => {
    const store = await fresh();
    await store.create(record('DDDDDD', 3_000));
    await store.create(record('EEEEEE', 1_000));
    await store.create(record('FFFFFF', 2_000));
    await store.append('EEEEEE', 0, [seat(1)], 'fp');
    await store.close('FFFFFF', 4_000);
    expect(await store.openCodes()).toEqual(['EEEEEE', 'DDDDDD']);
    expect((await store.load('FFFFFF'))?.closedAt).toBe(4_000);
    expect(await store.prune(2_500)).toBe(2);
    expect(await store.load('EEEEEE')).toBeNull();
    expect(await store.openCodes()).toEqual(['DDDDDD']);
  });

  it('journal: inputs written in one poll share a write, each resolves only once stored, in order', async () => {
    const store = await fresh();
    await store.create(record('GGGGGG'));
    let state = 0;
    const journal = new RoomJournal(store, 'GGGGGG', [], () => `fp-${state}`);
    const acked: number[] = [];
    const writes = [1, 2, 3].map((n) => {
      state = n;
      return journal.write(seat(n)).then(() => acked.push(n));
    });
    expect(acked).toEqual([]);
    await Promise.all(writes);
    expect(acked).toEqual([1, 2, 3]);
    state = 4;
    await journal.write(seat(4));
    const loaded = await store.load('GGGGGG');
    expect(loaded?.entries.map((e) => (e as { id: string }).id)).toEqual(['seat-1', 'seat-2', 'seat-3', 'seat-4']);
    expect(loaded?.fingerprint).toEqual({ seq: 4, value: 'fp-4' });
  });
});

describe('a journal whose store fails', () => {
  it('refuses the input and everything after it, with the reason', async () => {
    const store = new MemoryStore();
    const journal = new RoomJournal(store, 'HHHHHH', [], () => 'fp');
    await expect(journal.write(seat(1))).rejects.toThrow(/the room's log could not be written: no stored room HHHHHH/);
    expect(journal.failure).toMatch(/could not be written/);
    await expect(journal.write(seat(2))).rejects.toThrow(/could not be written/);
  });
});
