import { duration } from '../../engine/local-time.ts';
import { formats } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/lang.ts';
import { CHART_METRICS, type ChartMetric, type DebriefData } from '../../store/debrief.ts';
import { debriefText } from '../../store/debrief-text.ts';
import { count, gameTime, money } from '../../store/format.ts';
import { h, svg } from '../dom.ts';

// The key metrics over game time as an inline SVG line chart, with a marker at each decision.
// Each metric is drawn as a share of its worst case (the scale the business-impact score uses),
// so four different units share one axis. Lines differ by dash pattern and label, not only colour.

const W = 760;
const H = 300;
const M = { left: 52, right: 132, top: 30, bottom: 40 };

/** A round step for about `count` ticks across `span`. */
function niceStep(span: number, count: number, steps: readonly number[]): number {
  return steps.find((s) => span / s <= count) ?? steps[steps.length - 1]!;
}
const STYLE: Record<ChartMetric, { cls: string; dash: string }> = {
  revenueLost: { cls: 'line--revenue', dash: '' },
  customersAffected: { cls: 'line--customers', dash: '8 5' },
  downtimeMinutes: { cls: 'line--downtime', dash: '2 4' },
  complianceExposure: { cls: 'line--compliance', dash: '12 4 2 4' },
};

/** "25%" / "25 %": a share of the worst case, whole percent. */
const sharePct = (share: number, lang: Lang): string => formats(lang).percent(Math.round(share * 100) / 100);

export function formatMetric(metric: ChartMetric, value: number, currency: string, lang: Lang = 'en'): string {
  switch (metric) {
    case 'revenueLost':
      return money(value, currency, lang);
    case 'customersAffected':
      return count(value, lang);
    case 'downtimeMinutes':
      return duration(value, lang);
    case 'complianceExposure':
      return debriefText(lang)('ofHundred', { value: String(Math.round(value)) });
    default: {
      const unreachable: never = metric;
      return String(unreachable);
    }
  }
}

export function metricsChart(d: DebriefData, lang: Lang): HTMLElement {
  const t = debriefText(lang);
  const end = Math.max(1, d.clock, ...d.series.flatMap((s) => s.points.map((p) => p.t)));
  const yStep = niceStep(Math.max(1, ...d.series.flatMap((s) => s.points.map((p) => p.share))), 5, [0.25, 0.5, 1, 2, 5, 10]);
  const top = Math.max(1, Math.ceil(Math.max(...d.series.flatMap((s) => s.points.map((p) => p.share))) / yStep) * yStep);
  const xStep = niceStep(end, 6, [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080]);
  const x = (t: number): number => M.left + (t / end) * (W - M.left - M.right);
  const y = (share: number): number => H - M.bottom - (share / top) * (H - M.top - M.bottom);

  const grid: SVGElement[] = [];
  for (let share = 0; share <= top + 1e-9; share += yStep) {
    grid.push(svg('line', { x1: M.left, x2: W - M.right, y1: y(share), y2: y(share), class: share === 1 ? 'chart__grid chart__grid--worst' : 'chart__grid' }));
    grid.push(svg('text', { x: M.left - 8, y: y(share) + 4, class: 'chart__tick', 'text-anchor': 'end' }, sharePct(share, lang)));
  }
  for (let t = 0; t <= end; t += xStep) {
    grid.push(svg('text', { x: x(t), y: H - M.bottom + 20, class: 'chart__tick', 'text-anchor': t === 0 ? 'start' : 'middle' }, gameTime(t)));
  }

  // Decisions close together on the axis share one badge ("2,3") instead of overlapping.
  const groups: { x: number; ns: number[] }[] = [];
  for (const m of d.markers) {
    const last = groups.at(-1);
    if (last && x(m.t) - last.x < 36) last.ns.push(m.n);
    else groups.push({ x: x(m.t), ns: [m.n] });
  }
  const markers = groups.map((g) => {
    const text = g.ns.length > 2 ? `${g.ns[0]}–${g.ns.at(-1)}` : g.ns.join(',');
    const width = Math.max(18, text.length * 7 + 10);
    // Keep the badge inside the plot even for decisions at the very start or end.
    const cx = Math.min(Math.max(g.x, M.left + width / 2 - 6), W - M.right - width / 2);
    return svg(
      'g',
      { class: 'chart__marker' },
      svg('line', { x1: g.x, x2: g.x, y1: M.top - 6, y2: H - M.bottom, class: 'chart__marker-line' }),
      svg('rect', { x: cx - width / 2, y: M.top - 25, width, height: 18, rx: 9, class: 'chart__marker-dot' }),
      svg('text', { x: cx, y: M.top - 12, class: 'chart__marker-n', 'text-anchor': 'middle' }, text),
    );
  });

  // End labels are nudged apart so they never overlap.
  const ends = d.series.map((s) => ({ s, y: y(s.points.at(-1)?.share ?? 0) })).sort((a, b) => a.y - b.y);
  for (let i = 1; i < ends.length; i++) ends[i]!.y = Math.max(ends[i]!.y, ends[i - 1]!.y + 15);
  const lines = d.series.map((s) => {
    const path = s.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.t).toFixed(1)},${y(p.share).toFixed(1)}`).join(' ');
    const style = STYLE[s.metric];
    const label = ends.find((e) => e.s === s)!;
    return svg(
      'g',
      { class: `chart__series ${style.cls}` },
      svg('path', { d: path, class: 'chart__line', ...(style.dash ? { 'stroke-dasharray': style.dash } : {}) }),
      svg('text', { x: W - M.right + 8, y: label.y + 4, class: 'chart__label' }, `${t(`chart.${s.metric}`)} ${sharePct(s.points.at(-1)?.share ?? 0, lang)}`),
    );
  });

  const chart = svg(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-labelledby': 'chart-title chart-desc', preserveAspectRatio: 'xMidYMid meet' },
    svg('title', { id: 'chart-title' }, t('chart.title')),
    svg('desc', { id: 'chart-desc' }, chartSummary(d, lang)),
    ...grid,
    svg('line', { x1: M.left, x2: W - M.right, y1: y(0), y2: y(0), class: 'chart__axis' }),
    ...markers,
    ...lines,
  );

  const legend = h(
    'ul',
    { class: 'chart-legend', attrs: { 'aria-hidden': 'true' } },
    ...d.series.map((s) =>
      h(
        'li',
        { class: `chart-legend__item ${STYLE[s.metric].cls}` },
        h('span', { class: 'chart-legend__swatch' }),
        s.metric === 'complianceExposure'
          ? t('chart.outOf100', { label: s.label })
          : t('chart.fullScale', { label: s.label, full: sharePct(1, lang), value: formatMetric(s.metric, s.scale, d.currency, lang) }),
      ),
    ),
    h('li', { class: 'chart-legend__item' }, h('span', { class: 'chart-legend__marker', text: '1' }), t('chart.decisionLegend')),
  );

  return h(
    'figure',
    { class: 'chart-figure' },
    // On a phone the chart keeps a readable size and scrolls sideways; focusable so keys can scroll it.
    h('div', { class: 'chart-wrap', attrs: { tabindex: '0', role: 'group', 'aria-label': t('chart.scrolls') } }, chart),
    legend,
    h('figcaption', { class: 'small muted', text: t('chart.caption') }),
    dataTable(d, lang),
  );
}

function chartSummary(d: DebriefData, lang: Lang): string {
  const t = debriefText(lang);
  const parts = d.series.map((s) => {
    const last = s.points.at(-1);
    return t('chart.reached', { label: s.label, value: formatMetric(s.metric, last?.value ?? 0, d.currency, lang), share: sharePct(last?.share ?? 0, lang) });
  });
  return t('chart.summary', { parts: parts.join('; '), time: gameTime(d.clock), count: d.markers.length });
}

/** The chart's data as a table: the start, every decision, some evenly spaced moments, the end. */
function dataTable(d: DebriefData, lang: Lang): HTMLElement {
  const t = debriefText(lang);
  const times = new Set<number>([0, d.clock, ...d.markers.map((m) => m.t)]);
  const all = d.series[0]?.points.map((p) => p.t) ?? [];
  const step = Math.max(1, Math.ceil(all.length / 10));
  all.forEach((t, i) => i % step === 0 && times.add(t));
  const sorted = [...times].sort((a, b) => a - b);
  const valueAt = (metric: ChartMetric, t: number): number => {
    const points = d.series.find((s) => s.metric === metric)?.points ?? [];
    let v = 0;
    for (const p of points) if (p.t <= t) v = p.value;
    return v;
  };
  return h(
    'details',
    { class: 'chart-data' },
    h('summary', { text: t('chart.asTable') }),
    h(
      'div',
      { class: 'table-wrap', attrs: { role: 'region', 'aria-label': t('chart.data'), tabindex: '0' } },
      h(
        'table',
        { class: 'table table--compact' },
        h('caption', { class: 'visually-hidden', text: t('chart.title') }),
        h(
          'thead',
          null,
          h('tr', null, h('th', { attrs: { scope: 'col' }, text: t('chart.time') }), h('th', { attrs: { scope: 'col' }, text: t('chart.decision') }), ...CHART_METRICS.map((m) => h('th', { attrs: { scope: 'col' }, text: d.series.find((s) => s.metric === m)?.label ?? m }))),
        ),
        h(
          'tbody',
          null,
          ...sorted.map((t) =>
            h(
              'tr',
              null,
              h('th', { attrs: { scope: 'row' }, text: gameTime(t) }),
              h('td', { text: d.markers.filter((m) => m.t === t).map((m) => `${m.n}. ${m.label}`).join('; ') }),
              ...CHART_METRICS.map((m) => h('td', { class: 'num', text: formatMetric(m, valueAt(m, t), d.currency, lang) })),
            ),
          ),
        ),
      ),
    ),
  );
}
