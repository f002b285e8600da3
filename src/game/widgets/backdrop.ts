import type * as Phaser from 'phaser';
import { BACKDROP_TEXTURE } from '../assets.ts';
import { PALETTE } from '../palette.ts';
import { markDirty } from './dirty.ts';

// The room itself: the illustrated operations room from assets/images/backdrop.svg, scaled to
// cover the canvas. Until the file has loaded (and for good should it fail), a deep navy wall with
// a faint plotting grid, like the big screens of an operations centre, stands in: the room's first
// frame does not wait for the picture. Laid out once per size; both stand still, so the static
// layer (static-layer.ts) bakes them with the rest of the room.

export class Backdrop {
  /** Holds the picture once it has loaded; made first so it lies under every panel. */
  private readonly holder: Phaser.GameObjects.Container;
  private image: Phaser.GameObjects.Image | null = null;
  /**
   * Drawn by the renderer, not rasterised on a canvas like the room's other drawings (baked.ts): its
   * lines are one pixel wide on whole pixels, which need no smoothing, and as a canvas the size of
   * the stage it was the biggest texture sent to the GPU before the room's first frame (813×298 px at
   * 1280×720, ~10 ms with software GL), only to be replaced by the picture moments later.
   */
  private readonly grid: Phaser.GameObjects.Graphics;

  constructor(private readonly scene: Phaser.Scene) {
    this.holder = scene.add.container(0, 0);
    this.grid = scene.add.graphics();
  }

  layout(width: number, height: number): void {
    if (!this.image && this.scene.textures.exists(BACKDROP_TEXTURE)) {
      // Half strength over the dark clear colour: a room you sense behind the panels, not one
      // that competes with their words.
      this.image = this.scene.add.image(0, 0, BACKDROP_TEXTURE).setOrigin(0.5, 0.5).setAlpha(0.5);
      this.holder.add(this.image);
    }
    if (this.image) {
      // Cover: fill the canvas, crop the overflow, keep the drawing's proportions.
      const scale = Math.max(width / this.image.width, height / this.image.height);
      this.image.setScale(scale).setPosition(width / 2, height / 2);
      this.grid.clear().setVisible(false);
      markDirty(this.scene);
      return;
    }
    drawGrid(this.grid.clear().setVisible(true), width, height);
    markDirty(this.scene, this.grid);
  }

  destroy(): void {
    this.holder.destroy(true);
    this.image = null;
    this.grid.destroy();
  }
}

function drawGrid(g: Phaser.GameObjects.Graphics, width: number, height: number): void {
  // Lines and dots only: the flat colour underneath is the renderer's clear colour, which
  // costs nothing, whereas a full-screen fill costs a whole screen of pixels every frame.
  // Each line is a one-pixel rectangle on whole CSS pixels, as crisp as a stroke half a pixel in.
  const step = width < 600 ? 24 : 40;
  g.fillStyle(PALETTE.grid, 0.6);
  for (let x = step; x < width; x += step) g.fillRect(x, 0, 1, height);
  for (let y = step; y < height; y += step) g.fillRect(0, y, width, 1);
  // Brighter crossings every fourth line read as a plotting table.
  g.fillStyle(PALETTE.panelEdge, 0.9);
  for (let x = step * 4; x < width; x += step * 4) for (let y = step * 4; y < height; y += step * 4) g.fillRect(x - 1, y - 1, 3, 3);
}
