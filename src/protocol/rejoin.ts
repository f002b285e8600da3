// How a phone or the console comes back after its connection is gone. Colyseus' own reconnection
// (the same server process, a short drop) gets a few quick tries; after that the client joins the
// room again with what it holds (the phone its device token, the console its facilitator key),
// which also works when the server was restarted and restored the room from its log. Tries stay
// at most 2 s apart, so a client is back within a few seconds of the server being up.

/** Colyseus' own reconnection attempts (100 ms × 2^n: about 1.4 s in all) before rejoining. */
export const SDK_RECONNECT_RETRIES = 3;
/** Rejoin attempts before the client gives up and offers a button (about two minutes). */
export const MAX_REJOINS = 60;

export function rejoinDelay(attempt: number): number {
  return Math.min(2000, 250 * 2 ** Math.min(attempt, 4));
}

/** The part of a Colyseus SDK room the policy sets. */
export interface ReconnectingRoom {
  reconnection: { maxRetries: number };
}

export function limitSdkReconnection(room: ReconnectingRoom): void {
  room.reconnection.maxRetries = SDK_RECONNECT_RETRIES;
}

/**
 * Tries `join` until it succeeds, `fatal` says an error is final, or `stopped()`; waits
 * rejoinDelay(n) before try n. Resolves with the joined room, or with the last error.
 */
export async function rejoin<R>(
  join: () => Promise<R>,
  options: { stopped(): boolean; fatal(error: unknown): boolean; wait?(ms: number): Promise<void> },
): Promise<{ room: R } | { error: unknown }> {
  const wait = options.wait ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let last: unknown = new Error('stopped');
  for (let attempt = 1; attempt <= MAX_REJOINS && !options.stopped(); attempt++) {
    await wait(rejoinDelay(attempt));
    if (options.stopped()) break;
    try {
      return { room: await join() };
    } catch (error) {
      last = error;
      if (options.fatal(error)) break;
    }
  }
  return { error: last };
}
