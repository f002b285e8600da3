import { describe, expect, it } from 'vitest';
import { applyConsoleDelta, applyList, ConsoleDeltaSchema, diffConsoleView, diffList } from '../../src/protocol/console-delta.ts';
import type { Ballot, ConsoleRoomView, ConsoleViewMessage, ParticipantEntry } from '../../src/protocol/views.ts';

// Deltas of the console's view: applied to the view they were made from, they give exactly the
// next view, through long runs of random changes like a room's (joins, drops, votes pouring in,
// changed votes, anonymity switched, a new decision, read-only); applied to any other, nothing.

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

const OPTIONS = ['restore', 'failover', 'wait'];

/** A room as the workshop keeps it, and its console view as Workshop.consoleView builds it. */
class FakeRoom {
  participants: ParticipantEntry[] = [];
  ballots = new Map<string, { option: string; confidence: number | null; rationale: string }>();
  decision: string | null = null;
  open = true;
  revealed = false;
  anonymous = true;
  readOnly: string | undefined;

  view(): ConsoleRoomView {
    const participants = this.participants.map((p) => ({ ...p, voted: this.ballots.has(p.id) }));
    const list: Ballot[] = [...this.ballots].map(([id, b]) => {
      const p = this.participants.find((x) => x.id === id)!;
      return { name: this.anonymous ? null : p.name, role: this.anonymous ? null : p.role, ...b };
    });
    if (this.anonymous) list.sort((a, b) => (a.option < b.option ? -1 : a.option > b.option ? 1 : a.rationale < b.rationale ? -1 : a.rationale > b.rationale ? 1 : 0));
    const counts: Record<string, number> = {};
    for (const b of this.ballots.values()) counts[b.option] = (counts[b.option] ?? 0) + 1;
    const view: ConsoleRoomView = {
      code: 'ABCDEF',
      settings: { resultsVisible: false, anonymous: this.anonymous, debriefToPhones: true },
      cap: 500,
      participants,
      vote: this.decision ? { decision: this.decision, open: this.open, revealed: this.revealed, tally: { counts, total: this.ballots.size }, ballots: list } : null,
    };
    return this.readOnly ? { ...view, readOnly: this.readOnly } : view;
  }

  /** One change, of the kinds a room sees, mostly votes. */
  change(r: (n: number) => number, step: number): void {
    const kind = r(20);
    if (kind < 3 || this.participants.length === 0) {
      this.participants.push({ id: `s${step}`, name: `P${r(5)}`, role: ['cio', 'ceo', 'legal'][r(3)]!, connected: true, voted: false });
    } else if (kind < 5) {
      const p = this.participants[r(this.participants.length)]!;
      p.connected = !p.connected;
    } else if (kind < 15 && this.decision) {
      // Few distinct ballots, so equal ones (which anonymous ballots cannot tell apart) are common.
      const p = this.participants[r(this.participants.length)]!;
      this.ballots.set(p.id, { option: OPTIONS[r(3)]!, confidence: r(3) === 0 ? null : 1 + r(5), rationale: r(2) === 0 ? '' : `why ${r(3)}` });
    } else if (kind === 15) {
      this.decision = `beat@${step}`;
      this.ballots.clear();
      this.open = true;
      this.revealed = false;
    } else if (kind === 16) this.open = !this.open;
    else if (kind === 17) this.revealed = !this.revealed;
    else if (kind === 18) this.anonymous = !this.anonymous;
    else if (r(10) === 0) this.readOnly = this.readOnly ? undefined : 'a write failed';
    else this.decision = null;
  }
}

describe('console view deltas', () => {
  it('take the view of one version exactly to the next through random runs of changes', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const r = random(seed);
      const room = new FakeRoom();
      let sent: ConsoleViewMessage = { ...room.view(), version: 1 };
      let console_: ConsoleViewMessage = structuredClone(sent);
      for (let step = 0; step < 150; step++) {
        // Several changes between sends, as votes arrive within one LIVE_TALLY_MS.
        for (let k = 1 + r(4); k > 0; k--) room.change(r, step);
        const now = room.view();
        const delta = diffConsoleView(sent, now, sent.version);
        if (!delta) {
          expect(now).toEqual(withoutVersion(sent));
          continue;
        }
        // What goes over the wire: checked as the console checks it (a copy, as the network gives).
        const arrived = ConsoleDeltaSchema.parse(structuredClone(delta));
        const next = applyConsoleDelta(console_, arrived);
        expect(next, `seed ${seed}, step ${step}`).not.toBeNull();
        expect(withoutVersion(next!), `seed ${seed}, step ${step}`).toEqual(now);
        expect(next!.version).toBe(sent.version + 1);
        console_ = next!;
        sent = { ...now, version: sent.version + 1 };
      }
    }
  });

  it('are refused by a console that has another version (a lost or repeated delta)', () => {
    const room = new FakeRoom();
    room.participants.push({ id: 'a', name: 'Ana', role: 'cio', connected: true, voted: false });
    const v1: ConsoleViewMessage = { ...room.view(), version: 1 };
    room.participants.push({ id: 'b', name: 'Bo', role: 'ceo', connected: true, voted: false });
    const d1 = diffConsoleView(v1, room.view(), 1)!;
    const v2 = applyConsoleDelta(v1, d1)!;
    room.participants[0]!.connected = false;
    const d2 = diffConsoleView(withoutVersion(v2), room.view(), 2)!;
    // d1 lost: d2 is not applied to version 1; d1 again: not applied to version 2.
    expect(applyConsoleDelta(v1, d2)).toBeNull();
    expect(applyConsoleDelta(v2, d1)).toBeNull();
    expect(applyConsoleDelta(v2, d2)!.participants.map((p) => p.connected)).toEqual([false, true]);
  });

  it('refuse a run outside the list they are applied to', () => {
    expect(applyList(['a', 'b'], [[1, 2]])).toBeNull();
    expect(applyList(['a', 'b'], [[1, 1], 'c', [0, 1]])).toEqual(['b', 'c', 'a']);
  });

  it('say nothing when nothing changed, and little when one vote in a big room did', () => {
    const room = new FakeRoom();
    for (let i = 0; i < 300; i++) room.participants.push({ id: `s${i}`, name: `Voter ${i}`, role: 'observer', connected: true, voted: false });
    room.decision = 'contain@12';
    for (let i = 0; i < 299; i++) room.ballots.set(`s${i}`, { option: OPTIONS[i % 3]!, confidence: 1 + (i % 5), rationale: `reason ${i}` });
    const before = room.view();
    expect(diffConsoleView(before, room.view(), 7)).toBeNull();
    room.ballots.set('s299', { option: 'wait', confidence: 2, rationale: 'last' });
    const delta = diffConsoleView(before, room.view(), 7)!;
    expect(JSON.stringify(delta).length).toBeLessThan(JSON.stringify(before).length / 20);
    // The new ballot in full, and one voter's `voted`; everything else as runs of what the console has.
    expect(delta.voteChanges!.ballots!.filter((p) => !Array.isArray(p))).toEqual([{ name: null, role: null, option: 'wait', confidence: 2, rationale: 'last' }]);
    expect(delta.participants!.filter((p) => !Array.isArray(p))).toEqual([{ id: 's299', name: 'Voter 299', role: 'observer', connected: true, voted: true }]);
  });

  it('copy only items equal to the ones they stand for', () => {
    const key = (x: { v: number | string }) => JSON.stringify(x.v);
    const before = [{ v: 1 }, { v: '1' }, { v: 2 }];
    const after = [{ v: '1' }, { v: 1 }, { v: 3 }, { v: 2 }, { v: 1 }];
    expect(applyList(before, diffList(before, after, key)!)).toEqual(after);
    expect(diffList(before, [...before], key)).toBeNull();
    expect(applyList(before, diffList(before, [], key)!)).toEqual([]);
    // A key that names nothing (every item the same key) still copies only equal items.
    expect(applyList(before, diffList(before, after, () => 'k')!)).toEqual(after);
  });
});

function withoutVersion(view: ConsoleViewMessage): ConsoleRoomView {
  const { version: _, ...rest } = view;
  return rest;
}
