import type * as Phaser from 'phaser';
import { GameObject as AnyGameObject, SceneEvents, TransformMatrix, WebGLRenderer } from '../phaser.ts';
import { PALETTE } from '../palette.ts';
import { pixelRect, planRedraw, type PixelRect } from '../redraw.ts';
import { offDirty, onDirty } from './dirty.ts';
import { flushTextUploads } from './text.ts';

// The room drawn once, not every frame. Everything that stands still (panels, names, faces,
// arcs, words) is drawn into one texture the size of the canvas, and the screen then shows
// that one image plus the few things that move: the radar sweep, the flowing dots, the news
// strip, and whatever a tween is animating at the moment. Measured in headless Chromium with
// SwiftShader, drawing ~100 objects every frame cost about twice the frame time of a bare
// Phaser app; one image costs about as much as a bare app's frame.
//
// Which camera draws an object is chosen with Phaser's camera filter, not with `visible`, so
// the widgets' own show/hide decisions stay theirs: a still object is filtered out of the main
// camera (only the bake draws it), a moving one out of the bake's camera (only the screen
// draws it). The bake runs again only when something marks it dirty (a widget's layout or
// update, a text or baked drawing changing, unless the screen draws that one live) or when the
// set of moving objects changes.
//
// Nor is the whole layer drawn on screen every frame: the canvas keeps its pixels, so a frame
// after the first draws only pieces of it, where things moved, and the moving things over them
// (redraw.ts).

/** The bake camera's id bit; the scene's own cameras take the low bits. */
const BAKE_CAMERA = 1 << 30;

type GameObject = Phaser.GameObjects.GameObject & { cameraFilter: number; list?: GameObject[] };


let serial = 0;

export class StaticLayer {
  readonly image: Phaser.GameObjects.Image;
  private texture: Phaser.Textures.DynamicTexture | null = null;
  private readonly key = `war-room-static-${++serial}`;
  private readonly moving = new Set<Phaser.GameObjects.GameObject>();
  private lastMoving = new Set<Phaser.GameObjects.GameObject>();
  /** Objects a widget repaints while a tween plays (a counter tween has no object to find). */
  private readonly tweenBound = new Map<Phaser.Tweens.Tween, Phaser.GameObjects.GameObject[]>();
  private isDirty = true;
  /** Images of pieces of the layer, just above the whole one (see showPieces). */
  private readonly pieces: Phaser.GameObjects.Image[] = [];
  /** Where the moving things were drawn last frame, in canvas pixels; null when not known. */
  private drawnAt: PixelRect[] | null = null;
  /** The layer was drawn again with no frame drawn since: the next frame draws all of it. */
  private unshown = true;

  /** `onChange` hears of every change the screen must show (a sleeping game loop wakes for it). */
  constructor(
    private readonly scene: Phaser.Scene,
    private readonly dpr: number,
    private readonly onChange: () => void,
  ) {
    onDirty(scene, (changed) => this.changed(changed));
    // First in the display list, so it lies under everything that moves.
    this.image = scene.add.image(0, 0, '__DEFAULT').setOrigin(0, 0).setVisible(false);
    (this.image as unknown as GameObject).cameraFilter = BAKE_CAMERA;
    // The layer is opaque (filled with the background, see bake) and covers the whole canvas, so
    // it replaces the canvas's pixels rather than blending over them, and once it is shown the
    // renderer need not clear the canvas first (war-room-scene.ts). Together, with SwiftShader:
    // about a fifth less CPU per frame (20 against 25 ms, four rounds on a loaded machine).
    const blend = replaceBlendMode(scene.renderer);
    if (blend !== null) this.image.setBlendMode(blend);
    scene.events.on(SceneEvents.PRE_RENDER, this.beforeFrame, this);
  }

  /** Objects changed every frame by a widget's tick (tweened objects are found by themselves). */
  keepMoving(...objects: Phaser.GameObjects.GameObject[]): void {
    for (const o of objects) this.moving.add(o);
    this.markDirty();
  }

  /** Objects repainted by a tween that tweens no object of its own (tweens.addCounter), for as long as it plays. */
  moveWhile(tween: Phaser.Tweens.Tween, ...objects: Phaser.GameObjects.GameObject[]): void {
    this.tweenBound.set(tween, objects);
  }

  /** Whether `tween` repaints objects given to moveWhile. */
  repaints(tween: Phaser.Tweens.Tween): boolean {
    return this.tweenBound.has(tween);
  }

  markDirty(): void {
    this.isDirty = true;
    this.onChange();
  }

  /** Something drawn changed: the layer is drawn again unless the screen draws that thing live. */
  private changed(object: object | undefined): void {
    if (object && this.drawnLive(object)) return this.onChange();
    this.markDirty();
  }

  private drawnLive(object: object): boolean {
    for (let o = object as Phaser.GameObjects.GameObject | null; o; o = o.parentContainer) if (this.lastMoving.has(o)) return true;
    return false;
  }

  /** The layer must be drawn again before the next frame shows. */
  get dirty(): boolean {
    return this.isDirty;
  }

  /** Sizes the layer to the canvas, in CSS pixels. */
  resize(width: number, height: number): void {
    const w = Math.max(2, Math.ceil(width * this.dpr));
    const h = Math.max(2, Math.ceil(height * this.dpr));
    const textures = this.scene.textures;
    if (this.texture && (this.texture.width < w || this.texture.height < h || this.texture.width > w + 1 || this.texture.height > h + 1)) {
      for (const piece of [this.image, ...this.pieces]) piece.setTexture('__DEFAULT');
      textures.remove(this.key);
      this.texture = null;
    }
    if (!this.texture) {
      this.texture = textures.addDynamicTexture(this.key, w, h);
      if (!this.texture) throw new Error('the war room could not create its static layer texture');
      const camera = this.texture.camera;
      (camera as { id: number }).id = BAKE_CAMERA;
      camera.setOrigin(0, 0).setZoom(this.dpr);
    }
    // Pieces too: a new size is a new texture under the same key.
    for (const piece of [this.image, ...this.pieces]) piece.setTexture(this.key).setScale(1 / this.dpr);
    this.image.setVisible(true);
    this.markDirty();
  }

  destroy(): void {
    this.scene.events.off(SceneEvents.PRE_RENDER, this.beforeFrame, this);
    offDirty(this.scene);
    this.moving.clear();
    this.lastMoving.clear();
    this.tweenBound.clear();
    for (const piece of this.pieces) piece.destroy();
    this.pieces.length = 0;
    this.image.destroy();
    if (this.scene.textures?.exists(this.key)) this.scene.textures.remove(this.key);
    this.texture = null;
  }

  private movingNow(): Set<Phaser.GameObjects.GameObject> {
    const now = new Set<Phaser.GameObjects.GameObject>();
    for (const o of this.moving) if (o.scene) now.add(o);
    for (const tween of this.scene.tweens.getTweens()) {
      if (tween.isDestroyed() || tween.isPendingRemove()) continue;
      for (const target of tween.targets as unknown[]) {
        if (target instanceof AnyGameObject && target.scene) now.add(target);
      }
    }
    for (const [tween, objects] of this.tweenBound) {
      if (tween.isDestroyed() || tween.isPendingRemove()) this.tweenBound.delete(tween);
      else for (const o of objects) if (o.scene) now.add(o);
    }
    return now;
  }

  /**
   * Draws the layer again if anything in it changed. The scene calls it once by itself before the
   * room's first frame (see war-room-scene.ts); that frame then draws all of it.
   */
  bake(): void {
    // Before anything is drawn, by the bake or by the screen's camera.
    flushTextUploads(this.scene);
    const texture = this.texture;
    if (!texture) return;
    const moving = this.movingNow();
    const same = moving.size === this.lastMoving.size && [...moving].every((o) => this.lastMoving.has(o));
    this.lastMoving = moving;
    if (!this.isDirty && same) return;
    this.isDirty = false;
    this.unshown = true;
    const screen = this.scene.cameras.main.id;
    const children = this.scene.children.list as GameObject[];
    const own = new Set<unknown>([this.image, ...this.pieces]);
    for (const child of children) if (!own.has(child)) classify(child, moving, screen);
    texture.fill(PALETTE.background, 1);
    texture.draw(children.filter((c) => !own.has(c) && c.willRender(texture.camera)));
    texture.render();
  }

  /** Before every frame: the layer drawn again if it changed, then what of it the frame shows (redraw.ts). */
  private beforeFrame(): void {
    this.bake();
    const texture = this.texture;
    if (!texture) return;
    const current = whereDrawn(this.lastMoving, this.dpr);
    const plan = planRedraw({
      canvas: { width: texture.width, height: texture.height },
      // A canvas cleared before each frame (while the room is built) keeps nothing to draw over.
      whole: this.unshown || clearsCanvas(this.scene.renderer),
      previous: this.drawnAt,
      current,
    });
    this.unshown = false;
    this.drawnAt = current;
    if (plan.kind === 'whole') this.showWhole();
    else this.showPieces(plan.rects);
  }

  private showWhole(): void {
    this.image.setCrop().setVisible(true);
    for (const piece of this.pieces) piece.setVisible(false);
  }

  /**
   * The layer drawn only in `rects`: the image itself shows the first piece, one more image per
   * further piece, each cropped to its piece (a cropped image draws the piece where it lies).
   * None when nothing moves: the frame then draws nothing, and the canvas is not sent again.
   */
  private showPieces(rects: readonly PixelRect[]): void {
    const [first, ...rest] = rects;
    if (first) this.image.setCrop(first.x, first.y, first.w, first.h).setVisible(true);
    else this.image.setVisible(false);
    while (this.pieces.length < rest.length) this.pieces.push(this.addPiece());
    this.pieces.forEach((piece, i) => {
      const r = rest[i];
      if (!r) return void piece.setVisible(false);
      piece.setCrop(r.x, r.y, r.w, r.h).setVisible(true);
    });
  }

  private addPiece(): Phaser.GameObjects.Image {
    const piece = this.scene.add.image(0, 0, this.key).setOrigin(0, 0).setScale(1 / this.dpr);
    piece.setBlendMode(this.image.blendMode);
    (piece as unknown as GameObject).cameraFilter = BAKE_CAMERA;
    // Under everything that moves, as the whole image is.
    const list = this.scene.children;
    list.moveTo(piece, list.getIndex(this.image) + 1 + this.pieces.length);
    return piece;
  }
}

/** Where the moving things are drawn now, in canvas pixels: each visible one, a container's by its children; null when one has no bounds. */
function whereDrawn(moving: ReadonlySet<Phaser.GameObjects.GameObject>, dpr: number): PixelRect[] | null {
  const rects: PixelRect[] = [];
  const visit = (o: Phaser.GameObjects.GameObject): boolean => {
    const shown = o as Phaser.GameObjects.GameObject & Partial<Phaser.GameObjects.Components.Visible>;
    if (shown.visible === false) return true;
    const list = (o as GameObject).list;
    // A container's bounds would join children spread over the room (the map's flowing dots).
    if (list) return list.every(visit);
    const bounds = boundsOf(o);
    if (!bounds) return false;
    const r = pixelRect(bounds, dpr);
    if (r) rects.push(r);
    return r !== null;
  };
  for (const o of moving) if (!visit(o)) return null;
  return rects;
}

type Bounds = { x: number; y: number; width: number; height: number };
type Cropped = Phaser.GameObjects.Image & { _crop: { x: number; y: number; width: number; height: number } };
let matrices: { world: Phaser.GameObjects.Components.TransformMatrix; parents: Phaser.GameObjects.Components.TransformMatrix } | null = null;
const point = { x: 0, y: 0 };

/** Where `o` draws, in world units: a cropped image only its piece (a halo's strips); null when not known. */
function boundsOf(o: Phaser.GameObjects.GameObject): Bounds | null {
  const image = o as Partial<Cropped>;
  if (typeof image.getBounds !== 'function') return null;
  if (!image.isCropped || !image._crop || typeof image.getWorldTransformMatrix !== 'function') return image.getBounds();
  const c = image._crop;
  matrices ??= { world: new TransformMatrix(), parents: new TransformMatrix() };
  const m = image.getWorldTransformMatrix(matrices.world, matrices.parents);
  const left = c.x - image.displayOriginX!;
  const top = c.y - image.displayOriginY!;
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [x, y] of [[left, top], [left + c.width, top], [left, top + c.height], [left + c.width, top + c.height]] as const) {
    m.transformPoint(x, y, point);
    xs.push(point.x);
    ys.push(point.y);
  }
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/** Whether the renderer clears the canvas before each frame (its config, read every frame). */
function clearsCanvas(renderer: Phaser.Renderer.Canvas.CanvasRenderer | Phaser.Renderer.WebGL.WebGLRenderer): boolean {
  return (renderer as { config?: { clearBeforeRender?: boolean } }).config?.clearBeforeRender !== false;
}

const replaceModes = new WeakMap<object, number>();

/** A blend mode that writes the source pixels as they are (one per renderer); null without WebGL. */
function replaceBlendMode(renderer: Phaser.Renderer.Canvas.CanvasRenderer | Phaser.Renderer.WebGL.WebGLRenderer): number | null {
  if (!(renderer instanceof WebGLRenderer)) return null;
  let mode = replaceModes.get(renderer);
  if (mode === undefined) {
    const gl = renderer.gl;
    renderer.addBlendMode([gl.ONE, gl.ZERO], gl.FUNC_ADD);
    // The new mode is the last one (4.2.1's addBlendMode returns the index before it).
    mode = renderer.blendModes.length - 1;
    replaceModes.set(renderer, mode);
  }
  return mode;
}

/** Sets who draws `o` and its subtree; true when something in it moves (the screen must draw it). */
function classify(o: GameObject, moving: Set<Phaser.GameObjects.GameObject>, screen: number): boolean {
  if (moving.has(o)) {
    o.cameraFilter = BAKE_CAMERA;
    for (const c of o.list ?? []) inherit(c);
    return true;
  }
  let anyMoving = false;
  for (const c of o.list ?? []) anyMoving = classify(c, moving, screen) || anyMoving;
  if (anyMoving) {
    o.cameraFilter = 0;
    return true;
  }
  o.cameraFilter = screen;
  for (const c of o.list ?? []) inherit(c);
  return false;
}

/** Inside a subtree drawn whole by one camera, children follow their parent. */
function inherit(o: GameObject): void {
  o.cameraFilter = 0;
  for (const c of o.list ?? []) inherit(c);
}
