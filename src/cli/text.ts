// Small text helpers for aligned terminal output.

export function padEnd(value: string | number, width: number): string {
  return String(value).padEnd(width);
}

export function padStart(value: string | number, width: number): string {
  return String(value).padStart(width);
}

/** 1,234,567; past a trillion, 1.2e15 (path counts get astronomical). */
export function count(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return n >= 1e12 ? n.toExponential(1).replace('+', '') : Math.round(n).toLocaleString('en-GB');
}

export function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** T+h:mm of game time. */
export function gameTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `T+${h}:${String(m).padStart(2, '0')}`;
}

/** A score change with a true minus sign, as the debrief and the exports print it. */
export function points(delta: number): string {
  return delta > 0 ? `+${delta}` : delta < 0 ? `−${Math.abs(delta)}` : '0';
}

export function money(amount: number, currency: string): string {
  return `${Math.round(amount).toLocaleString('en-GB')} ${currency}`;
}

/**
 * Text from a scenario, safe for a terminal: control characters (ESC sequences, BEL, a
 * carriage return that would overwrite the line) are shown as \x1b-style escapes instead of
 * being obeyed. Newlines and tabs stay.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
