import type { ChannelName, ServiceStatusName } from '../scenarios/schema.ts';
import type { Mood } from './mood.ts';

// The operations-room colour scheme, as 0xRRGGBB numbers for Phaser and CSS strings for Text.
// Colour never carries meaning alone: every status also has an icon shape and a word.

export const PALETTE = {
  background: 0x070d19,
  backgroundGlow: 0x0e1a33,
  grid: 0x13213b,
  panel: 0x0d1629,
  panelRaised: 0x132039,
  panelEdge: 0x22345a,
  panelEdgeBright: 0x33507f,
  text: 0xe7eefb,
  textDim: 0x93a6c6,
  textFaint: 0x5c6f92,
  accent: 0x4cc9f0,
  accentSoft: 0x1d5f7a,
  good: 0x3ddc97,
  warn: 0xffc145,
  bad: 0xff5a5f,
  neutral: 0x8fa3c8,
  white: 0xffffff,
  black: 0x000000,
} as const;

export const STATUS_COLOUR: Record<ServiceStatusName, number> = {
  up: PALETTE.good,
  degraded: PALETTE.warn,
  down: PALETTE.bad,
};

export const MOOD_COLOUR: Record<Mood, number> = {
  confident: PALETTE.good,
  uneasy: PALETTE.neutral,
  worried: PALETTE.warn,
  angry: PALETTE.bad,
};

/** Each inbox channel gets its own hue so a glance at the stack tells calls from press. */
export const CHANNEL_COLOUR: Record<ChannelName, number> = {
  alert: 0xff5a5f,
  email: 0x4cc9f0,
  call: 0x3ddc97,
  chat: 0x9b8cff,
  social: 0x5b9dff,
  news: 0xffc145,
  regulator: 0xf28f3b,
  vendor: 0x2ec4b6,
  status: 0xb8c4dc,
};

/** Skin, hair and clothing tones for the drawn stakeholder portraits. */
export const SKIN_TONES = [0xf2d3b8, 0xe0ac84, 0xc68863, 0x9a6340, 0x6e4529, 0xf5c9a6] as const;
export const HAIR_TONES = [0x2b1d14, 0x5a3a22, 0x8c8c94, 0xc99a5b, 0x1a1a1f, 0x7a2e1c] as const;
export const CLOTHES_TONES = [0x2f4a7a, 0x4a3566, 0x245d56, 0x5d3a2a, 0x3b4256, 0x6b2f45] as const;

/** `0x4cc9f0` -> `#4cc9f0`, for Text styles. */
export function css(colour: number): string {
  return `#${colour.toString(16).padStart(6, '0')}`;
}

/** Mixes two colours; t = 0 gives a, t = 1 gives b. */
export function mix(a: number, b: number, t: number): number {
  const k = Math.min(1, Math.max(0, t));
  const channel = (shift: number): number => {
    const ca = (a >> shift) & 0xff;
    const cb = (b >> shift) & 0xff;
    return Math.round(ca + (cb - ca) * k) << shift;
  };
  return channel(16) | channel(8) | channel(0);
}

export const FONT_UI = "'Inter Variable', system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";
export const FONT_MONO = "'JetBrains Mono Variable', ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace";
