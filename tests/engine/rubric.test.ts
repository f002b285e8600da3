import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rubric } from '../../src/engine/rubric.ts';
import { RULE_POINTS, VERDICTS, verdictFor } from '../../src/engine/scoring.ts';
import { rubricMarkdown, rubricText } from '../../src/i18n/engine-text.ts';

describe('scoring rubric', () => {
  it('is what docs/scoring.md says (regenerate with `npx war-room docs` when this fails)', () => {
    expect(readFileSync(new URL('../../docs/scoring.md', import.meta.url), 'utf8')).toBe(rubricMarkdown('en'));
  });

  it('states the numbers the scoring uses', () => {
    const text = rubricMarkdown('en');
    expect(text).toContain('Letting a regulator\'s deadline pass: −15; telling them late still earns +5');
    expect(text).toContain('Revenue lost, against the revenue at risk in the scenario: up to −35');
    expect(text).toContain('85+: Strategic partner.');
    expect(rubricText('en').map((s) => s.title)).toContain('The verdict on your partner');
  });

  it('is data from the engine: the scoring constants, and a verdict scale that verdictFor follows', () => {
    const r = rubric();
    expect(r.rulePoints).toBe(RULE_POINTS);
    expect(r.verdicts.map((v) => v.id)).toEqual(VERDICTS.map((v) => v.id));
    for (const v of r.verdicts) expect(verdictFor(v.min).id).toBe(v.id);
    expect(JSON.stringify(r)).not.toMatch(/[a-z]{3,} [a-z]{3,}/);
  });
});
