import type { ChannelName, OutcomeName } from '../scenarios/schema.ts';

// The game's audio output. Short cues are synthesised with the Web Audio API from lists of notes
// (pure data, testable); the phone ring, the alert, the room's ambience and the clock's tick are
// recorded samples from assets/sounds/, handed over once the war room's loader has them. What
// plays when is decided in sound-director.ts; this file only makes the noise.

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

/** The recorded sounds in assets/sounds/ (see assets/scripts/make-sounds.mjs). */
export const SAMPLE_NAMES = ['ring', 'alert', 'ambience', 'tick'] as const;
export type SampleName = (typeof SAMPLE_NAMES)[number];

/** Sounds that play on a loop at a level the director sets (0 stops them). */
export type Loop = 'ambience' | 'tick';

/** The sample a cue plays when it has one; the others are synthesised. */
const CUE_SAMPLE: Partial<Record<Cue, SampleName>> = { phone: 'ring', alert: 'alert' };

/** How loud each sample and loop is at full volume: the files are all normalised loud. */
const SAMPLE_GAIN: Record<SampleName, number> = { ring: 0.32, alert: 0.22, ambience: 0.16, tick: 0.2 };

export interface Sound {
  play(cue: Cue): void;
  /** Sets a loop's level, 0..1 of its full level; 0 stops it. Remembered until audio can start. */
  loop(name: Loop, level: number): void;
  /** The master volume, 0..1 (0 when muted). */
  setVolume(volume: number): void;
  /** Browsers only let audio start after a gesture: call this from a click or key handler. */
  unlock(): void;
  /** The recorded samples, as encoded files; decoded once audio has been unlocked. */
  useSamples(samples: Readonly<Record<string, ArrayBuffer>>): void;
}

/**
 * Web Audio output. No AudioContext exists before unlock() (a gesture), so nothing can sound
 * before the player has touched the page; loops asked for earlier start then.
 */
export function createSound(): Sound {
  let ctx: AudioContext | null = null;
  let master: GainNode | null = null;
  let volume = 1;
  let lastPlayed = -1;
  const encoded = new Map<SampleName, ArrayBuffer>();
  const decoded = new Map<SampleName, AudioBuffer>();
  const decoding = new Set<SampleName>();
  const loopLevels = new Map<Loop, number>();
  const loopNodes = new Map<Loop, { source: AudioBufferSourceNode; gain: GainNode }>();

  const running = (): AudioContext | null => (ctx && ctx.state === 'running' ? ctx : null);

  const decodeAll = (): void => {
    const c = ctx;
    if (!c) return;
    for (const [name, bytes] of encoded) {
      if (decoded.has(name) || decoding.has(name)) continue;
      decoding.add(name);
      // decodeAudioData takes the buffer over: give it a copy, the loader's cache keeps its own.
      c.decodeAudioData(bytes.slice(0))
        .then((buffer) => {
          decoded.set(name, buffer);
          if (name === 'ambience' || name === 'tick') applyLoop(name);
        })
        .catch((error: unknown) => console.warn(`The ${name} sound could not be decoded`, error))
        .finally(() => decoding.delete(name));
    }
  };

  const applyLoop = (name: Loop): void => {
    const c = running();
    const level = loopLevels.get(name) ?? 0;
    const node = loopNodes.get(name);
    if (!c || !master || level <= 0) {
      if (node) {
        node.gain.gain.setTargetAtTime(0, c?.currentTime ?? 0, 0.08);
        node.source.stop((c?.currentTime ?? 0) + 0.5);
        loopNodes.delete(name);
      }
      return;
    }
    const target = level * SAMPLE_GAIN[name];
    if (node) {
      // Glide rather than jump: the room's noise rises with pressure, it does not step.
      node.gain.gain.setTargetAtTime(target, c.currentTime, 0.6);
      return;
    }
    const buffer = decoded.get(name);
    if (!buffer) return;
    const source = c.createBufferSource();
    source.buffer = buffer;
    source.loop = true;
    const gain = c.createGain();
    gain.gain.setValueAtTime(0, c.currentTime);
    gain.gain.setTargetAtTime(target, c.currentTime, name === 'tick' ? 0.02 : 0.8);
    source.connect(gain).connect(master);
    source.start();
    loopNodes.set(name, { source, gain });
  };

  const synth = (c: AudioContext, out: AudioNode, cue: Cue): void => {
    const start = c.currentTime + 0.02;
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
      env.connect(out);
      osc.start(t0);
      osc.stop(t1 + 0.05);
    }
  };

  return {
    unlock() {
      if (!ctx) {
        const Ctor = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
        if (!Ctor) return;
        try {
          ctx = new Ctor();
        } catch {
          return;
        }
        master = ctx.createGain();
        master.gain.value = volume;
        master.connect(ctx.destination);
        ctx.addEventListener('statechange', () => {
          for (const name of loopLevels.keys()) applyLoop(name);
        });
        decodeAll();
      }
      if (ctx.state === 'suspended') void ctx.resume();
    },
    setVolume(next) {
      volume = Math.min(1, Math.max(0, next));
      if (ctx && master) master.gain.setTargetAtTime(volume, ctx.currentTime, 0.03);
    },
    useSamples(samples) {
      for (const name of SAMPLE_NAMES) {
        const bytes = samples[name];
        if (bytes && !encoded.has(name)) encoded.set(name, bytes);
      }
      decodeAll();
    },
    loop(name, level) {
      loopLevels.set(name, Math.min(1, Math.max(0, level)));
      applyLoop(name);
    },
    play(cue) {
      const c = running();
      if (!c || !master || volume === 0) return;
      // A burst of injects at once should not become a wall of noise.
      const resolve = cue === 'resolve-good' || cue === 'resolve-mixed' || cue === 'resolve-bad';
      if (c.currentTime - lastPlayed < 0.25 && !resolve) return;
      lastPlayed = c.currentTime;
      const sample = CUE_SAMPLE[cue];
      const buffer = sample ? decoded.get(sample) : undefined;
      if (sample && buffer) {
        const source = c.createBufferSource();
        source.buffer = buffer;
        const gain = c.createGain();
        gain.gain.value = SAMPLE_GAIN[sample];
        source.connect(gain).connect(master);
        source.start(c.currentTime + 0.02);
        return;
      }
      const out = c.createGain();
      out.gain.value = 0.9;
      out.connect(master);
      synth(c, out, cue);
    },
  };
}
