import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// assets/ holds generated files next to the scripts that write them: the committed files must be
// exactly what the scripts write, so the scripts stay the source; and the files must stay small
// (the service worker precaches all of them).

const ROOT = join(import.meta.dirname, '../..');
const SCRIPTS = ['make-sounds.mjs', 'make-icons.mjs', 'make-portraits.mjs', 'make-backdrop.mjs'];

describe('assets/', () => {
  it.each(SCRIPTS)('holds exactly what %s writes', (script) => {
    // execFileSync throws (and fails the test) when --check exits non-zero.
    expect(() => execFileSync(process.execPath, [join(ROOT, 'assets/scripts', script), '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('keeps each sound a small mono WAV, and all of them under 150 KiB', () => {
    let total = 0;
    for (const name of ['ring', 'alert', 'ambience', 'tick']) {
      const bytes = readFileSync(join(ROOT, 'assets/sounds', `${name}.wav`));
      expect(bytes.toString('ascii', 0, 4)).toBe('RIFF');
      expect(bytes.toString('ascii', 8, 12)).toBe('WAVE');
      expect(bytes.readUInt16LE(22)).toBe(1); // mono
      expect(bytes.readUInt32LE(24)).toBeLessThanOrEqual(11025);
      total += bytes.length;
    }
    expect(total).toBeLessThan(150 * 1024);
  });

  it('states that everything in it is the project’s own work', () => {
    expect(readFileSync(join(ROOT, 'assets/LICENSE'), 'utf8')).toMatch(/original work/);
    expect(statSync(join(ROOT, 'assets/images/backdrop.svg')).size).toBeLessThan(64 * 1024);
    // The raster the game loads (see make-backdrop.mjs): precached by the service worker too.
    expect(statSync(join(ROOT, 'assets/images/backdrop.png')).size).toBeLessThan(96 * 1024);
  });
});
