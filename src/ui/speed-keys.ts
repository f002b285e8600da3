import type { Speed } from '../store/pace.ts';

// Speed keys for the incident: [ and ] step slower and faster, Shift+1–3 jump to 1×, 2×, 4×
// (by physical key, so Shift+1 works whatever character the layout makes of it).

export const SPEEDS: readonly Speed[] = [1, 2, 4];

/** The speed one step slower or faster, or Shift+1–3 straight to 1×, 2×, 4×; null when the key is not a speed key. */
export function speedForKey(e: Pick<KeyboardEvent, 'key' | 'code' | 'shiftKey'>, current: Speed): Speed | null {
  const at = SPEEDS.indexOf(current);
  if (e.key === '[') return SPEEDS[Math.max(0, at - 1)]!;
  if (e.key === ']') return SPEEDS[Math.min(SPEEDS.length - 1, at + 1)]!;
  const digit = /^Digit([1-3])$/.exec(e.code);
  if (e.shiftKey && digit) return SPEEDS[Number(digit[1]) - 1]!;
  return null;
}
