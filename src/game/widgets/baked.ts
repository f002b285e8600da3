import type * as Phaser from 'phaser';
import { Graphics } from '../phaser.ts';
import type { ChannelName } from '../../scenarios/schema.ts';
import type { Rect } from '../layout.ts';
import { CHANNEL_COLOUR } from '../palette.ts';
import { drawChannelBadge } from './icons.ts';
import { markDirty } from './dirty.ts';

// Drawings are rasterised once into a canvas texture and shown as an Image: a live Graphics
// is re-tessellated every frame it is drawn and breaks the quad batch, and the canvas
// rasteriser antialiases edges, which WebGL Graphics do not (the game asks for no multisampling,
// see index.ts). Still images end up in the static layer (static-layer.ts) anyway.

let serial = 0;

/**
 * Rasterises `g` into `canvas`. Phaser 4.2 draws it through one camera shared by every Graphics
 * (Graphics.TargetCamera), which adds it to its render list and never empties that list: every
 * Graphics ever baked, with its scene's game objects, stayed reachable, more with each redraw and
 * each game. The camera also keeps the scene it last drew for (and that scene's camera manager):
 * the closed run's scene, with its store and room, until the next bake. Nothing reads any of them
 * after the drawing; the next bake sets its own scene first.
 */
function rasterise(g: Phaser.GameObjects.Graphics, canvas: HTMLCanvasElement, w: number, h: number): void {
  g.generateTexture(canvas, w, h);
  const camera = Graphics.TargetCamera;
  camera.renderList.length = 0;
  const held = camera as unknown as { scene: Phaser.Scene | null; cameraManager: Phaser.Cameras.Scene2D.CameraManager | null };
  held.scene = null;
  held.cameraManager = null;
}

/**
 * Rasterises `g` into a new canvas, shown as texture `key` (which must not exist yet), sent to the
 * GPU once, drawn. Phaser's `generateTexture(key)` creates the texture first, which uploads the
 * empty canvas, then uploads it again once drawn: with software GL each upload is a copy of every
 * pixel that the room's first frame waited for. A plain texture over the canvas, not a
 * CanvasTexture: that one reads every pixel back when it is made (`getImageData`, for its pixel
 * API, which the room never uses), about 10 ms of the room's first build for its big panels.
 * After drawing on the canvas again, `source[0].update()` sends it to the GPU.
 */
export function generateTexture(g: Phaser.GameObjects.Graphics, key: string, w: number, h: number): Phaser.Textures.Texture | null {
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  rasterise(g, canvas, w, h);
  const texture = g.scene.sys.textures.create(key, canvas, w, h);
  texture?.add('__BASE', 0, 0, 0, w, h);
  return texture;
}

/** The canvas a texture made by generateTexture draws from. */
const canvasOf = (texture: Phaser.Textures.Texture): HTMLCanvasElement => texture.source[0]!.image as HTMLCanvasElement;

export class Baked {
  /** Draw here (in the coordinates of the image's parent) between begin() and commit(). */
  readonly g: Phaser.GameObjects.Graphics;
  readonly image: Phaser.GameObjects.Image;
  private readonly key = `war-room-baked-${++serial}`;
  private bounds: Rect = { x: 0, y: 0, w: 1, h: 1 };
  private size = { w: 0, h: 0 };

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly dpr: number,
  ) {
    this.g = scene.make.graphics({}, false);
    this.image = scene.add.image(0, 0, '__DEFAULT').setOrigin(0, 0).setVisible(false);
  }

  /** Starts a new drawing covering `bounds`; anything drawn outside is cut off. */
  begin(bounds: Rect): Phaser.GameObjects.Graphics {
    const x = Math.floor(bounds.x);
    const y = Math.floor(bounds.y);
    this.bounds = { x, y, w: Math.max(1, Math.ceil(bounds.x + bounds.w) - x), h: Math.max(1, Math.ceil(bounds.y + bounds.h) - y) };
    this.g.clear();
    this.g.setScale(this.dpr);
    this.g.translateCanvas(-x, -y);
    return this.g;
  }

  commit(): this {
    const { scene, dpr, key } = this;
    const w = Math.ceil(this.bounds.w * dpr);
    const h = Math.ceil(this.bounds.h * dpr);
    const textures = scene.textures;
    const existing = textures.exists(key) ? textures.get(key) : null;
    if (existing && this.size.w === w && this.size.h === h) {
      // Redrawn in place and sent once.
      const canvas = canvasOf(existing);
      canvas.getContext('2d')?.clearRect(0, 0, w, h);
      rasterise(this.g, canvas, w, h);
      existing.source[0]!.update();
    } else {
      if (existing) {
        this.image.setTexture('__DEFAULT');
        textures.remove(key);
      }
      generateTexture(this.g, key, w, h);
    }
    this.size = { w, h };
    this.g.clear();
    this.image.setTexture(key).setPosition(this.bounds.x, this.bounds.y).setScale(1 / dpr).setVisible(true);
    markDirty(scene, this.image);
    return this;
  }

  hide(): void {
    this.image.setVisible(false);
    markDirty(this.scene, this.image);
  }

  destroy(): void {
    this.g.destroy();
    this.image.destroy();
    if (this.scene.textures?.exists(this.key)) this.scene.textures.remove(this.key);
  }
}

const BADGE_PX = 32;

/** A channel badge as a shared texture; the image is centred, `radius` in CSS pixels. */
export function addBadge(scene: Phaser.Scene, dpr: number, channel: ChannelName, x: number, y: number, radius: number): Phaser.GameObjects.Image {
  const key = `war-room-badge-${channel}-${dpr}`;
  if (!scene.textures.exists(key)) {
    const size = BADGE_PX * dpr;
    const g = scene.make.graphics({}, false);
    drawChannelBadge(g, channel, size / 2, size / 2, size / 2 - dpr, CHANNEL_COLOUR[channel]);
    generateTexture(g, key, size, size);
    g.destroy();
  }
  return scene.add.image(x, y, key).setDisplaySize(radius * 2 * (BADGE_PX / (BADGE_PX - 2)), radius * 2 * (BADGE_PX / (BADGE_PX - 2)));
}
