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
import { overviewFacts, type AarFinding, type AarIp } from './aar.ts';
import { RATING_NAMES } from './aar-text.ts';

// The AAR/IP as a Word document, because facilitators finish reports in Word. This module (and
// the docx library with it) is loaded only when the facilitator exports a DOCX.

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph => new Paragraph({ text, heading: level });
const para = (text: string): Paragraph => new Paragraph({ children: [new TextRun(text)] });
const labelled = (label: string, text: string): Paragraph => new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(text)] });

function findingBlock(f: AarFinding, n: number): Paragraph[] {
  return [
    new Paragraph({ children: [new TextRun({ text: `${n}. ${f.title}`, bold: true })] }),
    labelled('Reference', f.reference),
    labelled('Analysis', f.analysis),
    ...(f.rootCause ? [labelled('Root cause', f.rootCause)] : []),
  ];
}

function cell(text: string, bold = false): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
}

export function aarDocument(a: AarIp): Document {
  const ov = a.overview;
  const body: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: a.cover.handling, bold: true })] }),
    new Paragraph({ text: a.cover.title, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'After-Action Report / Improvement Plan', size: 32 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(`${a.cover.company} · ${a.cover.team}`)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(a.cover.dates)] }),
    new Paragraph({ children: [new PageBreak()] }),
    heading('Executive summary', HeadingLevel.HEADING_1),
    ...a.executiveSummary.split(/\n{2,}/).map(para),
    heading('Exercise overview', HeadingLevel.HEADING_1),
    ...overviewFacts(ov).map(([label, value]) => labelled(label, value)),
    heading('Analysis of capabilities', HeadingLevel.HEADING_1),
  ];
  for (const o of a.analysis) {
    body.push(heading(o.text, HeadingLevel.HEADING_2), labelled('Core capability', o.capability));
    if (o.rating) {
      body.push(labelled('Rating', RATING_NAMES[o.rating]));
      if (o.overrideReason) body.push(labelled('Evaluator’s rating', `the game suggested ${o.suggested}. Reason: ${o.overrideReason}`));
    }
    body.push(heading('Strengths', HeadingLevel.HEADING_3));
    if (o.strengths.length === 0) body.push(para('None recorded.'));
    o.strengths.forEach((f, i) => body.push(...findingBlock(f, i + 1)));
    body.push(heading('Areas for improvement', HeadingLevel.HEADING_3));
    if (o.improvements.length === 0) body.push(para('None recorded.'));
    o.improvements.forEach((f, i) => body.push(...findingBlock(f, i + 1)));
  }
  if (a.partnerGaps.length) {
    body.push(heading('IT partner capability gaps', HeadingLevel.HEADING_2), para('Options the team could not take because of what its IT partner provides: the partner’s gap, not the team’s choice.'));
    a.partnerGaps.forEach((f, i) => body.push(...findingBlock(f, i + 1)));
  }
  body.push(heading('Participant feedback and hotwash', HeadingLevel.HEADING_1));
  body.push(...(a.hotwash.notes ? a.hotwash.notes.split(/\n+/).map(para) : [para('No hotwash notes recorded.')]));
  for (const o of a.hotwash.observations) body.push(new Paragraph({ text: o, bullet: { level: 0 } }));
  body.push(heading('Improvement plan', HeadingLevel.HEADING_1));
  if (a.plan.length === 0) body.push(para('No corrective actions agreed yet.'));
  else {
    const head = ['#', 'Objective / capability', 'Issue', 'Capability element', 'Corrective action', 'Responsible organisation', 'Point of contact', 'Start', 'Completion', 'Status'];
    body.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
          ...a.plan.map(
            (p) =>
              new TableRow({
                children: [String(p.n), `${p.objective} / ${p.capability}`, p.issue, p.element, p.action, p.org, p.poc, p.start, p.completion, p.status].map((t) => cell(t)),
              }),
          ),
        ],
      }),
    );
  }
  if (a.appendix) {
    const x = a.appendix;
    body.push(
      heading('Appendix: exercise artefacts', HeadingLevel.HEADING_1),
      labelled('Seed', String(x.seed)),
      labelled('IT partner played', x.partner),
      labelled('Game time covered', x.gameTime),
      labelled('Ending', x.ending),
      labelled('Scores', `communication ${x.scores.communication}, proactivity ${x.scores.proactivity}, business impact ${x.scores.businessImpact}, overall ${x.scores.overall}`),
      labelled('Verdict', x.verdict),
      ...x.decisions.map((d) => new Paragraph({ text: `${d.when} “${d.beat}”: ${d.choice} (${d.by})`, bullet: { level: 0 } })),
    );
  }

  return new Document({
    title: `${a.cover.title}: After-Action Report / Improvement Plan`,
    creator: 'War Room',
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: a.cover.handling, size: 18 })] })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ size: 18, children: [`${a.cover.title} · AAR/IP · ${a.cover.handling} · Page `, PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
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
