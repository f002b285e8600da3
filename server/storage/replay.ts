import { phoneWords } from '../phone-words.ts';
import { createHash, randomUUID } from 'node:crypto';
import type { CompiledScenario } from '../../src/engine/compile.ts';
import { ROLES } from '../../src/scenarios/roles.ts';
import type { ScenarioTranslations } from '../scenarios.ts';
import { Workshop, type WorkshopIds } from '../workshop.ts';
import type { LogEntry, LoggedControl, StoredRoom } from './log.ts';

// One way to apply a logged input to a room, used both live (after the message was checked) and
// when a room is rebuilt from its log, so the two cannot drift apart.

/** New ids are random, except while a logged seat is replayed: then they are the logged ones. */
export class ReplayIds implements WorkshopIds {
  readonly queued: string[] = [];
  newId(): string {
    return this.queued.shift() ?? randomUUID();
  }
}

/** Applies one input; null, or why the room refused it. */
export function applyEntry(workshop: Workshop, ids: ReplayIds, entry: LogEntry): string | null {
  switch (entry.kind) {
    case 'seat': {
      ids.queued.splice(0, ids.queued.length, entry.id, entry.device);
      const seat = workshop.takeSeat(entry.name, entry.role);
      ids.queued.length = 0;
      if ('key' in seat) return phoneWords(seat, 'en');
      return seat.id === entry.id && seat.device === entry.device ? null : 'the seat did not get its logged id';
    }
    case 'vote': {
      const refused = workshop.castVote(entry.seat, entry.vote);
      return refused && phoneWords(refused, 'en');
    }
    case 'control':
      return applyControl(workshop, entry.control);
    default: {
      const unreachable: never = entry;
      return `unknown log entry ${JSON.stringify(unreachable).slice(0, 40)}`;
    }
  }
}

export function applyControl(workshop: Workshop, control: LoggedControl): string | null {
  switch (control.type) {
    case 'control.run':
      return workshop.sync(control.from, control.events, control.stage, control.decision, control.shown);
    case 'control.vote':
      return workshop.controlVote(control.action);
    case 'control.settings':
      workshop.setSettings(control.settings);
      return null;
    case 'control.language':
      workshop.setLanguage(control.lang);
      return null;
    default: {
      const unreachable: never = control;
      return `unknown control ${JSON.stringify(unreachable).slice(0, 40)}`;
    }
  }
}

/**
 * The room's state as one hash: the run's inputs, what the console sees (seats, the open vote with
 * every ballot, the closed votes, the settings) and what every role's phones see. Who is connected
 * right now is left out: that is the network's, not the room's.
 */
export function roomFingerprint(workshop: Workshop): string {
  const view = workshop.consoleView();
  const state = {
    // The room's language only when it is not English, so rooms logged before languages keep their fingerprints.
    ...(workshop.lang !== 'en' ? { lang: workshop.lang } : {}),
    inputs: workshop.inputs,
    console: { ...view, participants: view.participants.map(({ connected: _, ...p }) => p) },
    roles: ROLES.map((r) => workshop.roleView(r.id)),
  };
  return createHash('sha256').update(JSON.stringify(state)).digest('base64url');
}

export interface Restored {
  workshop: Workshop;
  ids: ReplayIds;
  /** Why the room cannot go on (it is then read-only), or null. */
  readOnly: string | null;
}

/**
 * Rebuilds a room by replaying its log, and checks the result against the saved fingerprint.
 * `translations` only word the phones' views; without them a restored room's phones read English.
 */
export function restoreRoom(compiled: CompiledScenario, stored: StoredRoom, translations?: ScenarioTranslations): Restored {
  const { record, entries } = stored;
  const ids = new ReplayIds();
  const workshop = new Workshop(record.code, compiled, record.options, record.cap, ids, translations);
  let readOnly: string | null = null;
  if (compiled.index.fingerprint !== record.scenarioFingerprint) {
    readOnly = `the scenario "${record.options.scenarioId}" has changed since this room was opened, so its log cannot be replayed`;
  }
  const check = stored.fingerprint;
  if (check && check.seq > entries.length) readOnly ??= `the saved fingerprint covers ${check.seq} inputs, but the log has ${entries.length}`;
  const verify = () => {
    if (!readOnly && check && roomFingerprint(workshop) !== check.value) readOnly = `the replayed room does not match the state saved with input ${check.seq}`;
  };
  if (check?.seq === 0) verify();
  for (const [i, entry] of entries.entries()) {
    const why = applyEntry(workshop, ids, entry);
    if (why) {
      readOnly ??= `input ${i + 1} of ${entries.length} in the room's log (${entry.kind}) cannot be replayed: ${why}`;
      break;
    }
    if (check?.seq === i + 1) verify();
  }
  // Nobody is connected to a room that was just rebuilt; phones take their seats up again by token.
  for (const p of workshop.consoleView().participants) workshop.setConnected(p.id, false);
  return { workshop, ids, readOnly };
}
