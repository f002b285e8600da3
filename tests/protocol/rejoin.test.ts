import { describe, expect, it } from 'vitest';
import { MAX_REJOINS, rejoin, rejoinDelay } from '../../src/protocol/rejoin.ts';

// The rejoin policy phones and the console share: tries at most 2 s apart (so a client is back
// within a few seconds of a restarted server listening), a final answer stops at once, and it gives up.

describe('rejoining a room', () => {
  it('waits longer between tries, never more than 2 s', () => {
    const delays = Array.from({ length: 10 }, (_, i) => rejoinDelay(i + 1));
    expect(delays.slice(0, 4)).toEqual([500, 1000, 2000, 2000]);
    expect(Math.max(...delays)).toBe(2000);
  });

  it('tries until the server answers, and stops at once on a final refusal or when stopped', async () => {
    const waited: number[] = [];
    const wait = async (ms: number) => void waited.push(ms);
    let calls = 0;
    const back = await rejoin(
      async () => {
        calls += 1;
        if (calls < 4) throw new Error('connect ECONNREFUSED');
        return 'room';
      },
      { stopped: () => false, fatal: () => false, wait },
    );
    expect(back).toEqual({ room: 'room' });
    expect(waited).toEqual([500, 1000, 2000, 2000]);

    calls = 0;
    const gone = await rejoin(
      async () => {
        calls += 1;
        throw new Error('room "ABCDEF" not found');
      },
      { stopped: () => false, fatal: (e) => /not found/.test((e as Error).message), wait },
    );
    expect(calls).toBe(1);
    expect((gone as { error: Error }).error.message).toMatch(/not found/);

    calls = 0;
    const stopped = await rejoin(async () => ++calls, { stopped: () => true, fatal: () => false, wait });
    expect(calls).toBe(0);
    expect('error' in stopped).toBe(true);
  });

  it('gives up after MAX_REJOINS tries', async () => {
    let calls = 0;
    const result = await rejoin(
      async () => {
        calls += 1;
        throw new Error('connect ECONNREFUSED');
      },
      { stopped: () => false, fatal: () => false, wait: async () => {} },
    );
    expect(calls).toBe(MAX_REJOINS);
    expect('error' in result).toBe(true);
  });
});
