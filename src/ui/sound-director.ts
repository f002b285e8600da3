import type { GameView } from '../engine/view.ts';
import type { GameState } from '../store/game-store.ts';
import { cueForChannel, cueForOutcome, type Cue, type Loop, type Sound } from './sound.ts';

// Decides what the game sounds like from the store, and nothing else: a call rings, an alert
// beeps, the room's murmur rises with the pressure on the company, and a clock ticks when a
// decision has three game minutes or less. Mute and volume apply to all of it. Browsers keep
// audio silent until a gesture; the Sound output (sound.ts) waits for one.

/** What of the store's state the sound depends on. */
export type SoundState = Pick<GameState, 'screen' | 'view' | 'paused' | 'roomReady' | 'muted' | 'volume'>;

/** When several injects arrive at once, the most urgent sound wins. */
const CUE_PRIORITY: Cue[] = ['phone', 'alert', 'message'];

/** A decision this close to its deadline (game minutes) ticks. */
export const TICK_MINUTES = 3;

/** The ambience's level at no pressure and at most: always there, never loud. */
const AMBIENCE_FLOOR = 0.3;

export interface SoundPlan {
  cues: Cue[];
  loops: Record<Loop, number>;
  volume: number;
}

/**
 * How much trouble the company is in, 0..1: services down (degraded counts half), the room's
 * mood, and a regulator's clock running without a notification sent.
 */
export function pressure(view: GameView): number {
  const services = view.services.length === 0 ? 0 : view.services.reduce((sum, s) => sum + (s.effective === 'down' ? 1 : s.effective === 'degraded' ? 0.5 : 0), 0) / view.services.length;
  const people = view.stakeholders.length === 0 ? 0 : view.stakeholders.reduce((sum, p) => sum + (100 - Math.min(100, Math.max(0, p.sentiment))) / 100, 0) / view.stakeholders.length;
  const clock = view.regulators.some((r) => r.deadline !== null && !r.notified && !r.missed) ? 1 : 0;
  return Math.min(1, Math.max(0, 0.5 * services + 0.35 * people + 0.15 * clock));
}

/** The incident is being played out in front of the player: the clock is running. */
function live(s: SoundState): boolean {
  return s.screen === 'incident' && s.view?.phase === 'incident' && s.roomReady && !s.paused;
}

/** What should sound after the store moved from `prev` to `next`. */
export function soundPlan(prev: SoundState, next: SoundState): SoundPlan {
  const volume = next.muted ? 0 : next.volume;
  const silent = volume === 0;
  const running = live(next) && !silent;
  const decision = next.view?.decision;
  const loops: Record<Loop, number> = {
    ambience: running && next.view ? AMBIENCE_FLOOR + (1 - AMBIENCE_FLOOR) * pressure(next.view) : 0,
    tick: running && decision && !decision.timerHeld && decision.remaining !== null && decision.remaining <= TICK_MINUTES ? 1 : 0,
  };
  return { cues: silent ? [] : cuesBetween(prev, next), loops, volume };
}

function cuesBetween(prev: SoundState, next: SoundState): Cue[] {
  const before = prev.view;
  const now = next.view;
  // Only what changes within one run's incident makes noise: opening a saved run does not replay
  // its history. (The screen is not asked: starting the incident updates the run a moment before
  // it switches the screen, and the incident's first alert belongs to the incident.)
  if (!now || !before || now === before || now.phase === 'preparation' || before.scenarioId !== now.scenarioId || before.seed !== now.seed) return [];
  if (now.phase === 'ended' && before.phase !== 'ended' && now.ending) return [cueForOutcome(now.ending.outcome)];
  const fresh = now.injects.length > before.injects.length ? now.injects.slice(before.injects.length) : [];
  if (fresh.length > 0) {
    const cues = new Set(fresh.map((i) => cueForChannel(i.channel)));
    const cue = CUE_PRIORITY.find((c) => cues.has(c));
    return cue ? [cue] : [];
  }
  if (now.lastChoice !== before.lastChoice && now.lastChoice?.by === 'player') return ['choice'];
  return [];
}

/** Keeps `sound` in step with the store until the returned function is called. */
export function directSound(store: { getState(): SoundState; subscribe(listener: (state: SoundState, prev: SoundState) => void): () => void }, sound: Sound): () => void {
  let loops: Record<Loop, number> = { ambience: -1, tick: -1 };
  let volume = -1;
  const apply = (prev: SoundState, next: SoundState): void => {
    const plan = soundPlan(prev, next);
    if (plan.volume !== volume) sound.setVolume((volume = plan.volume));
    for (const name of ['ambience', 'tick'] as const) {
      // Small wobbles of the ambience are not worth a call each.
      if (Math.abs(plan.loops[name] - loops[name]) > 0.01 || (plan.loops[name] === 0) !== (loops[name] === 0)) sound.loop(name, plan.loops[name]);
    }
    loops = plan.loops;
    for (const cue of plan.cues) sound.play(cue);
  };
  const initial = store.getState();
  apply(initial, initial);
  const unsubscribe = store.subscribe((state, prev) => apply(prev, state));
  return () => {
    unsubscribe();
    sound.loop('ambience', 0);
    sound.loop('tick', 0);
  };
}
