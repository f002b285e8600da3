// Pure estimates of how canvas text wraps, for the layout maths and its tests (the widgets
// measure the real text; these err on the wide side so a plan that fits here fits there).
// Widths are for the room's UI font (Inter) at `px` CSS pixels, bold.

const WIDEST = /[MW@%]/;
const WIDER = /[mw]/;
const WIDE = /[A-Z0-9&]/;
const NARROW = /[il.,:;'’|!]/;
const SLIM = /[()\[\]/\-]/;

/**
 * A generous width estimate, from Inter's bold advances measured in Chromium: 1.04 em for
 * M/W/@/%, 0.92 for m/w, 0.78 for other capitals and digits, 0.62 for other letters (up to
 * 0.63 measured, the narrow t, r, f and s make up for it in a word), 0.34 for i, l and light
 * punctuation, 0.48 for brackets and hyphens, 0.3 for a space.
 */
export function estimateWidth(text: string, px: number): number {
  let em = 0;
  for (const ch of text) em += ch === ' ' ? 0.3 : WIDEST.test(ch) ? 1.04 : WIDER.test(ch) ? 0.92 : WIDE.test(ch) ? 0.78 : NARROW.test(ch) ? 0.34 : SLIM.test(ch) ? 0.48 : 0.62;
  return em * px;
}

/** Wraps words greedily into lines of at most `width`; null when a single word is wider than that. */
export function wrapEstimate(text: string, width: number, px: number): string[] | null {
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/)) {
    if (estimateWidth(word, px) > width) return null;
    const next = line ? `${line} ${word}` : word;
    if (estimateWidth(next, px) <= width) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** True when `text` fits `width` in at most `maxLines` lines without cutting a word. */
export function fitsInLines(text: string, width: number, maxLines: number, px: number): boolean {
  const lines = wrapEstimate(text, width, px);
  return lines !== null && lines.length <= maxLines;
}
