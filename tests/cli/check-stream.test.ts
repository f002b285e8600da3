import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.ts';

// `check` prints each file's part as soon as it is done, then the summary; progress goes
// to a separate channel that the command only gets on a terminal.

describe('war-room check output', () => {
  it('writes one part per file, in file order, before the summary, and reports progress', async () => {
    const writes: string[] = [];
    const progress: string[] = [];
    const code = await runCheck(['-j', '2', 'tests/fixtures/scenarios/minimal.yaml', 'tests/cli/fixtures/broken-paths.yaml'], {
      out: (t) => writes.push(t),
      progress: (t) => progress.push(t),
    });
    expect(code).toBe(1);
    expect(writes).toHaveLength(3);
    expect(writes[0]).toContain('minimal: Minimal outage');
    expect(writes[1]).toContain('tests/cli/fixtures/broken-paths.yaml:98:9: error:');
    expect(writes[2]).toMatch(/^scenario\s+beats/);
    expect(writes[2]).toContain('2 files · 1 with errors');
    expect(progress[0]).toMatch(/^checking: 0\/2 files done, \d+ s$/);
    expect(progress.some((p) => /^checking: 2\/2 files done, \d+ s$/.test(p))).toBe(true);
    expect(progress.at(-1)).toBe('');
  });
});
