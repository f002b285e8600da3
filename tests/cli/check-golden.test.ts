import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles, toJson } from '../../src/cli/check.ts';
import { SCENARIOS_DIR } from '../../src/scenarios/load-file.ts';
import { ROOT } from './run-cli.ts';

// The full `war-room check --json` report of every shipped scenario (all but the timing),
// against the one recorded before the checker was made fast (issue 13): the faster search
// must find the same states, paths, scores, policies and seed spread. A change that is
// meant to move these numbers (a scenario edit, a scoring rule) regenerates them with:
//   UPDATE_GOLDEN=1 npx vitest run tests/cli/check-golden.test.ts
// and the diff shows what moved.

const GOLDEN_DIR = join(import.meta.dirname, 'golden-check');
const files = readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith('.yaml')).sort();

describe('check reports of the shipped scenarios', () => {
  it('are the recorded ones', { timeout: 600_000 }, async () => {
    const run = await checkFiles({
      paths: files.map((f) => join('scenarios', f)),
      strict: false,
      seeds: [1, 2, 3],
      maxStates: 200_000,
      // Far above any real need: a starved test machine must not cut a search short.
      maxSeconds: 3_600,
      pathCap: 1_000,
      cwd: ROOT,
      jobs: 2,
    });
    for (const f of run.files) {
      const { ms: _ms, ...report } = toJson(f);
      const golden = join(GOLDEN_DIR, `${basename(f.file, '.yaml')}.json`);
      if (process.env.UPDATE_GOLDEN) {
        mkdirSync(GOLDEN_DIR, { recursive: true });
        writeFileSync(golden, `${JSON.stringify(report, null, 2)}\n`);
        continue;
      }
      expect(report, f.file).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
    }
    expect(run.files.length).toBe(files.length);
  });
});
