import { Room, type Client } from '@colyseus/core';
import { createRoomServer } from '../../server/room-server.ts';
import { loadScenarioLibrary } from '../../server/scenarios.ts';

// The benchmark's server process: the real workshop rooms, and beside them two bare Colyseus rooms
// as baselines: one that only relays a counter (the baseline), and one that delivers what
// the workshop room delivers (the same payloads to every phone, each vote confirmed to its phone).
// Listens on 127.0.0.1 and answers the parent's 'stats' requests with its own CPU time and memory,
// so the figures are the server's alone.

/** The baseline: 'open' from the observer goes to every client; each 'inc' sends the count back to the observer. */
class CounterRelayRoom extends Room {
  private count = 0;
  private observer: Client | null = null;

  override onCreate(): void {
    this.maxClients = 5000;
    this.onMessage('open', (client: Client, round: number) => {
      this.observer = client;
      this.count = 0;
      this.broadcast('open', round);
    });
    this.onMessage('inc', (_client: Client, round: number) => {
      this.count += 1;
      this.observer?.send('count', { round, count: this.count });
    });
  }
}

/**
 * The second baseline does the workshop room's delivery with nothing of its own: what the observer
 * sends (the bench sends what the workshop's phones last got: a decision's view, or the vote's
 * state) goes to every client, and each vote is counted to the observer and confirmed to its
 * sender with a ballot like the workshop room's.
 */
class SameDeliveryRoom extends Room {
  private count = 0;
  private observer: Client | null = null;

  override onCreate(): void {
    this.maxClients = 5000;
    this.onMessage('open', (client: Client, message: { round: number; payload: unknown }) => {
      this.observer = client;
      this.count = 0;
      this.broadcast('open', message);
    });
    this.onMessage('inc', (client: Client, vote: { round: number; decision: string; option: string }) => {
      this.count += 1;
      this.observer?.send('count', { round: vote.round, count: this.count });
      client.send('ballot', { decision: vote.decision, mine: { option: vote.option, confidence: null, rationale: '' } });
    });
  }
}

const library = await loadScenarioLibrary();
const server = await createRoomServer({ library, joinsPerMinute: 1_000_000, log: () => {} });
server.colyseus.define('bare', CounterRelayRoom);
server.colyseus.define('bare-same', SameDeliveryRoom);
const port = await server.listen(0, '127.0.0.1');
process.on('message', (m: unknown) => {
  if (m === 'stats') {
    const cpu = process.cpuUsage();
    process.send!({ cpuMs: (cpu.user + cpu.system) / 1000, rssMb: process.memoryUsage().rss / 1024 / 1024 });
  } else if (m === 'stop') {
    void server.close().then(() => process.exit(0));
  }
});
process.send!({ port });
