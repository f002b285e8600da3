import type * as Phaser from 'phaser';
import { Scene } from './phaser.ts';
import { PALETTE } from './palette.ts';

// With software GL (SwiftShader: browsers without a usable GPU, and the bench's headless
// Chromium), the first drawing into a texture costs 100–200 ms of GPU work however small it is
// (what its draw states need is compiled on first use), and that work runs in the next task that
// waits on the GPU: with nothing drawn before, the room's first frame. Measured: a warm-up of an
// 8×8 texture took 120–210 ms, and the room's first bake after it 20–50 ms instead of 100–190.
// A prepared game that sits idle while the player reads the briefing pays it then.

const KEY = 'war-room-warm-up';

/** Draws once into a throwaway texture the way the room's static layer does, and waits for the GPU to finish. */
class WarmUpScene extends Scene {
  constructor() {
    super({ key: KEY });
  }

  create(): void {
    const texture = this.textures.addDynamicTexture(KEY, 8, 8);
    const gl = (this.renderer as { gl?: WebGLRenderingContext }).gl;
    if (!texture || !gl) return;
    const image = this.add.image(0, 0, '__WHITE').setOrigin(0, 0);
    texture.fill(PALETTE.background, 1).draw(image).render();
    // WebGL 1 has one way to wait for the GPU, and flush() does not start the work.
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
    this.textures.remove(KEY);
  }
}

/** Runs the warm-up in `game`, a booted game with no scene running; leaves no scene or texture behind. */
export function warmUpDrawing(game: Phaser.Game): void {
  game.scene.add(KEY, new WarmUpScene(), true);
  game.scene.remove(KEY);
}
