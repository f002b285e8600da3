import { describe, expect, it } from 'vitest';
import { aarDocx } from '../../src/facilitator/aar-docx.ts';
import { aarMarkdown, planCsv } from '../../src/facilitator/aar-text.ts';
import { buildAar, editableFindings, type AarIp } from '../../src/facilitator/aar.ts';
import type { Exercise } from '../../src/facilitator/exercise.ts';
import { docxText, unzipText } from '../unzip.ts';
import { harness, ok, running, said } from './helpers.ts';
import { scoreReasonText } from '../../src/i18n/engine-text.ts';

const aarOf = (ex: Exercise): AarIp => buildAar(ex.getCompiled()!, ex.session, ex.state!, ex.score()!, '2025-03-14T11:00:00.000Z', 'en');
const titles = (a: AarIp, kind: 'strength' | 'improvement' | 'partner-gap') => editableFindings(a).filter((f) => f.kind === kind).map((f) => f.title);

/** An exercise where the team played FixIt, a partner without the failover capability. */
function withFixIt(): Exercise {
  const { ex } = harness();
  ok(ex.setTeamName('Blue team'));
  ok(ex.choosePartner('fixer'));
  ok(ex.openBriefing());
  ok(ex.togglePreparation('replica'));
  ok(ex.startIncident());
  return ex;
}

describe('the after-action report and improvement plan', () => {
  it('reports an option the partner could not offer as the partner’s gap, with what it cost, not as the team’s choice', () => {
    const ex = withFixIt();
    ok(ex.record('restore'));
    const aar = aarOf(ex);
    expect(aar.partnerGaps).toHaveLength(1);
    const gap = aar.partnerGaps[0]!;
    expect(gap.title).toBe('FixIt could not offer “Fail over to the standby”');
    expect(gap.analysis).toContain('What it cost: A rehearsed failover is the fastest way back.');
    expect(gap.rootCause).toContain('no failover');
    // Not blamed on the team: no "should have chosen the failover" finding.
    expect(titles(aar, 'improvement').some((t) => t.includes('Fail over to the standby'))).toBe(false);
  });

  it('never counts a skipped beat as a strength', () => {
    const { ex } = running();
    ok(ex.record('failover'));
    ok(ex.reveal());
    ok(ex.continue());
    ok(ex.skip()); // the advised "Post an honest update" applies: not the team's doing
    expect(ex.score()!.communication.items.some((i) => scoreReasonText(i, 'en') === 'Told customers what happened and when')).toBe(true);
    expect(titles(aarOf(ex), 'strength')).not.toContain('Told customers what happened and when');
  });

  it('merges duplicates when generated and lets the facilitator edit, merge and remove findings', () => {
    const { ex } = running();
    ok(ex.addNote({ text: 'Called the CEO within minutes', objective: 'prepared', kind: 'strength' }));
    ok(ex.addNote({ text: 'Called the CEO within minutes.', objective: 'prepared', kind: 'strength' }));
    ok(ex.addNote({ text: 'Nobody owned the customer message', objective: 'tell-early', kind: 'improvement' }));
    ok(ex.addNote({ text: 'The status page was not updated', objective: 'tell-early', kind: 'improvement' }));
    let aar = aarOf(ex);
    expect(titles(aar, 'strength').filter((t) => t.startsWith('Called the CEO'))).toHaveLength(1);
    const [owner, page] = aar.analysis.find((o) => o.id === 'tell-early')!.improvements;
    ok(ex.editFinding(owner!.id, { title: 'No owner for customer messages', rootCause: 'The crisis plan names no communications lead.' }));
    ok(ex.editFinding(page!.id, { mergedInto: owner!.id }));
    const standby = editableFindings(aar).find((f) => f.title === 'Paid for a standby before it was needed')!;
    ok(ex.editFinding(standby.id, { removed: true }));
    aar = aarOf(ex);
    const improvements = aar.analysis.find((o) => o.id === 'tell-early')!.improvements;
    expect(improvements.map((f) => f.title)).toEqual(['No owner for customer messages']);
    expect(improvements[0]!.rootCause).toBe('The crisis plan names no communications lead.');
    expect(improvements[0]!.analysis).toContain('The status page was not updated');
    expect(improvements[0]!.merged).toEqual([page!.id]);
    expect(titles(aar, 'strength')).not.toContain('Paid for a standby before it was needed');
    expect(said(ex.editFinding(owner!.id, { mergedInto: owner!.id }))).toBe('a finding cannot be merged into itself');
  });

  it('wants a reason for a rating override and prints it', () => {
    const { ex } = running();
    ok(ex.setRating('prepared', 'U'));
    let aar = aarOf(ex);
    expect(aar.problems[0]).toMatch(/^The rating of “Have a failover ready\.” was changed from . to U: give the reason/);
    ok(ex.setRatingReason('prepared', 'The standby had never been tested.'));
    aar = aarOf(ex);
    expect(aar.problems).toEqual([]);
    expect(aarMarkdown(aar)).toContain("Evaluator's rating; the game suggested");
    expect(aarMarkdown(aar)).toContain('Reason: The standby had never been tested.');
  });

  it('names each rated objective in the generated summary without doubling its full stop', () => {
    const { ex } = running();
    ok(ex.setRating('prepared', 'U'));
    const summary = aarOf(ex).executiveSummary;
    expect(summary).toMatch(/Objectives: .*Have a failover ready: /);
    expect(summary).not.toContain('.:');
  });

  it('keeps the game’s artefacts out of the main report unless the appendix is asked for', () => {
    const { ex } = running();
    ok(ex.end());
    expect(aarMarkdown(aarOf(ex))).not.toMatch(/Seed|T\+0:|Verdict/);
    ok(ex.setAppendix(true));
    const md = aarMarkdown(aarOf(ex));
    expect(md).toContain('## Appendix: exercise artefacts');
    expect(md).toContain('- Seed: 7');
  });

  it('exports the improvement plan as CSV with HSEEP’s columns', () => {
    const { ex } = running();
    ok(ex.addAction({ issue: 'No owner for customer messages', action: 'Name a communications lead', objective: 'tell-early', owner: 'Ana Ruiz', org: 'Marketing', start: '2025-04-01', due: '2025-05-01', element: 'organisation', status: 'in progress' }));
    expect(said(ex.updateAction(ex.session.actions[0]!.id, { start: '2025-06-01' }))).toBe('the start date is after the completion date');
    const csv = planCsv(aarOf(ex)).split('\r\n');
    expect(csv[0]).toBe('n,objective,core_capability,issue,capability_element,corrective_action,responsible_organisation,point_of_contact,start_date,completion_date,status');
    expect(csv[1]).toBe('1,Tell customers early.,Public information and warning,No owner for customer messages,organisation,Name a communications lead,Marketing,Ana Ruiz,2025-04-01,2025-05-01,in progress');
  });

  it('writes a DOCX with the cover marking, every section, the edited findings and page numbers', async () => {
    const { ex } = running();
    ok(ex.setReportText('handling', 'Confidential: Shopco leadership only'));
    ok(ex.setReportText('summary', 'A calm, fast response with one gap in customer messages.'));
    ok(ex.setReportText('hotwash', 'The CFO asked for a written call tree.'));
    ok(ex.addNote({ text: 'Nobody owned the customer message', objective: 'tell-early', kind: 'improvement' }));
    const f = aarOf(ex).analysis.find((o) => o.id === 'tell-early')!.improvements[0]!;
    ok(ex.editFinding(f.id, { title: 'No owner for customer messages', analysis: 'Messages waited for someone to pick them up.' }));
    ok(ex.addAction({ issue: 'No owner', action: 'Name a communications lead', owner: 'Ana Ruiz', org: 'Marketing' }));
    const files = unzipText(await aarDocx(aarOf(ex)));
    const body = docxText(files.get('word/document.xml')!);
    for (const section of ['After-Action Report / Improvement Plan', 'Executive summary', 'Exercise overview', 'Analysis of capabilities', 'Strengths', 'Areas for improvement', 'Participant feedback and hotwash', 'Improvement plan', 'Capability element', 'Responsible organisation', 'Point of contact']) {
      expect(body).toContain(section);
    }
    expect(body).toContain('Confidential: Shopco leadership only');
    expect(body).toContain('A calm, fast response with one gap in customer messages.');
    expect(body).toContain('No owner for customer messages');
    expect(body).toContain('Messages waited for someone to pick them up.');
    expect(body).not.toContain('Nobody owned the customer message');
    expect(body).toContain('The CFO asked for a written call tree.');
    const footer = [...files.entries()].find(([name]) => /word\/footer\d*\.xml/.test(name))?.[1] ?? '';
    expect(footer).toContain('PAGE');
  });
});
