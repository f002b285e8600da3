import { describe, expect, it } from 'vitest';
import { commandFor, KEYS, shortcutHelp } from '../../src/facilitator/console/shortcuts.ts';

const key = (k: string, code = '', mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  code,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('console shortcuts', () => {
  it('maps letters case-insensitively and leaves browser shortcuts alone', () => {
    expect(commandFor(key(' ', 'Space'))).toEqual({ kind: 'toggle-pause' });
    expect(commandFor(key('R', 'KeyR', { shiftKey: true }))).toEqual({ kind: 'reveal' });
    expect(commandFor(key('u', 'KeyU'))).toEqual({ kind: 'undo' });
    expect(commandFor(key('r', 'KeyR', { ctrlKey: true }))).toBeNull();
    expect(commandFor(key('d', 'KeyD', { metaKey: true }))).toBeNull();
    expect(commandFor(key('x', 'KeyX'))).toBeNull();
  });

  it('reads digits by their key position, so Shift+1 is a vote whatever the layout types', () => {
    expect(commandFor(key('3', 'Digit3'))).toEqual({ kind: 'select', n: 3 });
    expect(commandFor(key('!', 'Digit1', { shiftKey: true }))).toEqual({ kind: 'vote', n: 1 });
    expect(commandFor(key('5', 'Numpad5'))).toEqual({ kind: 'select', n: 5 });
    expect(commandFor(key('6', 'Digit6'))).toBeNull();
  });

  it('shows on screen the same key the handler uses', () => {
    for (const [kind, { show }] of Object.entries(KEYS)) {
      const k = show === 'Space' ? ' ' : show;
      expect(commandFor(key(k, ''))?.kind).toBe(kind);
      expect(shortcutHelp().some((h) => h.keys.split(' ')[0] === show || h.keys === show)).toBe(true);
    }
  });
});
