import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import type { Plugin } from 'vite';

// Builds the war room's Phaser (./phaser.ts) from Phaser's own sources, as Phaser's webpack
// build does: the `phaser-src/` alias reaches node_modules/phaser/src (the package's exports
// only offer its prebuilt bundle), and the build flags the sources test with `typeof FLAG` are
// replaced by their values, so what a flag turns off is not bundled at all. Applied to the build
// and to the dev server's pre-bundling alike, so both run the same Phaser.

/** Phaser's build flags: both renderers (WebGL, and the canvas one where WebGL is missing); no sound (the page plays the room's sounds, see src/ui/sound.ts), no debug, no plugins. */
const FLAGS: Record<string, boolean> = {
  WEBGL_RENDERER: true,
  CANVAS_RENDERER: true,
  FEATURE_SOUND: false,
  WEBGL_DEBUG: false,
  PLUGIN_CAMERA3D: false,
  PLUGIN_FBINSTANT: false,
};
const FLAG = new RegExp(`typeof (${Object.keys(FLAGS).join('|')})\\b`, 'g');

/** Phaser's sources, node_modules/phaser/src/ (with a trailing separator). */
export const PHASER_SRC = join(dirname(createRequire(import.meta.url).resolve('phaser/package.json')), 'src') + sep;

/** A module of Phaser's sources with its build flags set (the core entry's `global` is the browser's globalThis). */
export function withPhaserFlags(code: string): string {
  return code.replace(FLAG, (_, flag: string) => String(FLAGS[flag])).replace(/\bglobal\.Phaser\b/g, 'globalThis.Phaser');
}

const flagsPlugin = {
  name: 'war-room-phaser-flags',
  transform(code: string, id: string) {
    return id.startsWith(PHASER_SRC) ? withPhaserFlags(code) : null;
  },
};

export function phaserCore(): Plugin {
  return {
    ...flagsPlugin,
    name: 'war-room-phaser-core',
    config: () => ({
      resolve: { alias: [{ find: /^phaser-src\//, replacement: PHASER_SRC }] },
      optimizeDeps: { rolldownOptions: { plugins: [flagsPlugin] } },
    }),
  };
}
