import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PHASER_SRC, withPhaserFlags } from '../../src/game/phaser-core-plugin.ts';

// The war room's Phaser is built from Phaser's sources with its build flags set (see
// src/game/phaser.ts): a flag left as `typeof FLAG` would be "undefined" in the browser, which
// turns every renderer off, and one replaced by anything truthy would bundle what it guards.

describe('Phaser build flags', () => {
  it('become the values the room is built with', () => {
    const code = 'if (typeof WEBGL_RENDERER) { a(); }\nif (typeof CANVAS_RENDERER) { b(); }\nif (typeof FEATURE_SOUND) { c(); }\nif (typeof WEBGL_DEBUG) { d(); }';
    expect(withPhaserFlags(code)).toBe('if (true) { a(); }\nif (true) { b(); }\nif (false) { c(); }\nif (false) { d(); }');
  });

  it('leave other typeof tests alone', () => {
    expect(withPhaserFlags("typeof window === 'undefined'; typeof WEBGL_RENDERERS")).toBe("typeof window === 'undefined'; typeof WEBGL_RENDERERS");
  });

  it('cover every flag the core build and the files the room adds to it test', () => {
    // Phaser's own sources: a new flag in a Phaser update must be given a value here.
    const files = ['phaser-core.js', 'core/Game.js', 'renderer/index.js', 'core/CreateRenderer.js', 'gameobjects/container/ContainerRender.js'];
    for (const file of files) {
      const code = withPhaserFlags(readFileSync(join(PHASER_SRC, file), 'utf8'));
      expect(code.match(/typeof [A-Z][A-Z0-9_]+\b/g) ?? [], file).toEqual([]);
    }
    expect(withPhaserFlags(readFileSync(join(PHASER_SRC, 'phaser-core.js'), 'utf8'))).toContain('globalThis.Phaser = Phaser');
  });
});
