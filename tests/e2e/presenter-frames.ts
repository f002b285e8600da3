import { compileScenario } from '../../src/engine/compile.ts';
import type { RunEvent } from '../../src/engine/machine.ts';
import { Exercise, type ExerciseDeps } from '../../src/facilitator/exercise.ts';
import { presenterFrame, type PresenterFrame } from '../../src/facilitator/frame.ts';
import type { Refusal } from '../../src/facilitator/refusals.ts';
import { newSession, type Session } from '../../src/facilitator/session.ts';
import { parseScenario } from '../../src/scenarios/load.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';
import type { Lang } from '../../src/i18n/lang.ts';

// Presenter frames for every beat of a scenario, built in Node with the console's own code: for
// each beat reached (breadth first over the options) the open decision with every inject released
// (the most text the room can face), the recorded choice and its reveal. The briefing is not here:
// at 1024×768 several briefings do not fit yet (see docs/facilitator.md).

export interface NamedFrame {
  name: string;
  frame: PresenterFrame;
}

const PARTICIPANTS = [
  ['Helena Marsh', 'ceo'],
  ['Priya Shah', 'cio'],
  ['Tom Berg', 'coo'],
  ['Ana Ruiz', 'comms'],
  ['Kai Olsen', 'cfo'],
  ['Lena Fischer', 'legal'],
] as const;

export function loadScenario(file: string, text: string): Scenario {
  const loaded = parseScenario(text, file);
  if (!loaded.scenario) throw new Error(`${file}: ${loaded.errors.map((e) => e.message).join('; ')}`);
  return loaded.scenario;
}

/** `lang`: the console's language, with the scenario already in it (localized) when that is not English. */
export function framesForEveryBeat(scenario: Scenario, maxBeats = 60, lang: Lang = 'en'): NamedFrame[] {
  const compiled = compileScenario(scenario);
  let n = 0;
  const deps: ExerciseDeps = {
    now: () => Date.parse('2026-03-14T09:00:00Z'),
    newId: () => `id-${++n}`,
    scenario: (id) => (id === scenario.id ? scenario : null),
    compile: () => compiled,
  };
  const frameOf = (ex: Exercise): PresenterFrame =>
    presenterFrame({ session: ex.session, shown: ex.shown(), live: ex.state ? { view: ex.view()!, state: ex.state } : null, report: ex.score(), lang });

  const start = Exercise.open({ ...newSession({ id: `s-${scenario.id}`, now: '2026-03-14T09:00:00Z', scenarioId: scenario.id, scenarioTitle: scenario.title, partner: scenario.partners[0]!.id, seed: 7 }), scenarioLang: lang }, deps);
  must(start.setTeamName('Leadership team, Plant North'));
  for (const [name, role] of PARTICIPANTS) must(start.addParticipant(name, role));
  must(start.setDisplay({ costs: true }));
  must(start.openBriefing());
  const frames: NamedFrame[] = [];
  for (const measure of scenario.preparation.advised ?? []) start.togglePreparation(measure);
  // Both halves: a projector too small for the whole briefing shows the one the facilitator chose.
  frames.push({ name: `${scenario.id}/briefing`, frame: frameOf(start) });
  must(start.setBriefingPage('preparation'));
  frames.push({ name: `${scenario.id}/briefing-preparation`, frame: frameOf(start) });
  must(start.startIncident());
  const base: Session = start.session;

  const open = (inputs: RunEvent[]): Exercise =>
    Exercise.open({ ...base, decision: 'open', hiddenFrom: null, run: { ...base.run!, inputs, undone: [] } }, deps);

  const seen = new Set<string>();
  const queue: RunEvent[][] = [base.run!.inputs];
  while (queue.length > 0 && seen.size < maxBeats) {
    const inputs = queue.shift()!;
    const ex = open(inputs);
    const beat = ex.state?.beat;
    const decision = ex.view()?.decision;
    if (!beat || !decision || seen.has(beat)) continue;
    seen.add(beat);
    for (let i = 0; i < 30 && ex.release() === null; i++);
    frames.push({ name: `${scenario.id}/${beat}/open`, frame: frameOf(ex) });
    const options = decision.options.filter((o) => o.available);
    for (const o of options) queue.push([...ex.session.run!.inputs, { type: 'player.choose', option: o.id }]);
    // The longest option label is the worst case for the recorded card.
    const longest = [...options].sort((a, b) => b.label.length - a.label.length)[0];
    if (!longest) continue;
    for (const o of options) must(ex.setVotes(o.id, 2));
    must(ex.record(longest.id));
    frames.push({ name: `${scenario.id}/${beat}/recorded`, frame: frameOf(ex) });
    must(ex.reveal());
    frames.push({ name: `${scenario.id}/${beat}/revealed`, frame: frameOf(ex) });
  }
  return frames;
}

function must(refusal: Refusal): void {
  if (refusal !== null) throw new Error(`refused: ${refusal.key} ${JSON.stringify('params' in refusal ? refusal.params : {})}`);
}
