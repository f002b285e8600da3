import { describe, expect, it } from 'vitest';
import { speedForKey } from '../../src/ui/speed-keys.ts';

const key = (k: string, code = '', shiftKey = false) => ({ key: k, code, shiftKey });

describe('speed keys', () => {
  it('steps slower and faster with [ and ], stopping at 1x and 4x', () => {
    expect(speedForKey(key(']'), 1)).toBe(2);
    expect(speedForKey(key(']'), 2)).toBe(4);
    expect(speedForKey(key(']'), 4)).toBe(4);
    expect(speedForKey(key('['), 4)).toBe(2);
    expect(speedForKey(key('['), 1)).toBe(1);
  });

  it('jumps to 1x, 2x, 4x with Shift+1-3 by physical key, and ignores plain digits (they choose)', () => {
    expect(speedForKey(key('!', 'Digit1', true), 4)).toBe(1);
    expect(speedForKey(key('"', 'Digit2', true), 1)).toBe(2);
    expect(speedForKey(key('#', 'Digit3', true), 1)).toBe(4);
    expect(speedForKey(key('1', 'Digit1'), 2)).toBeNull();
    expect(speedForKey(key('$', 'Digit4', true), 2)).toBeNull();
  });
});
