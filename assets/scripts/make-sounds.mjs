#!/usr/bin/env node
// Synthesises the war room's sounds from oscillators and seeded noise, and writes them as small
// mono 16-bit WAV files into assets/sounds/. Deterministic: the same script writes the same bytes,
// so the committed files can be checked against it (tests/assets/assets.test.ts).
//
//   node assets/scripts/make-sounds.mjs          writes the files
//   node assets/scripts/make-sounds.mjs --check  exits 1 if a committed file differs
//
// Low sample rates on purpose: a ring, a beep and a tick need no high frequencies, and the files
// are precached by the service worker.

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { random, writeOrCheck } from './output.mjs';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'sounds');


const TAU = Math.PI * 2;

/** An attack-release envelope: 0 before `at`, up over `attack`, holds, down over `release`. */
function envelope(t, at, length, attack, release) {
  const u = t - at;
  if (u < 0 || u > length) return 0;
  if (u < attack) return u / attack;
  if (u > length - release) return Math.max(0, (length - u) / release);
  return 1;
}

/** A desk phone's ring: two bursts of a trembling two-tone bell. */
function ring(rate) {
  const seconds = 1.5;
  return Float64Array.from({ length: Math.round(seconds * rate) }, (_, i) => {
    const t = i / rate;
    const env = envelope(t, 0.02, 0.5, 0.01, 0.06) + envelope(t, 0.78, 0.5, 0.01, 0.12);
    const tremolo = 0.55 + 0.45 * Math.sin(TAU * 24 * t);
    const bell = Math.sin(TAU * 740 * t) + 0.8 * Math.sin(TAU * 987 * t) + 0.25 * Math.sin(TAU * 1480 * t);
    return env * tremolo * bell;
  });
}

/** An alert: two falling pairs of soft square-ish beeps (odd harmonics below the Nyquist limit). */
function alert(rate) {
  const seconds = 0.72;
  const square = (f, t) => [1, 3, 5].reduce((sum, k) => (f * k < rate / 2 ? sum + Math.sin(TAU * f * k * t) / k : sum), 0);
  return Float64Array.from({ length: Math.round(seconds * rate) }, (_, i) => {
    const t = i / rate;
    let v = 0;
    for (const at of [0, 0.36]) {
      v += envelope(t, at, 0.14, 0.008, 0.04) * square(988, t);
      v += envelope(t, at + 0.16, 0.14, 0.008, 0.05) * square(740, t);
    }
    return v;
  });
}

/**
 * The room: a mains hum, air handling (low-passed noise) and a far-off murmur that swells and
 * fades. Three seconds that loop without a seam: the last 0.4 s are faded into the first.
 */
function ambience(rate) {
  const seconds = 3;
  const fade = 0.4;
  const n = Math.round((seconds + fade) * rate);
  const rnd = random(12);
  let air = 0;
  let murmur = 0;
  let murmurSlow = 0;
  const raw = Float64Array.from({ length: n }, (_, i) => {
    const t = i / rate;
    const white = rnd() * 2 - 1;
    air += (white - air) * 0.04; // a one-pole low-pass: a soft rush
    murmur += (white - murmur) * 0.25;
    murmurSlow += (murmur - murmurSlow) * 0.2; // a band of voices' frequencies, roughly
    const swell = 0.5 + 0.5 * Math.sin(TAU * (t / seconds) * 2 + 1);
    const hum = 0.35 * Math.sin(TAU * 50 * t) + 0.18 * Math.sin(TAU * 100 * t);
    return hum + 2.2 * air + 1.4 * (murmur - murmurSlow) * swell;
  });
  const loop = raw.slice(0, Math.round(seconds * rate));
  const tail = Math.round(fade * rate);
  for (let i = 0; i < tail; i++) {
    const k = i / tail;
    loop[i] = loop[i] * k + raw[loop.length + i] * (1 - k);
  }
  return loop;
}

/** A clock's tick and a quieter tock, one second long, to be looped. */
function tick(rate) {
  const rnd = random(7);
  const click = (t, at, f, level) => {
    const u = t - at;
    if (u < 0 || u > 0.05) return 0;
    const decay = Math.exp(-u * 140);
    return level * decay * (Math.sin(TAU * f * u) + 0.5 * (rnd() * 2 - 1));
  };
  return Float64Array.from({ length: rate }, (_, i) => {
    const t = i / rate;
    return click(t, 0.005, 2600, 1) + click(t, 0.505, 1900, 0.6);
  });
}

/** Mono 16-bit PCM WAV, normalised to `peak` of full scale. */
function wav(samples, rate, peak) {
  const max = samples.reduce((m, v) => Math.max(m, Math.abs(v)), 0) || 1;
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((v, i) => data.writeInt16LE(Math.round((v / max) * peak * 32767), i * 2));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

// Every file is normalised loud; the game sets each sound's level when it plays it.
export const SOUNDS = {
  ring: () => wav(ring(11025), 11025, 0.9),
  alert: () => wav(alert(11025), 11025, 0.9),
  ambience: () => wav(ambience(8000), 8000, 0.9),
  tick: () => wav(tick(11025), 11025, 0.9),
};

writeOrCheck(
  'make-sounds.mjs',
  Object.entries(SOUNDS).map(([name, make]) => [join(OUT, `${name}.wav`), make()]),
);
