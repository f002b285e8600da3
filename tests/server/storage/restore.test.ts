import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../../src/engine/compile.ts';
import type { RunEvent } from '../../../src/engine/machine.ts';
import type { CreateOptions } from '../../../src/protocol/messages.ts';
import { ROLES } from '../../../src/scenarios/roles.ts';
import type { LogEntry, StoredRoom } from '../../../server/storage/log.ts';
import { applyEntry, ReplayIds, restoreRoom, roomFingerprint } from '../../../server/storage/replay.ts';
import { Workshop } from '../../../server/workshop.ts';
import { leakScenario } from '../helpers.ts';

// restore(log) must be the live room: random sequences of seats, votes and controls are applied
// to a live room the way the Colyseus room applies them (refused ones are not logged), then the
// log is replayed into a fresh room and every view of the two is compared.

const compiled = compileScenario(leakScenario());
const OPTIONS: CreateOptions = { scenarioId: 'leak-test', seed: 7, partner: 'ally', cap: 12 };

type Step =
  | { kind: 'seat'; name: string; role: number }
  | { kind: 'vote'; seat: number; option: number; confidence: number | null; rationale: string }
  | { kind: 'advance'; pick: number; minutes: number; decision: 'open' | 'recorded' | 'revealed'; hide: boolean }
  | { kind: 'undo'; back: number }
  | { kind: 'vote-control'; action: 'close' | 'reopen' | 'reveal' | 'hide' }
  | { kind: 'settings'; resultsVisible: boolean; anonymous: boolean; debriefToPhones: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('seat' as const), name: fc.constantFrom('Ana', 'Bo', 'Cy ', 'Dé'), role: fc.nat(ROLES.length - 1) }),
  fc.record({
    kind: fc.constant('vote' as const),
    seat: fc.nat(20),
    option: fc.nat(5),
    confidence: fc.option(fc.integer({ min: 1, max: 5 })),
    rationale: fc.constantFrom('', 'cheaper', ' faster '),
  }),
  fc.record({
    kind: fc.constant('advance' as const),
    pick: fc.nat(5),
    minutes: fc.integer({ min: 1, max: 30 }),
    decision: fc.constantFrom('open' as const, 'recorded' as const, 'revealed' as const),
    hide: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('undo' as const), back: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('vote-control' as const), action: fc.constantFrom('close' as const, 'reopen' as const, 'reveal' as const, 'hide' as const) }),
  fc.record({ kind: fc.constant('settings' as const), resultsVisible: fc.boolean(), anonymous: fc.boolean(), debriefToPhones: fc.boolean() }),
);

/** Turns a random step into the input the room would receive now (or null when it makes no sense yet). */
function entryFor(workshop: Workshop, s: Step): LogEntry | 'seat' | null {
  const view = workshop.consoleView();
  switch (s.kind) {
    case 'seat':
      return 'seat';
    case 'vote': {
      const seat = view.participants[s.seat % Math.max(1, view.participants.length)];
      const options = workshop.roleView('ceo').decision?.options ?? [];
      if (!seat || !view.vote || options.length === 0) return null;
      const option = options[s.option % options.length]!;
      return { kind: 'vote', seat: seat.id, vote: { decision: view.vote.decision, option: option.id, confidence: s.confidence, rationale: s.rationale } };
    }
    case 'advance': {
      const inputs = workshop.inputs;
      let event: RunEvent;
      if (inputs.length === 0) event = { type: 'prep.commit', measures: ['replica'] };
      else {
        const options = workshop.roleView('ceo').decision?.options.filter((o) => o.available) ?? [];
        event = options.length > 0 && s.pick % 2 === 0 ? { type: 'player.choose', option: options[s.pick % options.length]!.id } : { type: 'clock.tick', minutes: s.minutes };
      }
      const count = inputs.length + 1;
      return { kind: 'control', control: { type: 'control.run', from: inputs.length, events: [event], stage: 'incident', decision: s.decision, shown: s.hide ? count - 1 : null } };
    }
    case 'undo': {
      const from = Math.max(0, workshop.inputs.length - s.back);
      return { kind: 'control', control: { type: 'control.run', from, events: [], stage: from === 0 ? 'briefing' : 'incident', decision: 'open', shown: null } };
    }
    case 'vote-control':
      return { kind: 'control', control: { type: 'control.vote', action: s.action } };
    case 'settings':
      return { kind: 'control', control: { type: 'control.settings', settings: { resultsVisible: s.resultsVisible, anonymous: s.anonymous, debriefToPhones: s.debriefToPhones } } };
    default: {
      const unreachable: never = s;
      return unreachable;
    }
  }
}

/** Runs the steps on a live room; returns it with the log of what it accepted. */
function live(steps: Step[]): { workshop: Workshop; stored: StoredRoom } {
  const ids = new ReplayIds();
  const workshop = new Workshop('ABCDEF', compiled, OPTIONS, 60, ids);
  const entries: LogEntry[] = [];
  for (const [i, s] of steps.entries()) {
    const entry = entryFor(workshop, s);
    if (entry === null) continue;
    if (entry === 'seat') {
      // As the room seats a phone: random ids from the room, then the seat is logged.
      const seat = workshop.takeSeat(`${(s as { name: string }).name}${i}`, ROLES[(s as { role: number }).role]!.id);
      if (!('key' in seat)) entries.push({ kind: 'seat', id: seat.id, device: seat.device, name: seat.name, role: seat.role });
      continue;
    }
    if (applyEntry(workshop, ids, entry) === null) entries.push(structuredClone(entry));
  }
  for (const p of workshop.consoleView().participants) workshop.setConnected(p.id, false);
  const record = { code: 'ABCDEF', createdAt: 0, options: OPTIONS, cap: workshop.cap, scenarioFingerprint: compiled.index.fingerprint, secret: 'k'.repeat(32) };
  return { workshop, stored: { record, entries, fingerprint: { seq: entries.length, value: roomFingerprint(workshop) }, closedAt: null } };
}

describe('restoring a room from its log', () => {
  it('rebuilds exactly the live room for random sequences of inputs', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        const { workshop, stored } = live(steps);
        const restored = restoreRoom(compiled, JSON.parse(JSON.stringify(stored)) as StoredRoom);
        expect(restored.readOnly).toBeNull();
        expect(roomFingerprint(restored.workshop)).toBe(stored.fingerprint!.value);
        expect(restored.workshop.consoleView()).toEqual(workshop.consoleView());
        expect(restored.workshop.inputs).toEqual(workshop.inputs);
        expect(restored.workshop.voteRecords()).toEqual(workshop.voteRecords());
        for (const p of workshop.consoleView().participants) {
          expect(restored.workshop.participantView(p.id)).toEqual(workshop.participantView(p.id));
          const device = stored.entries.find((e) => e.kind === 'seat' && e.id === p.id) as { device: string };
          expect(restored.workshop.seatOfDevice(device.device)?.id).toBe(p.id);
        }
      }),
      { numRuns: 150, seed: 20261206 },
    );
  });

  it('keeps a room read-only, saying why, when its scenario changed since it was opened', () => {
    const { stored } = live([{ kind: 'advance', pick: 1, minutes: 5, decision: 'open', hide: false }]);
    const changed = leakScenario();
    changed.title = 'Renamed after the workshop started';
    const restored = restoreRoom(compileScenario(changed), stored);
    expect(restored.readOnly).toMatch(/scenario "leak-test" has changed since this room was opened/);
  });

  it('names the input that cannot be replayed, and refuses a log whose fingerprint does not match', () => {
    const { stored } = live([
      { kind: 'seat', name: 'Ana', role: 0 },
      { kind: 'advance', pick: 1, minutes: 5, decision: 'open', hide: false },
    ]);
    const broken = structuredClone(stored);
    broken.entries.push({ kind: 'vote', seat: 'nobody', vote: { decision: 'x', option: 'y' } });
    expect(restoreRoom(compiled, broken).readOnly).toMatch(/input 3 of 3 in the room's log \(vote\) cannot be replayed: you have no seat/i);
    const tampered = structuredClone(stored);
    tampered.fingerprint = { seq: stored.entries.length, value: 'not-this-room' };
    expect(restoreRoom(compiled, tampered).readOnly).toMatch(/does not match the state saved with input/);
    expect(restoreRoom(compiled, stored).readOnly).toBeNull();
  });

  it('checks the replay where the last fingerprint was saved, and replays the inputs after it', () => {
    const { workshop, stored } = live([
      { kind: 'seat', name: 'Ana', role: 0 },
      { kind: 'advance', pick: 1, minutes: 5, decision: 'open', hide: false },
    ]);
    const atTwo = structuredClone(stored);
    const seat = workshop.consoleView().participants[0]!.id;
    const vote = { kind: 'vote' as const, seat, vote: { decision: workshop.consoleView().vote!.decision, option: workshop.roleView('ceo').decision!.options[1]!.id } };
    atTwo.entries.push(vote);
    const restored = restoreRoom(compiled, atTwo);
    expect(restored.readOnly).toBeNull();
    expect(restored.workshop.consoleView().vote?.tally.total).toBe(1);
    const wrongCheckpoint = structuredClone(atTwo);
    wrongCheckpoint.fingerprint = { seq: 1, value: stored.fingerprint!.value };
    expect(restoreRoom(compiled, wrongCheckpoint).readOnly).toMatch(/does not match the state saved with input 1/);
  });
});
