// What of the static layer a frame must draw again. The canvas keeps its pixels from one frame to
// the next (the game's preserveDrawingBuffer), so once the whole layer has been drawn a frame need
// only restore the layer where something moved (where it was last frame and where it is now) and
// draw the moving things over it. Measured in headless Chromium with SwiftShader, the one quad
// of the whole layer was most of an ambient frame's GPU time: the page then missed every other
// display frame while the room ran.

/** A rectangle in canvas (device) pixels, whole numbers. */
export interface PixelRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type Redraw = { kind: 'whole' } | { kind: 'patches'; rects: PixelRect[] };

/** More pieces than this cost more in quads than the whole layer's one. */
export const PATCH_LIMIT = 32;
/** Pieces covering more than this share of the canvas: the whole layer is as cheap. */
export const WHOLE_SHARE = 0.5;
/** CSS pixels added around a moving thing: smoothing can reach a pixel beyond its bounds. */
export const PATCH_PAD = 2;

export interface RedrawInput {
  /** The canvas, in device pixels. */
  canvas: { width: number; height: number };
  /** The layer was drawn again, or the canvas was cleared: every pixel must be drawn. */
  whole: boolean;
  /** Where moving things were drawn last frame; null when not known (the last frame drew everything). */
  previous: readonly PixelRect[] | null;
  /** Where they are now; null when one of them has no bounds. */
  current: readonly PixelRect[] | null;
}

export function planRedraw({ canvas, whole, previous, current }: RedrawInput): Redraw {
  if (whole || previous === null || current === null) return { kind: 'whole' };
  const inside = [...previous, ...current].map((r) => clamp(r, canvas)).filter((r): r is PixelRect => r !== null);
  const rects = mergeOverlapping(inside);
  if (rects === null || rects.length > PATCH_LIMIT) return { kind: 'whole' };
  const drawn = rects.reduce((sum, r) => sum + area(r), 0);
  if (drawn > WHOLE_SHARE * canvas.width * canvas.height) return { kind: 'whole' };
  return { kind: 'patches', rects };
}

/** A moving thing's bounds (CSS pixels) as canvas pixels, padded and rounded outwards; null when not a finite area. */
export function pixelRect(bounds: { x: number; y: number; width: number; height: number }, dpr: number): PixelRect | null {
  const { x, y, width, height } = bounds;
  if (![x, y, width, height].every(Number.isFinite) || width < 0 || height < 0) return null;
  const left = Math.floor((x - PATCH_PAD) * dpr);
  const top = Math.floor((y - PATCH_PAD) * dpr);
  return { x: left, y: top, w: Math.ceil((x + width + PATCH_PAD) * dpr) - left, h: Math.ceil((y + height + PATCH_PAD) * dpr) - top };
}

function clamp(r: PixelRect, canvas: { width: number; height: number }): PixelRect | null {
  const x = Math.max(0, r.x);
  const y = Math.max(0, r.y);
  const w = Math.min(canvas.width, r.x + r.w) - x;
  const h = Math.min(canvas.height, r.y + r.h) - y;
  return w > 0 && h > 0 ? { x, y, w, h } : null;
}

const overlap = (a: PixelRect, b: PixelRect): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

function union(a: PixelRect, b: PixelRect): PixelRect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

const area = (r: PixelRect): number => r.w * r.h;

/**
 * Overlapping pieces joined where their bounding box costs no more pixels than the two apart
 * (neighbouring halos on the map are not joined into one block with the gap between them);
 * the pieces left overlapping draw the same pixels twice, which shows the same. Null when
 * there are too many to be worth joining (the caller draws the whole layer).
 */
function mergeOverlapping(rects: PixelRect[]): PixelRect[] | null {
  if (rects.length > PATCH_LIMIT * 4) return null;
  const out = [...rects];
  // Each join removes a piece, so this ends after at most rects.length passes.
  for (let joined = true; joined; ) {
    joined = false;
    for (let i = 0; i < out.length; i++) {
      for (let j = out.length - 1; j > i; j--) {
        const a = out[i]!;
        const b = out[j]!;
        if (!overlap(a, b)) continue;
        const both = union(a, b);
        if (area(both) > area(a) + area(b)) continue;
        out[i] = both;
        out.splice(j, 1);
        joined = true;
      }
    }
  }
  return out;
}
