import type { ChannelName, OutcomeName } from '../scenarios/schema.ts';

// Small original cues synthesised with the Web Audio API: no audio files. Each cue is a list of
// notes (pure data, testable); play() turns them into oscillators.

export type Cue = 'alert' | 'phone' | 'message' | 'resolve-good' | 'resolve-mixed' | 'resolve-bad' | 'choice';

export interface Note {
  /** Seconds after the cue starts. */
  at: number;
  duration: number;
  frequency: number;
  wave: OscillatorType;
  gain: number;
  /** Amplitude wobble in Hz, for the phone's ring. */
  tremolo?: number;
}

const tone = (at: number, duration: number, frequency: number, wave: OscillatorType, gain: number, tremolo?: number): Note =>
  tremolo === undefined ? { at, duration, frequency, wave, gain } : { at, duration, frequency, wave, gain, tremolo };

export function notesFor(cue: Cue): Note[] {
  switch (cue) {
    case 'alert':
      // Two falling two-tone pulses: urgent without being shrill.
      return [0, 0.36].flatMap((t) => [tone(t, 0.14, 988, 'square', 0.05), tone(t + 0.16, 0.14, 740, 'square', 0.05)]);
    case 'phone':
      // Two rings of a dual-tone bell, trembling like an old desk phone.
      return [0, 0.55].flatMap((t) => [tone(t, 0.4, 440, 'sine', 0.09, 22), tone(t, 0.4, 494, 'sine', 0.07, 22)]);
    case 'message':
      return [tone(0, 0.07, 1175, 'sine', 0.06), tone(0.08, 0.1, 1568, 'sine', 0.05)];
    case 'choice':
      return [tone(0, 0.06, 660, 'triangle', 0.05)];
    case 'resolve-good':
      return chord([523.25, 659.25, 783.99, 1046.5]);
    case 'resolve-mixed':
      return chord([523.25, 698.46, 783.99]);
    case 'resolve-bad':
      return chord([440, 523.25, 659.25].map((f) => f * 0.75));
    default: {
      const unreachable: never = cue;
      throw new Error(`unknown cue ${String(unreachable)}`);
    }
  }
}

/** A gently rolled chord that rings out: the incident is over. */
function chord(frequencies: number[]): Note[] {
  return frequencies.map((f, i) => tone(i * 0.09, 1.6 - i * 0.09, f, 'triangle', 0.06));
}

export function cueForChannel(channel: ChannelName): Cue {
  switch (channel) {
    case 'call':
      return 'phone';
    case 'alert':
    case 'regulator':
    case 'status':
      return 'alert';
    case 'email':
    case 'chat':
    case 'social':
    case 'news':
    case 'vendor':
      return 'message';
    default: {
      const unreachable: never = channel;
      throw new Error(`unknown channel ${String(unreachable)}`);
    }
  }
}

export function cueForOutcome(outcome: OutcomeName): Cue {
  return outcome === 'good' ? 'resolve-good' : outcome === 'mixed' ? 'resolve-mixed' : 'resolve-bad';
}

export interface Sound {
  play(cue: Cue): void;
  setMuted(muted: boolean): void;
  /** Browsers only let audio start after a gesture: call this from a click or key handler. */
  unlock(): void;
}

export function createSound(muted: boolean): Sound {
  let ctx: AudioContext | null = null;
  let isMuted = muted;
  let lastPlayed = 0;

  const context = (): AudioContext | null => {
    if (ctx) return ctx;
    const Ctor = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
    if (!Ctor) return null;
    try {
      ctx = new Ctor();
    } catch {
      return null;
    }
    return ctx;
  };

  return {
    unlock() {
      if (isMuted) return;
      const c = context();
      if (c && c.state === 'suspended') void c.resume();
    },
    setMuted(next) {
      isMuted = next;
    },
    play(cue) {
      if (isMuted) return;
      const c = context();
      if (!c || c.state !== 'running') return;
      // A burst of injects at once should not become a wall of noise.
      if (c.currentTime - lastPlayed < 0.25 && cue !== 'resolve-good' && cue !== 'resolve-mixed' && cue !== 'resolve-bad') return;
      lastPlayed = c.currentTime;
      const start = c.currentTime + 0.02;
      const master = c.createGain();
      master.gain.value = 0.9;
      master.connect(c.destination);
      for (const note of notesFor(cue)) {
        const osc = c.createOscillator();
        const env = c.createGain();
        osc.type = note.wave;
        osc.frequency.value = note.frequency;
        const t0 = start + note.at;
        const t1 = t0 + note.duration;
        env.gain.setValueAtTime(0, t0);
        env.gain.linearRampToValueAtTime(note.gain, t0 + Math.min(0.02, note.duration / 4));
        env.gain.exponentialRampToValueAtTime(0.0001, t1);
        osc.connect(env);
        if (note.tremolo) {
          const lfo = c.createOscillator();
          const depth = c.createGain();
          lfo.frequency.value = note.tremolo;
          depth.gain.value = note.gain * 0.8;
          lfo.connect(depth);
          depth.connect(env.gain);
          lfo.start(t0);
          lfo.stop(t1);
        }
        env.connect(master);
        osc.start(t0);
        osc.stop(t1 + 0.05);
      }
    },
  };
}
