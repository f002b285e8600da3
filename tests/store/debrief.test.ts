import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/compile.ts';
import { Run } from '../../src/engine/runtime.ts';
import { scoreRun } from '../../src/engine/scoring.ts';
import { buildDebrief } from '../../src/store/debrief.ts';
import { durationShort, signed } from '../../src/store/format.ts';
import { tinyScenario } from '../fixtures/tiny-scenario.ts';

/** Fixer partner, no measures, restore after 4 minutes, then silence: a poor but complete run. */
export function finishedTinyRun() {
  const compiled = compileScenario(tinyScenario());
  const run = Run.start(compiled, { seed: 3, partner: 'fixer' });
  run.commitPreparation(['templates']);
  run.advance(4);
  run.choose('restore');
  run.choose('hide');
  const report = scoreRun(compiled.index, run.log);
  return { compiled, run, report, debrief: buildDebrief(compiled, run.state, report) };
}

describe('debrief data', () => {
  it("separates the options the partner kept out of reach from the player's own choices, and judges each apart", () => {
    const compiled = compileScenario(tinyScenario());
    const run = Run.start(compiled, { seed: 3, partner: 'fixer' });
    run.commitPreparation(['replica']);
    run.advance(4);
    run.choose('restore');
    run.choose('tell');
    const d = buildDebrief(compiled, run.state, scoreRun(compiled.index, run.log));
    const first = d.timeline[0]!;
    expect(first.notTaken.map((o) => o.id)).toEqual(['wait']);
    expect(first.outOfReach).toEqual([{ id: 'failover', label: 'Fail over to the standby', needs: ['failover'], why: 'Needs a standby and a partner who can run it' }]);
    expect(first.advice).toMatchObject({ id: 'failover', followed: false, closed: true });
    // Judged only where the advice was open: the second decision, where it was followed.
    expect(d.judgement.decisions).toMatchObject({ label: 'Sound decisions', followed: 1, open: 1 });
    expect(d.judgement.partner).toMatchObject({ label: 'Your partner held you back', closed: 1 });
    expect(d.judgement.partner.lesson).toMatch(/^With Ally the same decisions would have ended 30 min sooner and cost €3,000 less in lost revenue\.$/);
    expect(d.changes).toEqual({ fixer: [], ally: [] });
  });

  it('lists each decision with the choice, its outcome, the advice and the options not taken', () => {
    const { debrief } = finishedTinyRun();
    expect(debrief.timeline).toHaveLength(2);
    const [first, second] = debrief.timeline;
    expect(first).toMatchObject({
      n: 1,
      t: 4,
      beatTitle: 'The database falls over',
      chosen: { id: 'restore', label: 'Restore from backup', outcome: 'Slow, but it worked.' },
      by: 'player',
      waited: 4,
      advice: { id: 'failover', label: 'Fail over to the standby', followed: false },
    });
    // The failover needed a standby nobody bought: not open, so not listed as turned down.
    expect(first!.notTaken.map((o) => o.id)).toEqual(['wait']);
    expect(first!.notOpen.map((o) => o.id)).toEqual(['failover']);
    expect(first!.outOfReach).toEqual([]);
    expect(second!.points).toEqual([{ dimension: 'communication', points: -15, reason: 'Stayed silent' }]);
    expect(second!.advice.why).toBe('Silence breeds rumours.');
  });

  it('charts the metrics from the clock log as shares of the worst case, with a marker per decision', () => {
    const { debrief, run } = finishedTinyRun();
    const revenue = debrief.series.find((s) => s.metric === 'revenueLost')!;
    expect(revenue.scale).toBe(60000);
    expect(revenue.points[0]).toEqual({ t: 0, value: 0, share: 0 });
    const last = revenue.points.at(-1)!;
    expect(last.t).toBe(run.state.clock);
    expect(last.value).toBe(run.state.metrics.revenueLost);
    expect(last.share).toBeCloseTo(run.state.metrics.revenueLost / 60000);
    const times = revenue.points.map((p) => p.t);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(new Set(times).size).toBe(times.length);
    expect(debrief.markers).toEqual([
      { n: 1, t: 4, label: 'The database falls over' },
      { n: 2, t: debrief.timeline[1]!.t, label: 'Customers ask' },
    ]);
  });

  it('carries the ending, the scores and five reflection questions led by the weakest score', () => {
    const { debrief, report } = finishedTinyRun();
    expect(debrief.ending).toEqual({ title: 'A rough week', narrative: 'It could have gone better.', outcome: 'bad' });
    expect(debrief.report).toBe(report);
    expect(debrief.questions).toHaveLength(5);
    const weakest = (['communication', 'proactivity', 'businessImpact'] as const).reduce((a, b) =>
      report[b].score < report[a].score ? b : a,
    );
    expect(debrief.questions[0]!.theme).toBe(weakest);
    // The last question is about the first decision that parted from the advice.
    expect(debrief.questions[4]!.text).toContain('“Restore from backup”');
  });

  it('is in German when asked: judgement, lesson, chart labels, questions and the clock', () => {
    const compiled = compileScenario({ ...tinyScenario(), setting: 'Sonntag 02:40, Hauptwerk' });
    const run = Run.start(compiled, { seed: 3, partner: 'fixer' });
    run.commitPreparation(['replica']);
    run.advance(4);
    run.choose('restore');
    run.choose('tell');
    const report = scoreRun(compiled.index, run.log);
    const en = buildDebrief(compiled, run.state, report);
    const d = buildDebrief(compiled, run.state, report, 'de');
    expect(d.judgement.decisions).toMatchObject({ label: 'Tragfähige Entscheidungen', followed: 1, open: 1 });
    expect(d.judgement.decisions.text).toBe('Bei 1 von 1 Entscheidungen, bei denen es Ihnen offenstand, haben Sie gewählt, was ein strategischer Partner empfohlen hat.');
    expect(d.judgement.partner.label).toBe('Ihr Partner hat Sie ausgebremst');
    expect(d.judgement.partner.text).toBe('Mit FixIt blieb Ihnen eine bessere Option verschlossen: Sie hätte Failover erfordert, was FixIt nicht anbietet.');
    expect(d.judgement.partner.lesson).toBe('Mit Ally hätten dieselben Entscheidungen den Vorfall 30 Min. früher beendet und 3.000\u00a0€ weniger Umsatz gekostet.');
    expect(d.series.map((s) => s.label)).toEqual(['Umsatzverlust', 'Betroffene Kunden', 'Ausfallzeit', 'Compliance-Risiko']);
    expect(d.timeline[0]!.local).toBe('So 02:44');
    expect(en.timeline[0]!.local).toBe('Sun 02:44');
    expect(d.questions).toHaveLength(5);
    for (const q of d.questions) expect(q.text).not.toMatch(/\b(the|your|you|what)\b/i);
    // The same run in English reads exactly as before.
    expect(en.judgement.partner.text).toBe('FixIt kept 1 better option out of your reach: it needed failover, which FixIt does not offer.');
    expect(en.judgement.partner.lesson).toBe('With Ally the same decisions would have ended 30 min sooner and cost €3,000 less in lost revenue.');
  });

  it('writes points and tight spans as each language does', () => {
    expect([5, -21.8, 0].map((p) => signed(p, 'en'))).toEqual(['+5', '−21.8', '0']);
    expect([5, -21.8, 0].map((p) => signed(p, 'de'))).toEqual(['+5', '−21,8', '0']);
    expect(durationShort(5722, 'en')).toBe('95h 22m');
    expect(durationShort(5722, 'de')).toBe('95 h 22 min');
    expect(durationShort(45, 'de')).toBe('45 min');
  });
});
