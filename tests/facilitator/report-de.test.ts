import { describe, expect, it } from 'vitest';
import { aarDocx } from '../../src/facilitator/aar-docx.ts';
import { aarMarkdown, planCsv } from '../../src/facilitator/aar-text.ts';
import { buildAar, editableFindings, type AarIp } from '../../src/facilitator/aar.ts';
import { decisionsCsv, notesCsv } from '../../src/facilitator/csv.ts';
import type { Exercise } from '../../src/facilitator/exercise.ts';
import { reportFileName } from '../../src/facilitator/report-files.ts';
import { REPORT_DE } from '../../src/facilitator/report-messages-de.ts';
import { REPORT_EN } from '../../src/facilitator/report-messages.ts';
import { buildReport } from '../../src/facilitator/report.ts';
import { roomVotesMarkdown, roomVotesReport } from '../../src/facilitator/room/room-report.ts';
import type { Lang } from '../../src/i18n/lang.ts';
import type { Catalogue } from '../../src/i18n/messages.ts';
import type { VoteRecord } from '../../src/protocol/views.ts';
import { docxText, unzipText } from '../unzip.ts';
import { ok, running } from './helpers.ts';

// The reports a German team takes home: German words from the report catalogue, German numbers,
// dates and separators, the document language set for Word, and not one sentence of the English
// catalogue left over. (Scenario text and the engine's sentences are not the catalogue's: the
// fixture scenario is English, and the engine's sentences are translated where the engine is.)

const AT = '2025-03-14T11:00:00.000Z';

/** A finished exercise with notes, an override with its reason, a plan line and the appendix. */
function workshop(): Exercise {
  const { ex } = running();
  ok(ex.setTeamName('Führungskreis Süd'));
  ok(ex.addNote({ text: 'Called the CEO within minutes', objective: 'prepared', kind: 'strength' }));
  ok(ex.addNote({ text: 'Nobody owned the customer message', objective: 'tell-early', kind: 'improvement' }));
  ok(ex.record('restore'));
  ok(ex.setRating('prepared', 'U'));
  ok(ex.setRatingReason('prepared', 'Der Standby wurde nie getestet.'));
  ok(ex.addAction({ issue: 'Niemand; verantwortlich', action: 'Kommunikationsleitung benennen', objective: 'tell-early', owner: 'Ana Ruiz', org: 'Marketing', start: '2025-04-01', due: '2025-05-01', element: 'organisation', status: 'in progress' }));
  ok(ex.setAppendix(true));
  ok(ex.end());
  return ex;
}

const aarOf = (ex: Exercise, lang: Lang): AarIp => buildAar(ex.getCompiled()!, ex.session, ex.state!, ex.score()!, AT, lang);
const reportOf = (ex: Exercise, lang: Lang) => buildReport(ex.getCompiled()!, ex.session, ex.state!, ex.score()!, AT, lang);

/**
 * The English catalogue's own wording that must not appear in a German report: each message's
 * text between placeholders, where it is a phrase (8 characters or more) the German does not share.
 */
function englishLeftovers(text: string, en: Catalogue, de: Catalogue): string[] {
  const germanTexts = Object.values(de).flatMap((m) => (typeof m === 'string' ? [m] : Object.values(m)));
  const phrases = Object.values(en)
    .flatMap((m) => (typeof m === 'string' ? [m] : Object.values(m)))
    .flatMap((m) => m!.split(/\{[A-Za-z]+\}/))
    .map((p) => p.trim())
    .filter((p) => p.length >= 8 && !germanTexts.some((g) => g!.includes(p)));
  return [...new Set(phrases)].filter((p) => text.includes(p));
}

describe('the after-action report in German', () => {
  it('writes Markdown with German headings, labels, dates and plan words, and no English from the catalogue', () => {
    const ex = workshop();
    const md = aarMarkdown(aarOf(ex, 'de'));
    // The leftover check bites: the English report is full of the English catalogue's phrases.
    expect(englishLeftovers(aarMarkdown(aarOf(ex, 'en')), REPORT_EN, REPORT_DE).length).toBeGreaterThan(30);
    for (const heading of ['**Auswertungsbericht und Verbesserungsplan**', '## Zusammenfassung für die Geschäftsführung', '## Überblick über die Übung', '## Analyse der Fähigkeiten', '#### Stärken', '#### Verbesserungsbedarf', '## Verbesserungsplan', '## Anhang: Daten aus dem Spiel']) {
      expect(md).toContain(heading);
    }
    expect(md).toContain('_Vertraulich: nur für die teilnehmende Organisation_');
    expect(md).toContain('- **Datum der Übung:** 14. März 2025');
    expect(md).toContain('- **Aufgabenbereich:** Reaktion');
    expect(md).toContain('Führungskreis Süd hat am 14. März 2025 die Reaktion auf „Tiny outage“ geübt');
    expect(md).toContain('mit 2 Personen');
    expect(md).toContain('Bewertung: **Nicht bewältigt (U)**. Bewertung der Auswertenden; das Spiel schlug');
    expect(md).toContain('Grund: Der Standby wurde nie getestet.');
    expect(md).toContain('Bezug: Notiz der Auswertenden, ');
    expect(md).toContain('| Organisation | Kommunikationsleitung benennen | Marketing | Ana Ruiz | 01.04.2025 | 01.05.2025 | in Arbeit |');
    expect(md).toContain('- Punkte: Kommunikation ');
    expect(md).toContain('(das Team)');
    expect(englishLeftovers(md, REPORT_EN, REPORT_DE)).toEqual([]);
  });

  it('keeps the facilitator’s edits when the report is rebuilt in the other language', () => {
    const ex = workshop();
    const english = editableFindings(aarOf(ex, 'en'));
    const german = editableFindings(aarOf(ex, 'de'));
    expect(german.map((f) => f.id)).toEqual(english.map((f) => f.id));
    const advice = english.find((f) => f.id.startsWith('a:'))!;
    ok(ex.editFinding(advice.id, { rootCause: 'Kein Failover geübt.' }));
    expect(editableFindings(aarOf(ex, 'de')).find((f) => f.id === advice.id)!.rootCause).toBe('Kein Failover geübt.');
  });

  it('writes a Word document whose language is German, with German headings and page footer', async () => {
    const ex = workshop();
    const files = unzipText(await aarDocx(aarOf(ex, 'de')));
    const body = docxText(files.get('word/document.xml')!);
    for (const heading of ['Auswertungsbericht und Verbesserungsplan', 'Zusammenfassung für die Geschäftsführung', 'Analyse der Fähigkeiten', 'Verbesserungsbedarf', 'Verbesserungsplan', 'Fähigkeitselement', 'Verantwortliche Organisation', 'Ansprechperson', '01.05.2025']) {
      expect(body).toContain(heading);
    }
    expect(englishLeftovers(body, REPORT_EN, REPORT_DE)).toEqual([]);
    // Word's proofing language: the document default, which every run inherits.
    expect(files.get('word/styles.xml')).toMatch(/<w:docDefaults>.*<w:lang w:val="de-DE"\/>.*<\/w:docDefaults>/s);
    const footer = [...files.entries()].find(([name]) => /word\/footer\d*\.xml/.test(name))![1];
    expect(docxText(footer)).toContain('Seite');
    expect(docxText(footer)).toContain('von');
    expect(docxText(footer)).not.toContain('Page');
    expect(files.get('docProps/core.xml')).toContain('Auswertungsbericht und Verbesserungsplan');
    // The English document says it is English.
    expect(unzipText(await aarDocx(aarOf(ex, 'en'))).get('word/styles.xml')).toContain('<w:lang w:val="en-GB"/>');
  });

  it('writes CSV that German Excel opens in columns: semicolons, a byte order mark, German heads and words, plain numbers and ISO dates', () => {
    const ex = workshop();
    const plan = planCsv(aarOf(ex, 'de'));
    expect(plan.startsWith('\uFEFF')).toBe(true);
    const rows = plan.slice(1).split('\r\n');
    expect(rows[0]).toBe('Nr;Ziel;Kernfähigkeit;Problem;Fähigkeitselement;Korrekturmaßnahme;Verantwortliche Organisation;Ansprechperson;Beginn;Abschluss;Stand');
    // A semicolon inside a cell is quoted, so the columns stay where they are.
    expect(rows[1]).toBe('1;Tell customers early.;Information und Warnung der Öffentlichkeit;"Niemand; verantwortlich";Organisation;Kommunikationsleitung benennen;Marketing;Ana Ruiz;2025-04-01;2025-05-01;in Arbeit');
    const r = reportOf(ex, 'de');
    const decisions = decisionsCsv(r).slice(1).split('\r\n');
    expect(decisions[0]).toBe('Nr;Spielzeit;Abschnitt;Frage;Entscheidung;Entschieden durch;Stimmen;Empfehlung;Empfehlung befolgt;Stand;Zurückgenommen am');
    expect(decisions[1]).toBe('1;T+0:00;The database falls over;What now?;Restore from backup;Team;;Fail over to the standby;nein;gilt;');
    const notes = notesCsv(r).slice(1).split('\r\n');
    expect(notes[0]).toBe('Erfasst am;Spielzeit;Abschnitt;Art;Ziel;Notiz');
    expect(notes[1]).toMatch(/^2025-03-14T09:00:00\.000Z;T\+0:00;The database falls over;Stärke;Have a failover ready\.;Called the CEO within minutes$/);
    for (const csv of [plan, decisionsCsv(r), notesCsv(r)]) expect(englishLeftovers(csv, REPORT_EN, REPORT_DE)).toEqual([]);
    // English keeps its commas and no byte order mark.
    expect(planCsv(aarOf(ex, 'en')).startsWith('n,objective,')).toBe(true);
  });

  it('names the files in German, in ASCII', () => {
    const r = reportOf(workshop(), 'de');
    expect(reportFileName(r, 'csv', 'plan')).toBe('auswertung-fuhrungskreis-sud-2025-03-14-verbesserungsplan.csv');
    expect(reportFileName(r, 'docx')).toBe('auswertung-fuhrungskreis-sud-2025-03-14.docx');
    expect(reportFileName(reportOf(workshop(), 'en'), 'csv', 'notes')).toBe('aar-fuhrungskreis-sud-2025-03-14-notes.csv');
  });

  it('words the timeline in German', () => {
    const r = reportOf(workshop(), 'de');
    const texts = r.timeline.map((i) => `${i.text} ${i.detail ?? ''}`).join('\n');
    expect(texts).toContain('Abschnitt: The database falls over');
    expect(texts).toContain('Einspielung (Alarm) von Monitoring');
    expect(texts).toContain('Entscheidung zu „The database falls over“: Restore from backup (durch das Team)');
    expect(r.overview.participants.map((p) => p.roleLabel)).toContain('Kommunikation');
    expect(englishLeftovers(texts, REPORT_EN, REPORT_DE)).toEqual([]);
  });
});

describe('the room’s votes in German', () => {
  const record: VoteRecord = {
    decision: 'contain@12',
    beat: 'contain',
    prompt: 'Produktionsnetz trennen?',
    options: [
      { id: 'isolate', label: 'Sofort trennen' },
      { id: 'wait', label: 'Auf den Dienstleister warten' },
    ],
    anonymous: false,
    tally: { counts: { isolate: 2, wait: 1 }, total: 3 },
    ballots: [
      { name: 'Anja', role: 'cio', option: 'isolate', confidence: 4, rationale: 'Ausbreitung *stoppen*' },
      { name: '<b>Bo</b>', role: 'cfo', option: 'isolate', confidence: 4, rationale: '' },
      { name: 'Cem', role: 'ceo', option: 'wait', confidence: 3, rationale: 'Produktion zuerst' },
    ],
  };

  it('writes German words, percentages and decimals, and names and rationales as typed', () => {
    const md = roomVotesMarkdown(roomVotesReport([record]), 'de');
    expect(md).toContain('## Abstimmungen im Raum');
    expect(md).toContain('3 Stimmen (namentlich).');
    // Intl writes a no-break space before the percent sign, as German typesetting does.
    expect(md).toContain('Sofort trennen: 2 (67\u00a0%)');
    expect(md).toContain('Mittelwert 3,7');
    expect(md).toContain('Begründungen:');
    expect(md).toContain('Anja: „Ausbreitung \\*stoppen\\*“');
    expect(md).not.toContain('<b>');
    expect(englishLeftovers(md, REPORT_EN, REPORT_DE)).toEqual([]);
  });
});
