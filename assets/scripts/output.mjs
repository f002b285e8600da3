// What the asset scripts share: a seeded generator, and writing their files or (with --check)
// comparing them with the committed ones, so tests/assets/assets.test.ts can tell a stale file.

import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

/** mulberry32: a small seeded generator, so a drawing or a noise is the same on every run. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Writes each [file, content] (a string or bytes), or with --check on the command line reports
 * every committed file that differs (a missing one counts) and exits 1.
 */
export function writeOrCheck(script, files) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [file, content] of files) {
    const wanted = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    if (check) {
      let committed = null;
      try {
        committed = readFileSync(file);
      } catch {
        // missing counts as stale
      }
      if (!committed || !committed.equals(wanted)) {
        console.error(`${file} differs from what ${script} writes; run node assets/scripts/${script}`);
        stale++;
      }
    } else {
      writeFileSync(file, wanted);
      console.log(`${basename(file)}  ${(wanted.length / 1024).toFixed(1)} KiB`);
    }
  }
  if (stale > 0) process.exit(1);
}
