import { compileScenario, type CompiledScenario } from '../../src/engine/compile.ts';
import { sayRefusal } from '../../src/facilitator/console/i18n.ts';
import { Exercise, type ExerciseDeps } from '../../src/facilitator/exercise.ts';
import { presenterFrame, type PresenterFrame } from '../../src/facilitator/frame.ts';
import type { Refusal } from '../../src/facilitator/refusals.ts';
import { newSession, type Session } from '../../src/facilitator/session.ts';
import { Scenario } from '../../src/scenarios/schema.ts';
import { tinyScenario } from '../fixtures/tiny-scenario.ts';

/** The tiny fixture with what a workshop adds: injects aimed at roles and facilitator notes. */
export function workshopScenario(): Scenario {
  const raw = tinyScenario();
  raw.injects![0]!.audience = ['comms', 'ceo'];
  const outage = raw.beats[0]!;
  outage.injects![0]!.audience = ['cio'];
  outage.facilitator = {
    questions: ['Who may decide to fail over at night?'],
    lookFor: ['A decision within minutes'],
    expectedActions: ['Page the on-call lead'],
  };
  raw.facilitator = { overview: 'A short drill on failover and honest updates.' };
  return Scenario.parse(raw);
}

export interface Harness {
  ex: Exercise;
  deps: ExerciseDeps;
  compiled: CompiledScenario;
  advanceRealTime(ms: number): void;
}

/** An exercise on the workshop scenario with a fake clock (starting 2025-03-14 09:00 UTC) and counting ids. */
export function harness(): Harness {
  const scenario = workshopScenario();
  const compiled = compileScenario(scenario);
  let now = Date.parse('2025-03-14T09:00:00Z');
  let n = 0;
  const deps: ExerciseDeps = {
    now: () => now,
    newId: () => `id-${++n}`,
    scenario: (id) => (id === scenario.id ? scenario : null),
    compile: () => compiled,
  };
  // These tests move game time with tick(), as the real-time clock does.
  const session = { ...newSession({ id: 'session-1', now: new Date(now).toISOString(), scenarioId: 'tiny', scenarioTitle: scenario.title, partner: 'ally', seed: 7 }), clock: 'realtime' as const };
  const ex = Exercise.open(session, deps);
  return { ex, deps, compiled, advanceRealTime: (ms) => void (now += ms) };
}

/** Set-up done and the incident running, with two participants. */
export function running(): Harness {
  const h = harness();
  const { ex } = h;
  ok(ex.setTeamName('Blue team'));
  ok(ex.setFacilitator('Sam Rivera'));
  ok(ex.addParticipant('Priya Shah', 'cio'));
  ok(ex.addParticipant('Tom Berg', 'comms'));
  ok(ex.openBriefing());
  ok(ex.togglePreparation('replica'));
  ok(ex.startIncident());
  return h;
}

/** The check the console makes of an imported session: it must replay on this version's scenarios. */
export const replays = (h: Harness) => (s: Session): string | null => {
  try {
    Exercise.open(s, h.deps);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
};

/** Asserts a command was accepted, showing the refusal when it was not. */
export function ok(refusal: Refusal): void {
  if (refusal !== null) throw new Error(`refused: ${sayRefusal(refusal)}`);
}

/** A command's refusal as the console words it (English unless a test chose German), or null. */
export const said = (refusal: Refusal): string | null => (refusal ? sayRefusal(refusal) : null);

/** A complete presenter frame of a running exercise, with the session id and revision given. */
export function sampleFrame(sessionId: string, rev: number): PresenterFrame {
  const { ex } = running();
  const frame = presenterFrame({ session: ex.session, shown: ex.shown(), live: ex.state ? { view: ex.view()!, state: ex.state } : null, report: ex.score(), lang: 'en' });
  return { ...frame, sessionId, rev };
}
