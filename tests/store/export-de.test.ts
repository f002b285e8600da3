import { describe, expect, it } from 'vitest';
import type { DebriefData } from '../../src/store/debrief.ts';
import { debriefMarkdown, exportFileName, mdText } from '../../src/store/export.ts';
import { EXPORT_DE } from '../../src/store/export-messages-de.ts';
import { EXPORT_EN } from '../../src/store/export-messages.ts';
import { finishedTinyRun } from './debrief.test.ts';

// The solo game's Markdown debrief for a German player: German headings and labels, money and
// decimals as German writes them, and none of the English catalogue's phrases. (The fixture
// scenario and the engine's sentences stay English here: they are translated where they live.)

/** English catalogue phrases (text between placeholders, 8+ characters, not shared with German) found in `text`. */
function englishLeftovers(text: string): string[] {
  const texts = (c: object): string[] => Object.values(c).flatMap((m: string | object) => (typeof m === 'string' ? [m] : (Object.values(m) as string[])));
  const german = texts(EXPORT_DE);
  const phrases = texts(EXPORT_EN)
    .flatMap((m) => m.split(/\{[A-Za-z]+\}/))
    .map((p) => p.trim())
    .filter((p) => p.length >= 8 && !german.some((g) => g.includes(p)));
  return [...new Set(phrases)].filter((p) => text.includes(p));
}

/** The Markdown without the engine's own sentences (score reasons, ratings, verdict, judgement), which the engine translates. */
function withoutEngineSentences(md: string, d: DebriefData): string {
  const r = d.report;
  const { decisions, partner } = d.judgement;
  const sentences = [
    ...[r.communication, r.proactivity, r.businessImpact].flatMap((dim) => dim.items.map((i) => i.reason)),
    ...r.objectives.flatMap((o) => [o.label, o.reason]),
    r.verdict.label,
    r.verdict.text,
    decisions.label,
    decisions.text,
    partner.label,
    partner.text,
    partner.lesson ?? '',
  ].filter(Boolean);
  return sentences.reduce((rest, s) => rest.replaceAll(mdText(s), ''), md);
}

describe('the debrief Markdown in German', () => {
  it('has German headings, labels, money and decimals, and no English from its catalogue', () => {
    const { debrief, report } = finishedTinyRun();
    const md = debriefMarkdown(debrief, 'de');
    expect(md.startsWith('# War-Room-Auswertung: Tiny outage\n')).toBe(true);
    for (const line of ['## Punkte', '| Wertung | Punkte |', `| Kommunikation | ${report.communication.score} |`, `| Geschäftsauswirkung | ${report.businessImpact.score} |`, `| **Gesamt** | **${report.overall}** |`, '## Lernziele', '## Vorbereitung', '## Entscheidungen', '## Was es gekostet hat', '## Fragen für Ihre eigene Organisation']) {
      expect(md).toContain(line);
    }
    expect(md).toContain('- IT-Partner: FixIt (Reparaturdienstleister)');
    expect(md).toContain('- Ihre Wahl: Restore from backup, nach 4 min');
    expect(md).toContain('- Punkte: −15 Kommunikation, Stayed silent');
    // Money in the scenario's currency as German writes it (a no-break space before the sign), and a German decimal comma.
    expect(md).toContain('- Status templates (50\u00a0€)');
    expect(md).toMatch(/\| FixIt \(Ihrer\) \| \d+ \| 12\.400\u00a0€ \|/);
    expect(md).toMatch(/^- −7,2: /m);
    expect(englishLeftovers(withoutEngineSentences(md, debrief))).toEqual([]);
    // The check bites on the English export.
    expect(englishLeftovers(withoutEngineSentences(debriefMarkdown(debrief, 'en'), debrief)).length).toBeGreaterThan(20);
    expect(exportFileName(debrief, 'md', 'de')).toBe('war-room-tiny-startwert-3.md');
  });
});
