import { transition } from 'xstate';
import { compileScenario } from '../src/engine/compile.ts';
import type { RunEvent } from '../src/engine/machine.ts';
import { ADVICE_POLICY, greedyPreparation, playPolicy, POLICIES } from '../src/engine/policies.ts';
import { runLessons } from '../src/engine/run-lessons.ts';
import { Run, startSnapshot, stepSnapshot } from '../src/engine/runtime.ts';
import { findScenarioFiles } from '../src/scenarios/find-files.ts';
import { loadScenarioFile, SCENARIOS_DIR } from '../src/scenarios/load-file.ts';
import { Scenario } from '../src/scenarios/schema.ts';
import { tinyScenario } from '../tests/fixtures/tiny-scenario.ts';
import { handWrittenMachine, stepperFor } from './hand-written-machine.ts';
import { compare, fmt } from './measure.ts';

// Section 1: playthroughs per second of the compiled runtime against a hand-written XState
// machine of the same shape, measured in the same run, and the ratio.

/** The same five inputs for both machines: a full playthrough to the good ending. */
const INPUTS: RunEvent[] = [
  { type: 'prep.commit', measures: ['replica'] },
  { type: 'clock.tick', minutes: 2 },
  { type: 'player.choose', option: 'failover' },
  { type: 'clock.tick', minutes: 2 },
  { type: 'player.choose', option: 'tell' },
];

export async function engineBench(): Promise<void> {
  const compiled = compileScenario(Scenario.parse(tinyScenario()));
  const hand = handWrittenMachine();
  const handStep = stepperFor(hand);

  // Both must really finish, or the comparison is meaningless.
  let s = startSnapshot(compiled, { seed: 1, partner: 'ally' });
  for (const e of INPUTS) s = stepSnapshot(compiled, s, e);
  let h = handStep.start();
  for (const e of INPUTS) h = handStep.step(h, e as never);
  if (s.status !== 'done' || s.context.ending !== 'good-end' || h.status !== 'done') throw new Error('bench playthroughs did not finish');

  const rates = compare({
    compiled: () => {
      let x = startSnapshot(compiled, { seed: 1, partner: 'ally' });
      for (const e of INPUTS) x = stepSnapshot(compiled, x, e);
    },
    run: () => {
      const run = Run.start(compiled, { seed: 1, partner: 'ally' });
      for (const e of INPUTS) run.send(e);
    },
    hand: () => {
      let x = handStep.start();
      for (const e of INPUTS) x = handStep.step(x, e as never);
    },
    handPublicApi: () => {
      let x = handStep.start();
      for (const e of INPUTS) x = transition(hand, x, e as never)[0];
    },
  });
  const steps = INPUTS.length;
  const line = (label: string, perSecond: number): string =>
    `  ${label.padEnd(58)}${fmt(perSecond).padStart(9)} playthroughs/s  (${fmt((perSecond * steps) / 1000, 0)}k steps/s)`;
  console.log(`Engine: one playthrough of the tiny scenario = start + ${steps} events (prep, tick, choose, tick, choose)`);
  console.log(line('compiled scenario machine (startSnapshot/stepSnapshot)', rates.compiled!));
  console.log(line('compiled, through the Run class (refusal checks, history)', rates.run!));
  console.log(line('hand-written setup().createMachine(), same shape', rates.hand!));
  console.log(line("hand-written, through xstate's public transition()", rates.handPublicApi!));
  console.log(`  ratio compiled / hand-written: ${(rates.compiled! / rates.hand!).toFixed(2)} (same run, best of 5 alternating rounds)`);

  // A realistic playthrough: a shipped scenario, the advice policy, two minutes of thought per decision.
  const { files } = await findScenarioFiles([SCENARIOS_DIR]);
  const file = files.find((f) => f.endsWith('ransomware-manufacturer.yaml')) ?? files[0];
  if (!file) return;
  const loaded = await loadScenarioFile(file);
  if (!loaded.scenario) return;
  const shipped = compileScenario(loaded.scenario);
  const advice = POLICIES.find((p) => p.name === ADVICE_POLICY)!;
  const prep = greedyPreparation(shipped);
  const partner = shipped.index.scenario.partners[0]!.id;
  let seed = 0;
  const events = playPolicy(shipped, advice, { seed: 1, partner, prep }).inputs.length;
  const real = compare({ shipped: () => void playPolicy(shipped, advice, { seed: ++seed, partner, prep }) }, 3, 400);
  console.log(
    `  ${`${shipped.index.scenario.id}, advice policy (${events} events, scored)`.padEnd(58)}${fmt(real.shipped!).padStart(9)} playthroughs/s`,
  );

  // The debrief's partner lesson: every partner, every closed option and the preparation replayed.
  const finished = Run.start(shipped, { seed: 1, partner });
  for (const e of playPolicy(shipped, advice, { seed: 1, partner, prep }).inputs) finished.send(e);
  const lessons = compare({ playthrough: () => void playPolicy(shipped, advice, { seed: 1, partner, prep }), lessons: () => void runLessons(shipped, finished.state) }, 3, 400);
  console.log(`  ${'its partner lesson (runLessons: comparison, ROI, uptime)'.padEnd(58)}${fmt(lessons.lessons!).padStart(9)} lessons/s`);
  console.log(`  ratio lesson / one playthrough: ${(lessons.playthrough! / lessons.lessons!).toFixed(1)}× the time of one playthrough (same run)`);
}
