import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Lang } from '../i18n/lang.ts';
import { overviewFacts, type AarFinding, type AarIp } from './aar.ts';
import { planColumns, planRows } from './aar-text.ts';
import { reportWords, type ReportWords } from './report-words.ts';

// The AAR/IP as a Word document, because facilitators finish reports in Word. This module (and
// the docx library with it) is loaded only when the facilitator exports a DOCX. The document's
// language is set in its default run properties, so Word checks the spelling in that language.

/** The language tag Word's proofing tools know. */
const WORD_LANGUAGE: { readonly [L in Lang]: string } = { en: 'en-GB', de: 'de-DE' };

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph => new Paragraph({ text, heading: level });
const para = (text: string): Paragraph => new Paragraph({ children: [new TextRun(text)] });
const labelled = (label: string, text: string): Paragraph => new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(text)] });

function findingBlock(t: ReportWords, f: AarFinding, n: number): Paragraph[] {
  return [
    new Paragraph({ children: [new TextRun({ text: `${n}. ${f.title}`, bold: true })] }),
    labelled(t('f.reference'), f.reference),
    labelled(t('f.analysis'), f.analysis),
    ...(f.rootCause ? [labelled(t('f.rootCause'), f.rootCause)] : []),
  ];
}

function cell(text: string, bold = false): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
}

export function aarDocument(a: AarIp): Document {
  const t = reportWords(a.lang);
  const body: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: a.cover.handling, bold: true })] }),
    new Paragraph({ text: a.cover.title, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: t('doc.kind'), size: 32 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(`${a.cover.company} · ${a.cover.team}`)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(a.cover.dates)] }),
    new Paragraph({ children: [new PageBreak()] }),
    heading(t('h.summary'), HeadingLevel.HEADING_1),
    ...a.executiveSummary.split(/\n{2,}/).map(para),
    heading(t('h.overview'), HeadingLevel.HEADING_1),
    ...overviewFacts(a).map(([label, value]) => labelled(label, value)),
    heading(t('h.analysis'), HeadingLevel.HEADING_1),
  ];
  for (const o of a.analysis) {
    body.push(heading(o.text, HeadingLevel.HEADING_2), labelled(t('coreCapability'), o.capability));
    if (o.rating) {
      body.push(labelled(t('rating'), t(`rating.${o.rating}`)));
      if (o.overrideReason) body.push(para(t('override', { suggested: o.suggested ?? '', reason: o.overrideReason })));
    }
    body.push(heading(t('h.strengths'), HeadingLevel.HEADING_3));
    if (o.strengths.length === 0) body.push(para(t('noneRecorded')));
    o.strengths.forEach((f, i) => body.push(...findingBlock(t, f, i + 1)));
    body.push(heading(t('h.improvements'), HeadingLevel.HEADING_3));
    if (o.improvements.length === 0) body.push(para(t('noneRecorded')));
    o.improvements.forEach((f, i) => body.push(...findingBlock(t, f, i + 1)));
  }
  if (a.partnerGaps.length) {
    body.push(heading(t('h.gaps'), HeadingLevel.HEADING_2), para(t('gaps.intro')));
    a.partnerGaps.forEach((f, i) => body.push(...findingBlock(t, f, i + 1)));
  }
  body.push(heading(t('h.hotwash'), HeadingLevel.HEADING_1));
  body.push(...(a.hotwash.notes ? a.hotwash.notes.split(/\n+/).map(para) : [para(t('noHotwash'))]));
  for (const o of a.hotwash.observations) body.push(new Paragraph({ text: o, bullet: { level: 0 } }));
  body.push(heading(t('h.plan'), HeadingLevel.HEADING_1));
  if (a.plan.length === 0) body.push(para(t('noPlan')));
  else {
    const head = planColumns(a);
    body.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
          ...planRows(a).map((row) => new TableRow({ children: row.map((text) => cell(text)) })),
        ],
      }),
    );
  }
  if (a.appendix) {
    const x = a.appendix;
    body.push(
      heading(t('h.appendix'), HeadingLevel.HEADING_1),
      labelled(t('ax.seed'), String(x.seed)),
      labelled(t('ax.partner'), x.partner),
      labelled(t('ax.gameTime'), x.gameTime),
      labelled(t('ax.ending'), x.ending),
      labelled(t('ax.scores'), t('ax.scoresValue', x.scores)),
      labelled(t('ax.verdict'), x.verdict),
      ...x.decisions.map((d) => new Paragraph({ text: t('ax.decision', d), bullet: { level: 0 } })),
    );
  }

  return new Document({
    title: t('doc.title', { title: a.cover.title }),
    creator: 'War Room',
    styles: { default: { document: { run: { language: { value: WORD_LANGUAGE[a.lang] } } } } },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: a.cover.handling, size: 18 })] })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ size: 18, children: [`${a.cover.title} · ${t('doc.short')} · ${a.cover.handling} · ${t('doc.page')} `, PageNumber.CURRENT, ` ${t('doc.of')} `, PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
}

/** The .docx file's bytes. */
export async function aarDocx(a: AarIp): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(aarDocument(a)));
}
