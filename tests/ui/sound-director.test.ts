import { afterEach, describe, expect, it } from 'vitest';
import type { GameView } from '../../src/engine/view.ts';
import type { GameStore } from '../../src/store/game-store.ts';
import { directSound, pressure, soundPlan, type SoundState } from '../../src/ui/sound-director.ts';
import type { Cue, Loop, Sound } from '../../src/ui/sound.ts';
import { makeStore } from '../store/helpers.ts';

// What the game sounds like, decided from the store: played through a fake output that records
// every call, on the tiny scenario (an alert opens the incident, a 15-minute decision follows).

interface Recorded {
  played: Cue[];
  loops: Record<Loop, number>;
  volume: number;
}

function fakeSound(): Sound & Recorded {
  const out: Sound & Recorded = {
    played: [],
    loops: { ambience: 0, tick: 0 },
    volume: -1,
    play: (cue) => void out.played.push(cue),
    loop: (name, level) => void (out.loops[name] = level),
    setVolume: (v) => void (out.volume = v),
    unlock: () => {},
    useSamples: () => {},
  };
  return out;
}

const stores: GameStore[] = [];
const stops: (() => void)[] = [];
afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  stores.splice(0).forEach((s) => s.getState().dispose());
});

function setUp() {
  const made = makeStore({ waitForRoom: true });
  stores.push(made.store);
  const sound = fakeSound();
  stops.push(directSound(made.store, sound));
  return { ...made, sound };
}

function toIncident(s: ReturnType<typeof setUp>['s']): void {
  expect(s().beginBriefing()).toBeNull();
  s().showPreparation();
  expect(s().commitPreparation()).toBeNull();
}

describe('the sound director', () => {
  it('stays quiet on the title, plays the alert that opens the incident, and starts the room only when its clock runs', () => {
    const { s, sound } = setUp();
    expect(sound.volume).toBe(0.7);
    expect(sound.loops).toEqual({ ambience: 0, tick: 0 });
    toIncident(s);
    expect(sound.played).toEqual(['alert']);
    // The war room has not drawn yet: the clock waits, and so does the room's noise.
    expect(sound.loops.ambience).toBe(0);
    s().setRoomReady(true);
    expect(sound.loops.ambience).toBeGreaterThan(0.3);
    expect(sound.loops.ambience).toBeLessThan(1);
    // Pausing silences the room; resuming brings it back.
    s().togglePause();
    expect(sound.loops.ambience).toBe(0);
    s().togglePause();
    expect(sound.loops.ambience).toBeGreaterThan(0);
  });

  it('ticks once a decision has three game minutes or less, and stops on a choice', () => {
    const { s, sound } = setUp();
    toIncident(s);
    s().setRoomReady(true);
    s().tick(11);
    expect(s().view?.decision?.remaining).toBe(4);
    expect(sound.loops.tick).toBe(0);
    s().tick(1);
    expect(s().view?.decision?.remaining).toBe(3);
    expect(sound.loops.tick).toBe(1);
    expect(s().choose('wait')).toBeNull();
    // The next decision has no time limit: no tick. The choice itself gets its click.
    expect(sound.loops.tick).toBe(0);
    expect(sound.played.at(-1)).toBe('choice');
  });

  it('closes the incident with the outcome chord and silences the room', () => {
    const { s, sound } = setUp();
    toIncident(s);
    s().setRoomReady(true);
    expect(s().choose('restore')).toBeNull();
    expect(s().choose('hide')).toBeNull();
    expect(s().view?.phase).toBe('ended');
    expect(sound.played.at(-1)).toBe('resolve-bad');
    expect(sound.loops).toEqual({ ambience: 0, tick: 0 });
  });

  it('respects mute everywhere: no cue, no loop, volume 0; unmuting restores the saved volume', () => {
    const { s, sound } = setUp();
    s().setMuted(true);
    expect(sound.volume).toBe(0);
    toIncident(s);
    s().setRoomReady(true);
    s().tick(12);
    expect(s().choose('restore')).toBeNull();
    expect(sound.played).toEqual([]);
    expect(sound.loops).toEqual({ ambience: 0, tick: 0 });
    s().setVolume(0.4);
    expect(sound.volume).toBe(0);
    s().setMuted(false);
    expect(sound.volume).toBe(0.4);
    expect(sound.loops.ambience).toBeGreaterThan(0);
  });

  it('does not replay history: reopening a saved run makes no sound until something new happens', () => {
    const first = setUp();
    toIncident(first.s);
    const reopened = makeStore({ storage: first.storage, waitForRoom: true });
    stores.push(reopened.store);
    const sound = fakeSound();
    stops.push(directSound(reopened.store, sound));
    expect(reopened.s().screen).toBe('incident');
    expect(reopened.s().view?.injects.length).toBeGreaterThan(0);
    expect(sound.played).toEqual([]);
  });

  it('rings for a call before anything else arriving at the same moment', () => {
    const { s } = setUp();
    toIncident(s);
    const base = s() as SoundState;
    const view = base.view!;
    const call = { ...view.injects[0]!, id: 'ring', channel: 'call' as const };
    const mail = { ...view.injects[0]!, id: 'mail', channel: 'email' as const };
    const next: SoundState = { ...base, view: { ...view, injects: [...view.injects, mail, call] } };
    expect(soundPlan(base, next).cues).toEqual(['phone']);
    expect(soundPlan(base, { ...next, muted: true }).cues).toEqual([]);
    expect(soundPlan(base, { ...next, volume: 0 }).cues).toEqual([]);
  });
});

describe('pressure', () => {
  const view = (over: Partial<GameView>): GameView =>
    ({ services: [], stakeholders: [], regulators: [], ...over }) as unknown as GameView;
  const service = (effective: 'up' | 'degraded' | 'down') => ({ id: effective, name: effective, status: effective, effective, dependsOn: [] });

  it('rises with services down, unhappy people and an unanswered regulator clock, within 0..1', () => {
    const calm = pressure(view({ services: [service('up'), service('up')], stakeholders: [{ id: 'a', name: 'A', role: 'R', sentiment: 100, start: 100 }] }));
    const half = pressure(view({ services: [service('down'), service('up')], stakeholders: [{ id: 'a', name: 'A', role: 'R', sentiment: 100, start: 100 }] }));
    const worst = pressure(
      view({
        services: [service('down'), service('down')],
        stakeholders: [{ id: 'a', name: 'A', role: 'R', sentiment: 0, start: 50 }],
        regulators: [{ id: 'r', name: 'R', deadline: 60, remaining: 10, notified: false, missed: false }],
      }),
    );
    expect(calm).toBe(0);
    expect(half).toBeCloseTo(0.25);
    expect(worst).toBe(1);
    expect(pressure(view({ services: [service('degraded'), service('up')] }))).toBeCloseTo(0.125);
  });
});
