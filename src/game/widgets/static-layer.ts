import type * as Phaser from 'phaser';
import { GameObject as AnyGameObject, SceneEvents, WebGLRenderer } from '../phaser.ts';
import { PALETTE } from '../palette.ts';
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
// update, a text or baked drawing changing) or when the set of moving objects changes.

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
  private isDirty = true;

  /** `onChange` hears of every change the screen must show (a sleeping game loop wakes for it). */
  constructor(
    private readonly scene: Phaser.Scene,
    private readonly dpr: number,
    private readonly onChange: () => void,
  ) {
    onDirty(scene, () => this.markDirty());
    // First in the display list, so it lies under everything that moves.
    this.image = scene.add.image(0, 0, '__DEFAULT').setOrigin(0, 0).setVisible(false);
    (this.image as unknown as GameObject).cameraFilter = BAKE_CAMERA;
    // The layer is opaque (filled with the background, see bake) and covers the whole canvas, so
    // it replaces the canvas's pixels rather than blending over them, and once it is shown the
    // renderer need not clear the canvas first (war-room-scene.ts). Together, with SwiftShader:
    // about a fifth less CPU per frame (20 against 25 ms, four rounds on a loaded machine).
    const blend = replaceBlendMode(scene.renderer);
    if (blend !== null) this.image.setBlendMode(blend);
    scene.events.on(SceneEvents.PRE_RENDER, this.bake, this);
  }

  /** Objects changed every frame by a widget's tick (tweened objects are found by themselves). */
  keepMoving(...objects: Phaser.GameObjects.GameObject[]): void {
    for (const o of objects) this.moving.add(o);
    this.markDirty();
  }

  markDirty(): void {
    this.isDirty = true;
    this.onChange();
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
      this.image.setTexture('__DEFAULT');
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
    this.image.setTexture(this.key).setScale(1 / this.dpr).setVisible(true);
    this.markDirty();
  }

  destroy(): void {
    this.scene.events.off(SceneEvents.PRE_RENDER, this.bake, this);
    offDirty(this.scene);
    this.moving.clear();
    this.lastMoving.clear();
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
    return now;
  }

  /**
   * Draws the layer again if anything in it changed; runs before every frame, and the scene calls
   * it once by itself before the room's first frame (see war-room-scene.ts).
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
    const screen = this.scene.cameras.main.id;
    const children = this.scene.children.list as GameObject[];
    for (const child of children) if (child !== (this.image as unknown)) classify(child, moving, screen);
    texture.fill(PALETTE.background, 1);
    texture.draw(children.filter((c) => c !== (this.image as unknown) && c.willRender(texture.camera)));
    texture.render();
  }
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
