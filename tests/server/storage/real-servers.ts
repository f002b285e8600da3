import pg from 'pg';

// The real PostgreSQL and Redis servers the storage tests use: 127.0.0.1, default ports, trust auth,
// database `test` (override with WAR_ROOM_TEST_DATABASE_URL / WAR_ROOM_TEST_REDIS_URL). A missing
// server fails the test with what to start; it is never skipped.

export const postgresUrl = (): string => process.env.WAR_ROOM_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let checked: Promise<void> | null = null;

export function requirePostgres(): Promise<void> {
  checked ??= (async () => {
    const client = new pg.Client({ connectionString: postgresUrl(), connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
    } catch (error) {
      throw new Error(
        `these tests need PostgreSQL at ${postgresUrl()} (trust auth, database "test"): ${(error as Error).message}. ` +
          'Start it (Debian: apt-get install postgresql; service postgresql start) or set WAR_ROOM_TEST_DATABASE_URL.',
      );
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return checked;
}


export async function requireRedis(url: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 5000 });
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new Error(
      `these tests need Redis at ${url}: ${(error as Error).message}. Start it (Debian: apt-get install redis-server; service redis-server start).`,
    );
  } finally {
    client.disconnect();
  }
}

/**
 * A Redis database nobody uses (no keys), for processes that share Colyseus' presence in a test.
 * A database left with another run's room counts would send new rooms to processes long gone.
 */
export async function emptyRedisDatabase(base = process.env.WAR_ROOM_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'): Promise<string> {
  const { Redis } = await import('ioredis');
  for (let db = 1; db < 16; db += 1) {
    const url = `${base.replace(/\/\d+$/, '')}/${db}`;
    await requireRedis(url);
    const client = new Redis(url, { maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 5000 });
    try {
      // Claimed with SET NX, so two test runs at once never take the same database.
      if ((await client.dbsize()) === 0 && (await client.set('war-room:test-claim', String(process.pid), 'NX')) === 'OK') return url;
    } finally {
      client.disconnect();
    }
  }
  throw new Error(`every Redis database 1–15 at ${base} holds keys: free one (redis-cli -n N flushdb) for the scale-out test`);
}

/** Removes what a test's processes left in their Redis database. */
export async function clearRedisDatabase(url: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const client = new Redis(url, { maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 5000 });
  try {
    await client.flushdb();
  } finally {
    client.disconnect();
  }
}
