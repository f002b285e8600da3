import type { DimensionName, Scenario } from './schema.ts';
import type { Language } from './translation-schema.ts';

// docs/scenarios.md is generated from the scenario files by `war-room docs`; a test fails when
// it is stale, so the catalogue a facilitator reads is always the library that ships.

const DIMENSION_LABEL: Record<DimensionName, string> = {
  communication: 'Communication',
  proactivity: 'Proactivity',
  businessImpact: 'Business impact',
};

const LANGUAGE_NAME: Record<Language, string> = { en: 'English', de: 'German' };

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** `languages`: what the scenario can be played in (default English only); more than English is named in its entry. */
export function catalogueMarkdown(entries: readonly { file: string; scenario: Scenario; languages?: readonly Language[] }[]): string {
  const sorted = [...entries].sort((a, b) => a.scenario.title.localeCompare(b.scenario.title));
  const lines = [
    '# Scenario catalogue',
    '',
    '<!-- Generated from scenarios/*.yaml by `npx war-room docs`; tests/scenarios/catalogue.test.ts fails when it is stale. -->',
    '',
    `${sorted.length} scenarios ship with War Room.`,
    '',
    '| scenario | industry | themes | difficulty | play time | decisions | endings |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...sorted.map(({ scenario: s }) =>
      `| [${cell(s.title)}](#${s.id}) | ${cell(s.industry)} | ${s.themes.join(', ')} | ${s.difficulty} | ${s.playMinutes} min | ${
        s.beats.filter((b) => b.decision).length
      } | ${s.beats.filter((b) => b.ending).length} |`,
    ),
    '',
  ];
  for (const { file, scenario: s, languages } of sorted) {
    lines.push(`<a id="${s.id}"></a>`, '', `## ${s.title}`, '');
    const spoken = languages && languages.length > 1 ? ` · in ${languages.map((l) => LANGUAGE_NAME[l]).join(' and ')}` : '';
    lines.push(`\`scenarios/${file}\` · ${s.industry} · ${s.difficulty} · about ${s.playMinutes} minutes${s.setting ? ` · ${s.setting}` : ''}${spoken}`, '');
    lines.push(s.summary, '');
    lines.push(`**${s.company.name}.** ${s.company.description}`, '');
    lines.push('**Learning objectives**', '');
    for (const o of s.objectives) lines.push(`- ${DIMENSION_LABEL[o.dimension]}: ${o.text}`);
    const cur = s.company.currency ?? 'EUR';
    const amount = (x: number): string => `${x.toLocaleString('en-GB')} ${cur}`;
    const money = [
      ...(s.company.annualRevenue === undefined ? [] : [`annual revenue ${amount(s.company.annualRevenue)}`]),
      `revenue per hour ${amount(s.company.revenuePerHour)}`,
      `revenue at risk ${amount(s.stakes.revenueAtRisk)}`,
    ].join(' · ');
    lines.push('', `**Money.** ${money.charAt(0).toUpperCase()}${money.slice(1)}.`);
    lines.push('', `**Preparation** (budget ${amount(s.preparation.budget)})`, '');
    for (const m of s.preparation.measures) lines.push(`- ${m.name} (${amount(m.cost)}): ${m.description}`);
    lines.push('', '**IT partners to play**', '');
    for (const p of s.partners) lines.push(`- ${p.name} (${p.tier}): ${p.description}`);
    const endings = s.beats.filter((b) => b.ending);
    lines.push('', `**Endings**: ${endings.map((b) => `${b.title} (${b.ending!.outcome})`).join('; ')}`, '');
    if (s.facilitator?.overview) lines.push(`**For facilitators.** ${s.facilitator.overview}`, '');
  }
  return lines.join('\n');
}
