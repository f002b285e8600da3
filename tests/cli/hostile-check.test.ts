import { describe, expect, it } from 'vitest';
import { checkFiles, type CheckCommandOptions } from '../../src/cli/check.ts';
import { formatCheck, MAX_PROBLEMS_SHOWN } from '../../src/cli/format-check.ts';
import { fileErrorMessage } from '../../src/scenarios/find-files.ts';
import { chain, growingCycle, hugeEnumValue, invalidThemes, twoBeatCycle, writeFixture } from './hostile-fixtures.ts';
import { warRoom } from './run-cli.ts';

// Issue 13's hostile scenarios, generated at test time. Each must end with the true reason,
// never hang or crash. No assertion here depends on how fast the machine is.

const options = (file: string, more: Partial<CheckCommandOptions> = {}): CheckCommandOptions => ({
  paths: [file],
  strict: false,
  seeds: [1, 2, 3],
  maxStates: 200_000,
  maxSeconds: 30,
  pathCap: 1000,
  cwd: process.cwd(),
  jobs: 1,
  ...more,
});

describe('hostile scenarios', () => {
  it('a two-beat cycle with an unreachable ending: loops found, no path, no policy runs', async () => {
    const [f] = (await checkFiles(options(writeFixture('cycle', twoBeatCycle())))).files;
    const r = f!.report!;
    expect(r.complete).toBe(true);
    expect(r.pathsExplored).toBe(0);
    expect(r.unreachedEndings).toEqual(['never']);
    expect(r.loops.length).toBeGreaterThan(0);
    expect(r.policies).toEqual([]);
    expect(r.seedSpread).toBeNull();
    expect(r.incomplete).toEqual(['policies and seed spread: skipped, because the search found no complete path to play']);
    expect(f!.errors.some((e) => e.message.includes('ending "never" is never reached'))).toBe(true);
  });

  it('a cycle whose laps never merge stops at the state limit and says so', async () => {
    const [f] = (await checkFiles(options(writeFixture('growing', growingCycle()), { maxStates: 500 }))).files;
    const r = f!.report!;
    expect(r.complete).toBe(false);
    expect(r.states).toBe(500);
    expect(r.incomplete[0]).toMatch(/^path search: stopped after 500 states \/ [\d.]+ s: it reached its limit of 500 distinct states \(--max-states\)$/);
    expect(f!.errors[0]!.message).toMatch(/^incomplete: path search: stopped after 500 states/);
  });

  // Generous bounds for the big files: they only guard against a hang on a starved machine.
  it('a chain of 2,705 decision beats is cut at the depth limit, and the message says so', { timeout: 180_000 }, async () => {
    const [f] = (await checkFiles(options(writeFixture('chain', chain(2_705))))).files;
    const r = f!.report!;
    expect(r.beats).toBe(2_706);
    expect(r.complete).toBe(false);
    expect(r.pathsExplored).toBe(0);
    const stop = f!.errors.find((e) => e.message.startsWith('incomplete'))!.message;
    expect(stop).toMatch(/longer than 1,000 steps in a row, the depth limit/);
    expect(stop).not.toMatch(/timer|--max-states|time limit/);
    expect(r.policies).toEqual([]);
  });

  it('200,000 invalid themes: no stack overflow, problems kept and printed with "and N more"', { timeout: 180_000 }, async () => {
    const [f] = (await checkFiles(options(writeFixture('themes', invalidThemes(200_000))))).files;
    expect(f!.errors.some((e) => e.message.includes('internal error'))).toBe(false);
    expect(f!.errors.length + f!.errorsNotKept!).toBe(200_000);
    expect(f!.errors.length).toBeLessThanOrEqual(1_000);
    const text = formatCheck({ files: [f!], ok: false, ms: 0, jobs: 1 });
    expect(text.split('\n').filter((l) => l.includes(': error: ')).length).toBe(MAX_PROBLEMS_SHOWN);
    expect(text).toContain(`… and ${(200_000 - MAX_PROBLEMS_SHOWN).toLocaleString('en-GB')} more errors in this file`);
    expect(text).toMatch(/200,000 errors\s*$/m);
    expect(text.length).toBeLessThan(20_000);
  });

  it('a 500 KB bad enum value is quoted to 80 characters', { timeout: 60_000 }, async () => {
    const [f] = (await checkFiles(options(writeFixture('enum', hugeEnumValue(500_000))))).files;
    const message = f!.errors.find((e) => e.path === 'difficulty')!.message;
    expect(message).toContain(`"${'x'.repeat(80)}…" (500,000 characters) is not allowed here`);
    expect(message.length).toBeLessThan(250);
  });

  it('prints control characters from scenario text escaped', () => {
    const doc = twoBeatCycle();
    doc.title = 'Ring \u0007 and \u001b[2J wipe';
    const r = warRoom('check', writeFixture('control', doc));
    expect(r.stdout).not.toMatch(/[\u0007\u001b]/);
    expect(r.stdout).toContain('Ring \\x07 and \\x1b[2J wipe');
  });

  it('names permission problems and symbolic link loops', async () => {
    const loop = Object.assign(new Error('ELOOP'), { code: 'ELOOP' });
    const denied = Object.assign(new Error('EACCES'), { code: 'EACCES' });
    expect(fileErrorMessage(loop, 'no such file')).toMatch(/^symbolic link loop/);
    expect(fileErrorMessage(denied, 'no such file')).toMatch(/^permission denied/);
    // A real loop (permissions cannot be tried for real: tests may run as root, who may read anything).
    const { mkdtempSync, symlinkSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const link = join(mkdtempSync(join(tmpdir(), 'war-room-loop-')), 'loop.yaml');
    symlinkSync(link, link);
    const [f] = (await checkFiles(options(link))).files;
    expect(f!.errors[0]!.message).toMatch(/^symbolic link loop/);
  });
});

describe('the time budget', () => {
  it('stops the search on its clock and reports the time, not the states', async () => {
    const { checkScenario } = await import('../../src/engine/check.ts');
    const { compileScenario } = await import('../../src/engine/compile.ts');
    const { parseScenario } = await import('../../src/scenarios/load.ts');
    const { stringify } = await import('yaml');
    const scenario = parseScenario(stringify(growingCycle()), 'growing.yaml').scenario!;
    // A test clock: every reading is a second later, so the 5-second budget runs out after a few readings.
    let t = 0;
    const report = checkScenario(compileScenario(scenario), { maxSeconds: 2, now: () => (t += 1000), policySeeds: [1], spreadSeeds: 2 });
    expect(report.complete).toBe(false);
    // The clock is read every 256 new states: 3 s after the start at 512 states, past the 2 s budget.
    expect(report.states).toBe(512);
    expect(report.incomplete[0]).toMatch(/^path search: stopped after 512 states \/ [\d.]+ s: it reached its time limit of 2\.0 s \(--max-seconds\)$/);
  });
});
