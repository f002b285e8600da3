import { describe, expect, it } from 'vitest';
import { verdictLabel } from '../../src/i18n/engine-text.ts';
import { buildDebrief } from '../../src/store/debrief.ts';
import { debriefMarkdown, exportFileName } from '../../src/store/export.ts';
import { EXPORT_DE } from '../../src/store/export-messages-de.ts';
import { EXPORT_EN } from '../../src/store/export-messages.ts';
import { finishedTinyRun } from './debrief.test.ts';

// The solo game's Markdown debrief for a German player: German headings and labels, money and
// decimals as German writes them, the engine's sentences in German, and none of the English
// catalogue's phrases. (The fixture scenario has no translation, so its own text stays English.)

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

describe('the debrief Markdown in German', () => {
  it('has German headings, labels, money and decimals, and no English from its catalogue', () => {
    const { compiled, run, report, debrief } = finishedTinyRun();
    const german = buildDebrief(compiled, run.state, report, 'de');
    const md = debriefMarkdown(german, 'de');
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
    // The engine's own sentences come worded in German too.
    expect(md).toContain(`**Gesamturteil: ${verdictLabel(report.verdict, 'de')}.**`);
    expect(englishLeftovers(md)).toEqual([]);
    // The check bites on the English export.
    expect(englishLeftovers(debriefMarkdown(debrief, 'en')).length).toBeGreaterThan(20);
    expect(exportFileName(german, 'md', 'de')).toBe('war-room-tiny-startwert-3.md');
  });
});
