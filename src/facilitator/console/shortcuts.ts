import { t } from './i18n.ts';

// The console's keyboard shortcuts: one table that both the key handler and the on-screen hints
// read, so what the screen says is what the keys do. Letters are matched case-insensitively and
// never with Ctrl, Cmd or Alt, which belong to the browser.

export type Command =
  | { kind: 'toggle-pause' }
  | { kind: 'speed' }
  | { kind: 'release' }
  | { kind: 'skip' }
  | { kind: 'extend' }
  | { kind: 'hold' }
  | { kind: 'record' }
  | { kind: 'reveal' }
  | { kind: 'continue' }
  | { kind: 'undo' }
  | { kind: 'end' }
  | { kind: 'note' }
  | { kind: 'presenter' }
  | { kind: 'help' }
  | { kind: 'select'; n: number }
  | { kind: 'vote'; n: number };

export type CommandKind = Command['kind'];

/** The key a button shows, and what aria-keyshortcuts says for it. */
export const KEYS: Record<Exclude<CommandKind, 'select' | 'vote'>, { show: string; aria: string }> = {
  'toggle-pause': { show: 'P', aria: 'P Space' },
  speed: { show: 'S', aria: 'S' },
  release: { show: 'I', aria: 'I' },
  skip: { show: 'K', aria: 'K' },
  extend: { show: 'E', aria: 'E' },
  hold: { show: 'T', aria: 'T' },
  record: { show: 'C', aria: 'C' },
  reveal: { show: 'R', aria: 'R' },
  continue: { show: 'N', aria: 'N' },
  undo: { show: 'U', aria: 'U' },
  end: { show: 'D', aria: 'D' },
  note: { show: 'O', aria: 'O' },
  presenter: { show: 'W', aria: 'W' },
  help: { show: '?', aria: 'Shift+?' },
};

const LETTERS: Record<string, Command> = {
  ' ': { kind: 'toggle-pause' },
  p: { kind: 'toggle-pause' },
  s: { kind: 'speed' },
  i: { kind: 'release' },
  k: { kind: 'skip' },
  e: { kind: 'extend' },
  t: { kind: 'hold' },
  c: { kind: 'record' },
  r: { kind: 'reveal' },
  n: { kind: 'continue' },
  u: { kind: 'undo' },
  d: { kind: 'end' },
  o: { kind: 'note' },
  w: { kind: 'presenter' },
  '?': { kind: 'help' },
};

export interface KeyLike {
  key: string;
  code: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export function commandFor(e: KeyLike): Command | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  // Shift changes what a digit key types ("!" for 1 on many layouts), so digits go by code.
  const digit = /^(?:Digit|Numpad)([1-5])$/.exec(e.code);
  if (digit) return { kind: e.shiftKey ? 'vote' : 'select', n: Number(digit[1]) };
  return LETTERS[e.key.toLowerCase()] ?? null;
}

/** The help list: every shortcut in words, in the console's language. */
export function shortcutHelp(): { keys: string; does: string }[] {
  const rows: [string, HelpKey][] = [
    [t('key.pOrSpace'), 'toggle-pause'],
    ['S', 'speed'],
    ['I', 'release'],
    ['E', 'extend'],
    ['T', 'hold'],
    ['K', 'skip'],
    ['1–5', 'select'],
    [t('key.shiftDigits'), 'vote'],
    ['C', 'record'],
    ['R', 'reveal'],
    ['N', 'continue'],
    ['U', 'undo'],
    ['D', 'end'],
    ['O', 'note'],
    ['W', 'presenter'],
    ['?', 'help'],
  ];
  return rows.map(([keys, kind]) => ({ keys, does: t(`help.${kind}`) }));
}

type HelpKey = CommandKind;
