import type * as Phaser from 'phaser';
import type { Rect } from '../layout.ts';
import { Baked } from './baked.ts';

// A halo of outlines around a card (a service that is down), which pulses. Its drawing is one
// texture shown as four strips along its edges, not as one image: a pulsing halo is drawn again
// every frame, with the room's still layer under it (redraw.ts), and with software GL a frame
// costs about as much as the pixels it draws; the empty middle was more than half of them.

export class Halo {
  /** What to add to the card's container, and to tween (its alpha pulses). */
  readonly root: Phaser.GameObjects.Container;
  private readonly baked: Baked;
  /** Top, bottom, left and right; the first is the baked drawing's own image. */
  private readonly strips: Phaser.GameObjects.Image[];

  constructor(scene: Phaser.Scene, dpr: number) {
    this.baked = new Baked(scene, dpr);
    const more = [0, 1, 2].map(() => scene.add.image(0, 0, '__DEFAULT').setOrigin(0, 0).setVisible(false));
    this.strips = [this.baked.image, ...more];
    this.root = scene.add.container(0, 0, this.strips);
  }

  /** Draws the halo into `bounds` (in the container's coordinates); `draw` keeps to its outer `band` CSS pixels. */
  paint(bounds: Rect, band: number, draw: (g: Phaser.GameObjects.Graphics) => void): void {
    draw(this.baked.begin(bounds));
    this.baked.commit();
    const whole = this.baked.image;
    const { width, height } = whole.frame;
    const b = Math.min(Math.ceil(band / whole.scaleX), Math.floor(width / 2), Math.floor(height / 2));
    const crops: [number, number, number, number][] = [
      [0, 0, width, b],
      [0, height - b, width, b],
      [0, b, b, height - 2 * b],
      [width - b, b, b, height - 2 * b],
    ];
    this.strips.forEach((strip, i) => {
      if (strip !== whole) strip.setTexture(whole.texture.key).setPosition(whole.x, whole.y).setScale(whole.scaleX, whole.scaleY).setVisible(true);
      strip.setCrop(...crops[i]!);
    });
  }

  hide(): void {
    this.baked.hide();
    for (const strip of this.strips) strip.setVisible(false);
  }

  destroy(): void {
    for (const strip of this.strips) if (strip !== this.baked.image) strip.destroy();
    this.baked.destroy();
    this.root.destroy();
  }
}
