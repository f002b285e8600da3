import { describe, expect, it } from 'vitest';
import { roomPace } from '../../src/game/pace.ts';

// When the war room's game loop sleeps, runs at the ambient rate or at the display's rate.

const endless = { isInfinite: true };
const once = { isInfinite: false };

describe('roomPace', () => {
  it('sleeps when nothing moves: a paused room, or a running one with reduced motion', () => {
    expect(roomPace({ busy: false, ambient: false, tweens: [] })).toBe('still');
  });

  it('lets endless animations (pulsing halos, a blinking deadline) hold still with a paused room', () => {
    expect(roomPace({ busy: false, ambient: false, tweens: [endless, endless] })).toBe('still');
  });

  it('draws the ambient motion at the ambient rate while the clock runs', () => {
    expect(roomPace({ busy: false, ambient: true, tweens: [] })).toBe('ambient');
    expect(roomPace({ busy: false, ambient: true, tweens: [endless] })).toBe('ambient');
  });

  it('draws a one-off animation at full rate, even in a paused room', () => {
    expect(roomPace({ busy: false, ambient: false, tweens: [endless, once] })).toBe('lively');
    expect(roomPace({ busy: false, ambient: true, tweens: [once] })).toBe('lively');
  });

  it('repaints a drawing step by step (the countdown ring, a gauge) at the ambient rate, paused or not', () => {
    const repaint = { isInfinite: false, repaints: true };
    expect(roomPace({ busy: false, ambient: false, tweens: [repaint] })).toBe('ambient');
    expect(roomPace({ busy: false, ambient: true, tweens: [endless, repaint] })).toBe('ambient');
    // Anything moved once alongside it still takes the display's rate.
    expect(roomPace({ busy: false, ambient: false, tweens: [repaint, once] })).toBe('lively');
  });

  it('draws at full rate while the room is built, loads its files or has a change to show', () => {
    expect(roomPace({ busy: true, ambient: false, tweens: [] })).toBe('lively');
  });
});
