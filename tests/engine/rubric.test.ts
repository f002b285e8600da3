import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rubric, rubricMarkdown } from '../../src/engine/rubric.ts';

describe('scoring rubric', () => {
  it('is what docs/scoring.md says (regenerate with `npx war-room docs` when this fails)', () => {
    expect(readFileSync(new URL('../../docs/scoring.md', import.meta.url), 'utf8')).toBe(rubricMarkdown());
  });

  it('states the numbers the scoring uses', () => {
    const text = rubricMarkdown();
    expect(text).toContain('Letting a regulator\'s deadline pass: −15; telling them late still earns +5');
    expect(text).toContain('Revenue lost, against the revenue at risk in the scenario: up to −35');
    expect(text).toContain('85+: Strategic partner.');
    expect(rubric().map((s) => s.title)).toContain('The verdict on your partner');
  });
});
