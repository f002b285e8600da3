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

/** The help list: every shortcut in words. */
export const SHORTCUT_HELP: { keys: string; does: string }[] = [
  { keys: 'P or Space', does: 'Start the incident, pause, resume (P always; Space when no button or field has the focus)' },
  { keys: 'S', does: 'Speed: 1×, 2×, 4×' },
  { keys: 'I', does: 'Release the next inject now' },
  { keys: 'E', does: 'Give the decision 5 more real minutes (real-time clock)' },
  { keys: 'T', does: 'Stop the decision’s timer' },
  { keys: 'K', does: 'Skip the beat (asks first; its default applies)' },
  { keys: '1–5', does: 'Mark the option the team chose' },
  { keys: 'Shift + 1–5', does: 'Add a vote for an option' },
  { keys: 'C', does: 'Record the team’s choice and the votes' },
  { keys: 'R', does: 'Reveal the consequences to the room' },
  { keys: 'N', does: 'Next decision' },
  { keys: 'U', does: 'Undo the last choice (it stays in the record)' },
  { keys: 'D', does: 'End the exercise and go to the debrief' },
  { keys: 'O', does: 'Take a note' },
  { keys: 'W', does: 'Open the presenter window' },
  { keys: '?', does: 'Show these shortcuts' },
];
