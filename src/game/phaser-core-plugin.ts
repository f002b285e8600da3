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

/** Phaser's device features, which test WebGL while the module loads. */
const FEATURES = join(PHASER_SRC, 'device', 'Features.js');
const WEBGL_TEST = 'Features.webGL = testWebGL();';

/**
 * Phaser tests WebGL as its device module loads: it makes a throwaway WebGL context, about 15 ms
 * of the room's start on the bench's machine, the GPU process's work aside. The room makes its
 * game's own context first and tells Phaser which renderer to use (src/game/index.ts), so Phaser
 * never needs the answer; it is kept, but only worked out when something reads it.
 */
export function withLazyWebGLTest(code: string): string {
  if (!code.includes(WEBGL_TEST)) throw new Error(`${FEATURES} no longer has "${WEBGL_TEST}": see withLazyWebGLTest in src/game/phaser-core-plugin.ts`);
  return code.replace(
    WEBGL_TEST,
    "var webGLTested; Object.defineProperty(Features, 'webGL', { configurable: true, enumerable: true, get: function () { if (webGLTested === undefined) { webGLTested = testWebGL(); } return webGLTested; } });",
  );
}

/** A module of Phaser's sources as the room builds it. */
function phaserModule(code: string, id: string): string {
  const flagged = withPhaserFlags(code);
  return id.split('?')[0] === FEATURES ? withLazyWebGLTest(flagged) : flagged;
}

const flagsPlugin = {
  name: 'war-room-phaser-flags',
  transform(code: string, id: string) {
    return id.startsWith(PHASER_SRC) ? phaserModule(code, id) : null;
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
