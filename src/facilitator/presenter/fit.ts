// The projector never scrolls and never cuts text off: when the situation, the options and the
// injects do not fit, the type shrinks step by step; if that is not enough, the war-room graphic
// gives its space to the text. Bounded: a fixed number of steps, each one layout.

/** The smallest type the presenter uses, in CSS px. */
export const MIN_FONT_PX = 12;
/** Large-text mode: body text of at least 32 px at 1920 px wide. */
export const LARGE_TEXT_FACTOR = 1.55;
const STEP = 0.94;
const MAX_STEPS = 40;

/** The presenter's root type size for a window width, as its style sheet's clamp() has it. */
export function baseFontPx(width: number, large: boolean): number {
  const base = Math.min(28, Math.max(14, 0.0095 * width + 3));
  return large ? base * LARGE_TEXT_FACTOR : base;
}

export function overflows(el: HTMLElement): boolean {
  return el.scrollHeight > el.clientHeight || el.scrollWidth > el.clientWidth;
}

/**
 * Sets the root font size so that none of `boxes` overflows. `shell` gets data-squeeze="on" when
 * the graphic had to give way. Returns the size chosen.
 */
export function fitToScreen(html: HTMLElement, shell: HTMLElement, boxes: HTMLElement[], large: boolean): number {
  const base = baseFontPx(html.clientWidth || window.innerWidth, large);
  // Measuring needs each size to apply at once: no transition (reduced motion's tiny ones
  // included) may hold the old size while the layout is read.
  html.dataset.fitting = '';
  const shrink = (floor: number): number => {
    let size = base;
    html.style.fontSize = `${size}px`;
    for (let i = 0; i < MAX_STEPS && boxes.some(overflows) && size > floor; i++) {
      size = Math.max(floor, size * STEP);
      html.style.fontSize = `${size}px`;
    }
    return size;
  };
  shell.dataset.squeeze = 'off';
  // With the graphic: shrink no further than four fifths of the usual size.
  let size = shrink(Math.max(MIN_FONT_PX, base * 0.8));
  if (boxes.some(overflows)) {
    shell.dataset.squeeze = 'on';
    size = shrink(MIN_FONT_PX);
  }
  html.dataset.fit = String(Math.round((size / base) * 100));
  delete html.dataset.fitting;
  return size;
}
