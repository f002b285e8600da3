import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PHASER_SRC, withLazyWebGLTest, withPhaserFlags } from '../../src/game/phaser-core-plugin.ts';

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

describe("Phaser's WebGL test", () => {
  it('runs when something first reads its answer, once, not as the module loads', () => {
    const source = 'var Features = {}; var calls = 0; var testWebGL = function () { calls++; return true; };\nFeatures.webGL = testWebGL();\nreturn { Features: Features, calls: function () { return calls; } };';
    const module = new Function(withLazyWebGLTest(source))() as { Features: { webGL: boolean }; calls(): number };
    expect(module.calls()).toBe(0);
    expect(module.Features.webGL).toBe(true);
    expect(module.Features.webGL).toBe(true);
    expect(module.calls()).toBe(1);
  });

  it("applies to the installed Phaser's device features, and says so when a Phaser update moved the line", () => {
    const features = readFileSync(join(PHASER_SRC, 'device', 'Features.js'), 'utf8');
    expect(withLazyWebGLTest(features)).not.toContain('Features.webGL = testWebGL();');
    expect(() => withLazyWebGLTest('Features.webGL = detectWebGL();')).toThrow(/Features\.js no longer has "Features\.webGL = testWebGL\(\);"/);
  });
});
