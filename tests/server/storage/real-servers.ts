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
