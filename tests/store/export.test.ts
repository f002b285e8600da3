import { describe, expect, it } from 'vitest';
import { buildDebrief } from '../../src/store/debrief.ts';
import { debriefJson, debriefMarkdown, exportFileName, mdText } from '../../src/store/export.ts';
import { finishedTinyRun } from './debrief.test.ts';
import { ratingLabel, verdictLabel } from '../../src/i18n/engine-text.ts';

describe('debrief exports', () => {
  it('writes the scores, verdict, objectives and every decision into the Markdown', () => {
    const { debrief, report } = finishedTinyRun();
    const md = debriefMarkdown(debrief, 'en');
    expect(md.startsWith('# War Room debrief: Tiny outage\n')).toBe(true);
    expect(md).toContain(`| Communication | ${report.communication.score} |`);
    expect(md).toContain(`| Proactivity | ${report.proactivity.score} |`);
    expect(md).toContain(`| Business impact | ${report.businessImpact.score} |`);
    expect(md).toContain(`| **Overall** | **${report.overall}** |`);
    expect(md).toContain(`**Verdict: ${verdictLabel(report.verdict, 'en')}.**`);
    for (const o of report.objectives) expect(md).toContain(`| ${o.rating}: ${ratingLabel(o.rating, 'en')} |`);
    expect(md).toContain('### 1. T+0:04: The database falls over');
    expect(md).toContain('- You chose: Restore from backup, after 4 min');
    expect(md).toContain('- A strategic partner would have chosen: Fail over to the standby. A rehearsed failover is the fastest way back.');
    expect(md).toContain('- Open to you, not taken: Wait and see');
    expect(md).toContain('- Not open to you: Fail over to the standby (Needs a standby and a partner who can run it)');
    expect(md).toContain('## The same decisions with each IT partner');
    expect(md).toMatch(/\| FixIt \(yours\) \| \d+ \|/);
    expect(md).toContain('### Uptime per service over');
    expect(md).toContain('- Score: −15 communication, Stayed silent');
    expect(md).toContain('- Status templates (€50)');
    expect(md).toContain('- Seed: 3');
    expect(md.match(/^\d\. /gm)).toHaveLength(5);
  });

  it('keeps scenario text from turning into Markdown markup', () => {
    expect(mdText('a *bold* | pipe <b> #1\nnext')).toBe('a \\*bold\\* \\| pipe \\<b\\> \\#1 next');
    const { compiled, run, report } = finishedTinyRun();
    const state = { ...run.state, vars: { ...run.state.vars } };
    const debrief = buildDebrief(compiled, state, report);
    debrief.title = 'Pipes | and *stars*';
    expect(debriefMarkdown(debrief, 'en')).toContain('# War Room debrief: Pipes \\| and \\*stars\\*');
  });

  it('puts a replayable save next to the scores in the JSON', () => {
    const { debrief, run, report } = finishedTinyRun();
    const data = JSON.parse(debriefJson(debrief, run.save()));
    expect(data.format).toBe('war-room.debrief');
    expect(data.scores.overall).toBe(report.overall);
    expect(data.save.inputs).toEqual(run.inputs);
    expect(exportFileName(debrief, 'md', 'en')).toBe('war-room-tiny-seed-3.md');
  });
});

describe('formatting shared by screens and exports', () => {
  it('writes game time, spans and money the same way everywhere', async () => {
    const { gameTime, duration, durationShort, money, signed } = await import('../../src/store/format.ts');
    expect(gameTime(0)).toBe('T+0:00');
    expect(gameTime(125)).toBe('T+2:05');
    expect(duration(45)).toBe('45 min');
    expect(duration(120)).toBe('2 h');
    expect(duration(125)).toBe('2 h 5 min');
    expect(durationShort(7472)).toBe('124h 32m');
    expect(money(1234.4, 'EUR')).toBe('€1,234');
    expect(signed(-5)).toBe('−5');
    expect(signed(3)).toBe('+3');
  });
});
