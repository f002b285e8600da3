import { formats } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { VoteRecord } from '../../protocol/views.ts';
import { reportWords } from '../report-words.ts';

// The phones' votes per decision for the after-action report: how the votes split, how sure people
// were, and why (with names only when the facilitator ran a named vote). Pure data in, data out.

export interface ConfidenceSpread {
  /** Ballots that gave a confidence. */
  count: number;
  min: number;
  max: number;
  mean: number;
  median: number;
  /** How many gave 1, 2, 3, 4 and 5. */
  byValue: [number, number, number, number, number];
}

export interface DecisionVotes {
  decision: string;
  beat: string;
  prompt: string;
  anonymous: boolean;
  total: number;
  distribution: { option: string; label: string; count: number; share: number }[];
  confidence: ConfidenceSpread | null;
  rationales: { text: string; option: string; name: string | null; confidence: number | null }[];
}

export function roomVotesReport(records: readonly VoteRecord[]): DecisionVotes[] {
  return records.map((r) => {
    const labels = new Map(r.options.map((o) => [o.id, o.label]));
    const total = r.ballots.length;
    const counts = new Map<string, number>();
    for (const b of r.ballots) counts.set(b.option, (counts.get(b.option) ?? 0) + 1);
    const distribution = r.options
      .map((o) => ({ option: o.id, label: o.label, count: counts.get(o.id) ?? 0, share: total === 0 ? 0 : (counts.get(o.id) ?? 0) / total }))
      .filter((d) => d.count > 0)
      .sort((a, b) => b.count - a.count);
    const confidences = r.ballots.map((b) => b.confidence).filter((c): c is number => c !== null);
    return {
      decision: r.decision,
      beat: r.beat,
      prompt: r.prompt,
      anonymous: r.anonymous,
      total,
      distribution,
      confidence: spread(confidences),
      rationales: r.ballots
        .filter((b) => b.rationale.trim() !== '')
        .map((b) => ({ text: b.rationale, option: labels.get(b.option) ?? b.option, name: r.anonymous ? null : b.name, confidence: b.confidence })),
    };
  });
}

function spread(values: number[]): ConfidenceSpread | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const byValue: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (const v of values) byValue[v - 1] = (byValue[v - 1] ?? 0) + 1;
  return {
    count: values.length,
    min: sorted[0]!,
    max: sorted.at(-1)!,
    mean: values.reduce((a, b) => a + b, 0) / values.length,
    median: sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2,
    byValue,
  };
}

/** A share of the votes as a whole percentage in the language: 67% / 67 %. */
export function voteShare(share: number, lang: Lang): string {
  return formats(lang).percent(Math.round(share * 100) / 100);
}

/** Markdown for the report, in `lang`: text people typed is escaped so it reads as typed, never as markup. */
export function roomVotesMarkdown(report: readonly DecisionVotes[], lang: Lang): string {
  if (report.length === 0) return '';
  const t = reportWords(lang);
  const lines = [`## ${t('votes.heading')}`, ''];
  for (const d of report) {
    const total = t('votes.total', { count: d.total });
    lines.push(`### ${escape(d.prompt)}`, '', d.anonymous ? t('votes.anonymous', { total }) : t('votes.named', { total }), '');
    for (const o of d.distribution) lines.push(`- ${t('votes.option', { label: escape(o.label), count: o.count, share: voteShare(o.share, lang) })}`);
    if (d.confidence) {
      const c = d.confidence;
      const spread = c.byValue.map((n, i) => t('votes.spread', { value: i + 1, count: n })).join(', ');
      lines.push('', t('votes.confidence', { count: c.count, median: c.median, mean: Math.round(c.mean * 10) / 10, min: c.min, max: c.max, spread }));
    }
    if (d.rationales.length > 0) {
      lines.push('', t('votes.why'));
      for (const r of d.rationales) {
        const rationale = { text: escape(r.text), option: escape(r.option) };
        lines.push(`- ${r.name ? t('votes.rationaleNamed', { name: escape(r.name), ...rationale }) : t('votes.rationale', rationale)}`);
      }
    }
    lines.push('');
  }
  return lines.join('\n');
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>&]/g, (c) => `\\${c}`);
}
