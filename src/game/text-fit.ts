// Pure estimates of how canvas text wraps, for the layout maths and its tests (the widgets
// measure the real text; these err on the wide side so a plan that fits here fits there).
// Widths are for the room's UI font (Inter) at `px` CSS pixels, bold.

const WIDE = /[A-Z0-9MWmw@%&]/;

/** A generous width estimate: 0.62 em per lowercase letter, 0.74 em for capitals, digits and wide letters. */
export function estimateWidth(text: string, px: number): number {
  let em = 0;
  for (const ch of text) em += ch === ' ' ? 0.3 : WIDE.test(ch) ? 0.74 : /[il.,:;'|!()-]/.test(ch) ? 0.34 : 0.62;
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
