import { Room, type Client } from '@colyseus/core';
import { createRoomServer } from '../../server/room-server.ts';
import { loadScenarioLibrary } from '../../server/scenarios.ts';

// The benchmark's server process: the real workshop rooms, and beside them a bare Colyseus room
// that only relays a counter (the baseline). Listens on 127.0.0.1 and answers the parent's
// 'stats' requests with its own CPU time and memory, so the figures are the server's alone.

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

const library = await loadScenarioLibrary();
const server = await createRoomServer({ library, joinsPerMinute: 1_000_000, log: () => {} });
server.colyseus.define('bare', CounterRelayRoom);
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
