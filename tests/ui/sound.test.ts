import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, OUTCOMES } from '../../src/scenarios/schema.ts';
import { createSound, cueForChannel, cueForOutcome, notesFor, type Cue } from '../../src/ui/sound.ts';

describe('sound cues', () => {
  it('rings the phone for calls, sounds the alert for alerts and regulators, and chimes for messages', () => {
    expect(cueForChannel('call')).toBe('phone');
    expect(cueForChannel('alert')).toBe('alert');
    expect(cueForChannel('regulator')).toBe('alert');
    expect(cueForChannel('email')).toBe('message');
    for (const channel of CHANNELS) expect(['phone', 'alert', 'message']).toContain(cueForChannel(channel));
  });

  it('closes the incident with a chord that fits the outcome', () => {
    expect(OUTCOMES.map(cueForOutcome)).toEqual(['resolve-good', 'resolve-mixed', 'resolve-bad']);
    // A chord: several notes sounding together for over a second.
    const chord = notesFor('resolve-good');
    expect(chord.length).toBeGreaterThanOrEqual(3);
    expect(Math.min(...chord.map((n) => n.at + n.duration))).toBeGreaterThan(1);
  });

  it('keeps every cue short, quiet and audible', () => {
    const cues: Cue[] = ['alert', 'phone', 'message', 'choice', 'resolve-good', 'resolve-mixed', 'resolve-bad'];
    for (const cue of cues) {
      const notes = notesFor(cue);
      expect(notes.length).toBeGreaterThan(0);
      for (const n of notes) {
        expect(n.frequency).toBeGreaterThan(100);
        expect(n.frequency).toBeLessThan(4000);
        expect(n.gain).toBeGreaterThan(0);
        expect(n.gain).toBeLessThanOrEqual(0.1);
        expect(n.at + n.duration).toBeLessThanOrEqual(2);
      }
    }
    // The phone rings twice with a tremolo, like a desk phone.
    const phone = notesFor('phone');
    expect(new Set(phone.map((n) => n.at)).size).toBe(2);
    expect(phone.every((n) => (n.tremolo ?? 0) > 0)).toBe(true);
  });
});

describe('the audio output', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('makes no audio context, so no sound, before a gesture unlocks it', () => {
    const made: string[] = [];
    // Just enough of an AudioContext to count constructions and see what is asked of it.
    class FakeContext {
      state = 'suspended';
      currentTime = 0;
      destination = {};
      constructor() {
        made.push('context');
      }
      createGain() {
        return { gain: { value: 1, setTargetAtTime() {} }, connect: (x: unknown) => x };
      }
      addEventListener() {}
      resume() {
        made.push('resume');
        return Promise.resolve();
      }
      decodeAudioData() {
        made.push('decode');
        return new Promise(() => {});
      }
    }
    vi.stubGlobal('AudioContext', FakeContext);
    const sound = createSound();
    sound.useSamples({ ring: new ArrayBuffer(8), tick: new ArrayBuffer(8) });
    sound.setVolume(0.5);
    sound.loop('ambience', 0.6);
    sound.play('phone');
    expect(made).toEqual([]);
    sound.unlock();
    // One context, resumed from the gesture, and the samples decoded only now.
    expect(made).toEqual(['context', 'decode', 'decode', 'resume']);
  });
});
