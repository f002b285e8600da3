// How often the room must be drawn, decided after each frame. Every frame a WebGL canvas draws
// costs a fixed price (measured with SwiftShader: most of a frame's CPU goes to handing the
// canvas to the page, whatever is on it), so the cheapest frame is the one not drawn:
// - still: nothing will change until the store, the size or a widget says so; the game loop
//   sleeps and the canvas keeps its last picture (a paused room, or one with reduced motion);
// - ambient: only the room's slow, endless motion runs (radar sweep, flowing dots, news strip,
//   pulsing halos), or a drawing is repainted step by step (the countdown ring emptying, a
//   gauge's arc filling), which reads the same at half the display's rate;
// - lively: something is being built, loaded or moved once (a shudder, a flying message),
//   drawn at the display's full rate.

export type RoomPace = 'still' | 'ambient' | 'lively';

/** Frames per second for the ambient motion; 0 (no limit) is the display's own rate. */
export const PACE_FPS: Record<Exclude<RoomPace, 'still'>, number> = { ambient: 30, lively: 0 };

export interface PaceInput {
  /** The room is being built, its files are loading, or its still layer must be drawn again. */
  busy: boolean;
  /** The clock runs with motion allowed: the ambient motion moves. */
  ambient: boolean;
  /** Tweens that are playing now (not paused, not finished); `repaints`: one that redraws a drawing rather than moving objects. */
  tweens: readonly { isInfinite: boolean; repaints?: boolean }[];
}

export function roomPace({ busy, ambient, tweens }: PaceInput): RoomPace {
  if (busy) return 'lively';
  // A one-off animation plays to its end even while the clock is paused (it answers something
  // the player did); endless ones hold still with the rest of a paused room.
  const once = tweens.filter((t) => !t.isInfinite);
  if (once.some((t) => !t.repaints)) return 'lively';
  return ambient || once.length > 0 ? 'ambient' : 'still';
}
