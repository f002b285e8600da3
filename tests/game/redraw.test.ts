import { describe, expect, it } from 'vitest';
import { PATCH_LIMIT, PATCH_PAD, pixelRect, planRedraw, type PixelRect } from '../../src/game/redraw.ts';

// What of the war room's still layer a frame draws again: all of it, or pieces where things moved.

const canvas = { width: 800, height: 300 };
const rect = (x: number, y: number, w: number, h: number): PixelRect => ({ x, y, w, h });
const pieces = (plan: ReturnType<typeof planRedraw>): PixelRect[] => (plan.kind === 'patches' ? plan.rects : []);

describe('planRedraw', () => {
  it('draws the whole layer after it was drawn again, or when a moving thing has no known place', () => {
    expect(planRedraw({ canvas, whole: true, previous: [], current: [] })).toEqual({ kind: 'whole' });
    expect(planRedraw({ canvas, whole: false, previous: null, current: [rect(0, 0, 10, 10)] })).toEqual({ kind: 'whole' });
    expect(planRedraw({ canvas, whole: false, previous: [rect(0, 0, 10, 10)], current: null })).toEqual({ kind: 'whole' });
  });

  it('draws where things were last frame as well as where they are now', () => {
    const plan = planRedraw({ canvas, whole: false, previous: [rect(10, 10, 20, 20)], current: [rect(100, 10, 20, 20)] });
    expect(pieces(plan)).toEqual([rect(10, 10, 20, 20), rect(100, 10, 20, 20)]);
  });

  it('draws nothing when nothing moves', () => {
    expect(planRedraw({ canvas, whole: false, previous: [], current: [] })).toEqual({ kind: 'patches', rects: [] });
  });

  it('joins overlapping pieces when their joint box costs no more pixels, and keeps them apart otherwise', () => {
    // A dot that moved a little: one box.
    expect(pieces(planRedraw({ canvas, whole: false, previous: [rect(10, 10, 20, 20)], current: [rect(14, 12, 20, 20)] }))).toEqual([rect(10, 10, 24, 22)]);
    // Two long pieces crossing at right angles: their joint box would be mostly empty.
    const cross = pieces(planRedraw({ canvas, whole: false, previous: [rect(0, 100, 300, 10)], current: [rect(100, 0, 10, 250)] }));
    expect(cross).toHaveLength(2);
  });

  it('joins until no two pieces overlap, even when a joined box reaches a piece already passed', () => {
    const rects = [rect(0, 0, 10, 10), rect(40, 0, 10, 10), rect(8, 0, 34, 10)];
    expect(pieces(planRedraw({ canvas, whole: false, previous: rects, current: [] }))).toEqual([rect(0, 0, 50, 10)]);
  });

  it('keeps pieces inside the canvas, and leaves out those wholly outside it', () => {
    const plan = planRedraw({ canvas, whole: false, previous: [rect(-5, -5, 20, 20), rect(900, 10, 10, 10)], current: [rect(790, 290, 20, 20)] });
    expect(pieces(plan)).toEqual([rect(0, 0, 15, 15), rect(790, 290, 10, 10)]);
  });

  it('draws the whole layer when the pieces would cover over half the canvas, or be too many', () => {
    expect(planRedraw({ canvas, whole: false, previous: [rect(0, 0, 500, 300)], current: [] })).toEqual({ kind: 'whole' });
    const many = Array.from({ length: PATCH_LIMIT + 1 }, (_, i) => rect(i * 20, 0, 10, 10));
    expect(planRedraw({ canvas, whole: false, previous: many, current: [] })).toEqual({ kind: 'whole' });
    expect(planRedraw({ canvas, whole: false, previous: many.slice(1), current: [] }).kind).toBe('patches');
  });
});

describe('pixelRect', () => {
  it('pads a moving thing and rounds outwards to whole device pixels', () => {
    expect(pixelRect({ x: 10.4, y: 20.6, width: 5.2, height: 3 }, 1)).toEqual({ x: 10 - PATCH_PAD, y: 18, w: 10, h: 8 });
    expect(pixelRect({ x: 10, y: 20, width: 5, height: 5 }, 2)).toEqual({ x: 16, y: 36, w: 18, h: 18 });
  });

  it('has no place for a thing with no finite bounds', () => {
    expect(pixelRect({ x: Number.NaN, y: 0, width: 5, height: 5 }, 1)).toBeNull();
    expect(pixelRect({ x: 0, y: 0, width: Number.POSITIVE_INFINITY, height: 5 }, 1)).toBeNull();
  });
});
