import type * as Phaser from 'phaser';
import { css, FONT_MONO, FONT_UI } from '../palette.ts';
import { markDirty } from './dirty.ts';

// Text on the canvas. Every Text is rendered at the device pixel ratio because the camera is
// zoomed by it (see war-room-scene.ts); without that, text would be blurry on phones.

export interface TextSpec {
  size: number;
  colour: number;
  bold?: boolean;
  mono?: boolean;
  /** Letter spacing feel for small caps labels: uppercases the text. */
  caps?: boolean;
  alpha?: number;
}

/** No word in the war room is drawn smaller than this many CSS pixels, at any screen size. */
export const MIN_TEXT_PX = 12;

/** A font size the room may use: whole pixels, never below MIN_TEXT_PX. */
export function textPx(size: number): number {
  return Math.max(MIN_TEXT_PX, Math.round(size));
}

export function addText(scene: Phaser.Scene, dpr: number, x: number, y: number, text: string, spec: TextSpec): Phaser.GameObjects.Text {
  const fontFamily = spec.mono ? FONT_MONO : FONT_UI;
  const fontSize = `${textPx(spec.size)}px`;
  const fontStyle = spec.bold ? 'bold' : 'normal';
  // Made empty and given its words below, through the wrapped updateText.
  const t = withoutUploads(scene, () =>
    scene.add.text(x, y, '', {
      fontFamily,
      fontSize,
      fontStyle,
      color: css(spec.colour),
      resolution: dpr,
      metrics: fontMetrics(cssFont(fontStyle, fontSize, fontFamily), TEST_STRING),
    }),
  );
  // A new font size measures the font again (Phaser draws a test string on a fresh canvas for
  // every Text, every time): the room's few fonts are measured once for the page instead.
  const style = t.style;
  style.update = (recalculateMetrics: boolean) => {
    if (recalculateMetrics) {
      const font = cssFont(style.fontStyle, String(style.fontSize), style.fontFamily);
      // What TextStyle.update sets: the font string its canvas is given (syncFont) and the metrics.
      const fields = style as unknown as { _font: string; metrics: Phaser.Types.GameObjects.Text.TextMetrics };
      fields._font = font;
      fields.metrics = fontMetrics(font, style.testString);
    }
    return t.updateText();
  };
  if (spec.alpha !== undefined) t.setAlpha(spec.alpha);
  // Every later size change goes through the same floor, wherever a widget computes it.
  const setFontSize = t.setFontSize.bind(t);
  t.setFontSize = (size: number | string) => setFontSize(textPx(typeof size === 'number' ? size : parseFloat(size)));
  // Phaser's setColor draws the text again (and sends it to the GPU) even for the colour it has.
  const setColor = t.setColor.bind(t);
  t.setColor = (color: string | CanvasGradient | CanvasPattern) => (color === t.style.color ? t : setColor(color));
  const updateText = t.updateText.bind(t);
  t.updateText = () => {
    // Phaser re-renders a Text's texture only when its text or style changed; so must the static layer.
    markDirty(scene, t);
    // Measured and drawn on its canvas now (widgets read its size at once), but sent to the GPU
    // once before the next frame (flushTextUploads): a widget sets a label's size, colour and
    // words one after the other, and fitting one to its box tries several lengths, each of which
    // Phaser would upload; with software GL each upload is a copy the first frame waits for.
    const renderer = t.renderer;
    t.renderer = null as unknown as typeof renderer;
    try {
      updateText();
    } finally {
      t.renderer = renderer;
    }
    // The canvas renderer draws from the canvas itself.
    if (isWebGL(renderer)) unsentOf(scene).add(t);
    return t;
  };
  t.setText(spec.caps ? text.toUpperCase() : text);
  // Phaser's setText draws nothing when the words are the same: an empty label still needs its texture.
  if (isWebGL(t.renderer)) unsentOf(scene).add(t);
  return t;
}

/**
 * Phaser's Text constructor sends its empty canvas to the GPU twice: as the new canvas texture,
 * which it deletes at once, and again when it first draws. With software GL each is a copy that
 * the room's first frame waits for (about 60 labels, half of its ~130 uploads). Made while the
 * renderer uploads nothing, a label has no texture until flushTextUploads sends its drawn words.
 */
function withoutUploads<T>(scene: Phaser.Scene, make: () => T): T {
  const renderer = scene.sys.renderer;
  if (!isWebGL(renderer) || Object.hasOwn(renderer, 'canvasToTexture')) return make();
  const shadow = renderer as unknown as { canvasToTexture: () => null };
  shadow.canvasToTexture = () => null;
  try {
    return make();
  } finally {
    // Back to the renderer's own method, on its prototype.
    delete (shadow as Partial<typeof shadow>).canvasToTexture;
  }
}

/** Phaser's test string for a font's height (TextStyle's default): capitals, an accent and descenders. */
const TEST_STRING = '|MÉqgy';

/** A CSS font shorthand, as Phaser's TextStyle joins it. */
function cssFont(fontStyle: string, fontSize: string, fontFamily: string): string {
  return [fontStyle, fontSize, fontFamily].join(' ').trim();
}

const metricsCache = new Map<string, Phaser.Types.GameObjects.Text.TextMetrics>();
let measuring: CanvasRenderingContext2D | null = null;

/**
 * A font's ascent and descent over the test string, as Phaser's MeasureText finds them
 * (actualBoundingBox*), measured once per font for the page: the room's labels share a handful.
 * Kept only when no font is loading, so a stand-in's figures never outlive the font they stand
 * in for (measuring with a font not loaded yet starts its load). `document.fonts.check(font)`
 * said the same per font, at 0.5-3 ms a call: it looks up every family of the stack.
 */
function fontMetrics(font: string, testString: string): Phaser.Types.GameObjects.Text.TextMetrics {
  const key = `${font}|${testString}`;
  const known = metricsCache.get(key);
  if (known) return known;
  measuring ??= document.createElement('canvas').getContext('2d');
  if (!measuring) return { ascent: 0, descent: 0, fontSize: 0 };
  measuring.font = font;
  const m = measuring.measureText(testString);
  const metrics = { ascent: m.actualBoundingBoxAscent, descent: m.actualBoundingBoxDescent, fontSize: m.actualBoundingBoxAscent + m.actualBoundingBoxDescent };
  if (!('fonts' in document) || document.fonts.status === 'loaded') metricsCache.set(key, metrics);
  return metrics;
}

/** Without Phaser's classes at run time: the layout tests import this file in Node. */
function isWebGL(renderer: Phaser.Renderer.Canvas.CanvasRenderer | Phaser.Renderer.WebGL.WebGLRenderer | null): renderer is Phaser.Renderer.WebGL.WebGLRenderer {
  return renderer !== null && 'gl' in renderer && Boolean(renderer.gl);
}

/** Per scene, the Texts whose canvas changed since their texture was last sent to the GPU. */
const unsent = new WeakMap<Phaser.Scene, Set<Phaser.GameObjects.Text>>();

function unsentOf(scene: Phaser.Scene): Set<Phaser.GameObjects.Text> {
  let texts = unsent.get(scene);
  if (!texts) unsent.set(scene, (texts = new Set()));
  return texts;
}

/** Sends the scene's changed Texts to the GPU, each once; called before anything is drawn (static-layer.ts). */
export function flushTextUploads(scene: Phaser.Scene): void {
  const texts = unsent.get(scene);
  if (!texts || texts.size === 0) return;
  const renderer = scene.sys.renderer;
  if (isWebGL(renderer)) {
    for (const t of texts) {
      // Destroyed since it changed: its canvas went back to Phaser's pool.
      if (!t.scene || !t.canvas) continue;
      const source = t.frame.source;
      source.glTexture = renderer.canvasToTexture(t.canvas, source.glTexture ?? undefined, true);
    }
  }
  texts.clear();
}

/** Sets text, then shortens it with an ellipsis until it fits `maxWidth` (measured, not guessed). */
export function setFitted(t: Phaser.GameObjects.Text, text: string, maxWidth: number): void {
  t.setText(text);
  if (maxWidth <= 0) {
    t.setText('');
    return;
  }
  if (t.width <= maxWidth) return;
  let lo = 0;
  let hi = text.length;
  // Binary search on the number of characters kept; each probe re-measures the Text.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    t.setText(`${text.slice(0, mid).trimEnd()}…`);
    if (t.width <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  t.setText(lo > 0 ? `${text.slice(0, lo).trimEnd()}…` : '');
}

/** Shrinks the font size (down to `min`) until the text fits `maxWidth`. */
export function shrinkToFit(t: Phaser.GameObjects.Text, maxWidth: number, size: number, min: number): void {
  min = Math.max(min, MIN_TEXT_PX);
  let s = Math.max(min, Math.round(size));
  t.setFontSize(s);
  while (t.width > maxWidth && s > min) {
    s -= 1;
    t.setFontSize(s);
  }
}

/**
 * Breaks text into at most `maxLines` lines that fit `maxWidth`, word by word; the last line
 * is shortened with an ellipsis if the text still does not fit.
 */
export function setWrapped(t: Phaser.GameObjects.Text, text: string, maxWidth: number, maxLines: number): void {
  t.setText(text);
  if (t.width <= maxWidth || maxLines <= 1) {
    setFitted(t, text, maxWidth);
    return;
  }
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let rest = words;
  while (rest.length > 0 && lines.length < maxLines - 1) {
    let take = rest.length;
    // The longest run of words that fits on this line (at least one word).
    for (; take > 1; take--) {
      t.setText(rest.slice(0, take).join(' '));
      if (t.width <= maxWidth) break;
    }
    lines.push(rest.slice(0, take).join(' '));
    rest = rest.slice(take);
  }
  if (rest.length > 0) {
    setFitted(t, rest.join(' '), maxWidth);
    lines.push(t.text);
  }
  // A first-line word that alone is too wide is shortened too.
  const fitted = lines.map((line) => {
    t.setText(line);
    if (t.width <= maxWidth) return line;
    setFitted(t, line, maxWidth);
    return t.text;
  });
  t.setText(fitted.join('\n'));
}
