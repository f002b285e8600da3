import { describe, expect, it } from 'vitest';
import { warRoom } from './run-cli.ts';

// Process spawns are slow (about a second each), so each test checks several things.

describe('war-room check', () => {
  it('reports structural errors with file, line and column, and exits 1', () => {
    const r = warRoom('check', '--json', 'tests/fixtures/scenarios/minimal.yaml', 'tests/cli/fixtures/broken-paths.yaml', 'tests/fixtures/scenarios/bad/dangling-next.yaml');
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { scenarios: Record<string, unknown>[] };
    expect(out.scenarios.map((s) => s.file)).toEqual([
      'tests/fixtures/scenarios/minimal.yaml',
      'tests/cli/fixtures/broken-paths.yaml',
      'tests/fixtures/scenarios/bad/dangling-next.yaml',
    ]);

    const [minimal, broken, dangling] = out.scenarios as [Record<string, any>, Record<string, any>, Record<string, any>];
    // The shape issue 2 asks for.
    for (const key of ['file', 'id', 'errors', 'beats', 'decisions', 'endings', 'pathsExplored', 'unreachableBeats', 'deadEnds', 'unreachedEndings', 'scores', 'policies']) {
      expect(minimal).toHaveProperty(key);
    }
    expect(minimal.errors).toEqual([]);
    expect(minimal.id).toBe('minimal');
    expect([minimal.beats, minimal.decisions, minimal.endings]).toEqual([2, 1, 1]);
    // Three seeds x one partner x two plans (none, templates) x (tell, wait, let the timer run out).
    expect(minimal.pathsExplored).toBe(18);
    for (const name of ['communication', 'proactivity', 'businessImpact', 'overall']) {
      expect(Object.keys(minimal.scores[name]).sort()).toEqual(['max', 'mean', 'min']);
    }
    expect(minimal.policies.map((p: { name: string }) => p.name)).toContain('always option 1');
    expect(typeof minimal.policies[0].overall).toBe('number');

    expect(broken.unreachableBeats).toEqual(['forgotten']);
    expect(broken.unreachedEndings).toEqual(['forgotten']);
    expect(broken.deadEnds.map((d: { beat: string }) => d.beat)).toEqual(['escalate']);
    expect(broken.errors).toContainEqual({
      file: 'tests/cli/fixtures/broken-paths.yaml',
      line: 98,
      column: 9,
      path: 'beats[2].id',
      message: expect.stringContaining('ending "forgotten" is never reached'),
    });
    const deadEnd = broken.errors.find((e: { message: string }) => e.message.includes('dead end'));
    expect(deadEnd).toMatchObject({ line: 83, column: 7, path: 'beats[1].decision' });
    expect(deadEnd.message).toContain('--seed 1 --partner ally --choices 2 --think 0');

    // Loader errors come through unchanged, with their location.
    expect(dangling.id).toBeNull();
    expect(dangling.errors[0]).toMatchObject({ line: 65, column: 17, path: 'beats[0].decision.options[0].next' });
  });

  it('prints a readable report and exits 0 when all is well; --strict turns failed balance rules into errors', () => {
    const r = warRoom('check', 'tests/fixtures/scenarios/minimal.yaml');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('minimal: Minimal outage');
    expect(r.stdout).toMatch(/beats 2 · decisions 1 · endings 1 · paths 18/);
    expect(r.stdout).toContain('✓ every beat reachable');
    expect(r.stdout).toMatch(/✗ communication: best and worst paths differ by at least 40: 50 to 60/);
    expect(r.stdout).toMatch(/^minimal\s+2\s+1\s+1\s+18\s+/m);

    const strict = warRoom('check', '--strict', '--json', 'tests/fixtures/scenarios/minimal.yaml');
    expect(strict.status).toBe(1);
    const [entry] = (JSON.parse(strict.stdout) as { scenarios: { errors: { path: string; message: string }[] }[] }).scenarios;
    expect(entry!.errors.map((e) => e.path)).toContain('(balance)');
    expect(entry!.errors.some((e) => e.message.includes('communication: best and worst paths differ'))).toBe(true);
  });

  it('rejects an unknown command and an unknown option with exit code 2', () => {
    const bad = warRoom('chek');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown command "chek"');
    const option = warRoom('check', '--fast');
    expect(option.status).toBe(2);
    expect(option.stderr).toContain("Unknown option '--fast'");
  });
});
