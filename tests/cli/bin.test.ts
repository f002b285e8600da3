import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT, warRoom } from './run-cli.ts';

// bin/war-room.mjs runs the CLI under Node's own type stripping when Node has it, and
// through tsx otherwise. Turning stripping off takes the tsx way on this Node, so both ways
// are run here on the same files: they must give the same report (the check's workers
// only run where Node strips types; without it the files are checked in the main thread).

function withoutStripping(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['bin/war-room.mjs', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --no-experimental-strip-types` },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The --json report without the timings, which differ from run to run. */
function report(stdout: string): unknown {
  const { scenarios } = JSON.parse(stdout) as { scenarios: Record<string, unknown>[] };
  return scenarios.map(({ ms: _ms, ...rest }) => rest);
}

describe('bin/war-room.mjs', () => {
  it('gives the same report with and without Node type stripping', { timeout: 240_000 }, () => {
    const files = ['scenarios/departing-admin.yaml', 'scenarios/erp-month-end.yaml'];
    const native = warRoom('check', '--json', '--jobs', '2', ...files);
    const loader = withoutStripping('check', '--json', '--jobs', '2', ...files);
    expect(native.status).toBe(0);
    expect(loader.status).toBe(0);
    expect(loader.stdout).not.toContain('internal error');
    expect(report(loader.stdout)).toEqual(report(native.stdout));
    expect((report(native.stdout) as { id: string }[]).map((s) => s.id)).toEqual(['departing-admin', 'erp-month-end']);

    const help = withoutStripping('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toBe(warRoom('--help').stdout);
  });
});
