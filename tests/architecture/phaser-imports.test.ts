import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sourceFiles } from './source-files.ts';

// The war room runs on Phaser's core build (src/game/phaser.ts). A value imported from the
// 'phaser' package itself would bundle the whole library beside it, silently: every other file
// may take only types from 'phaser', and Phaser's sources (`phaser-src/`) only through phaser.ts.

const BUILD = join(ROOT, 'src/game/phaser.ts');

/** The import and export statements of a file that bring values from `module` (those with `type` before their names bring none). */
function valueImports(code: string, module: RegExp): string[] {
  const statements = code.match(/^(?:import|export)\b[^;]*?from\s+['"][^'"]+['"]|^import\s+['"][^'"]+['"]/gm) ?? [];
  return statements.filter((s) => module.test(s.match(/['"]([^'"]+)['"]\s*$/)![1]!) && !/^(?:import|export)\s+type\b/.test(s));
}

describe('Phaser in the browser code', () => {
  const files = sourceFiles(join(ROOT, 'src'));

  it('comes as values only from src/game/phaser.ts; elsewhere only its types are imported', () => {
    const offenders = files.flatMap((f) =>
      f === BUILD ? [] : valueImports(readFileSync(f, 'utf8'), /^(phaser|phaser-src\/.*)$/).map((s) => `${relative(ROOT, f)}: ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('is found by the check: a value import from the package is caught, a type import is not', () => {
    expect(valueImports("import * as Phaser from 'phaser';", /^phaser$/)).toHaveLength(1);
    expect(valueImports("import { Scene } from 'phaser';", /^phaser$/)).toHaveLength(1);
    expect(valueImports("import type * as Phaser from 'phaser';", /^phaser$/)).toEqual([]);
    expect(valueImports("import 'phaser-src/loader/filetypes/SVGFile.js';", /^phaser-src\/.*$/)).toHaveLength(1);
  });
});
