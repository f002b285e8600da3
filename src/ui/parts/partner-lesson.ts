import { duration } from '../../engine/local-time.ts';
import { capabilityName } from '../../i18n/capabilities.ts';
import { formats } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/lang.ts';
import { tierLabel } from '../../i18n/vocabulary.ts';
import { metricLabel, type DebriefData } from '../../store/debrief.ts';
import { debriefText } from '../../store/debrief-text.ts';
import { count, durationShort, gameTime, money, signed } from '../../store/format.ts';
import { h } from '../dom.ts';
import { writtenIn } from '../text-lang.ts';

// The debrief's partner lesson: the player's decisions and the partner's capability judged apart,
// the same decisions with every partner side by side, the better options the partner closed, and
// what the article measures (uptime, productivity, the preparation's return). In `lang`.

export function judgementPanel(d: DebriefData, lang: Lang): HTMLElement {
  const t = debriefText(lang);
  const { decisions, partner } = d.judgement;
  return h(
    'section',
    { class: 'panel judgement', attrs: { 'aria-labelledby': 'judgement-heading' } },
    h('h2', { id: 'judgement-heading', class: 'panel__title', text: t('judgement.heading') }),
    h(
      'div',
      { class: 'judgement__grid' },
      h(
        'article',
        { class: 'judgement__card', data: { judged: 'decisions' } },
        h('p', { class: 'eyebrow', text: t('judgement.decisions') }),
        h('h3', { class: 'judgement__label', text: decisions.label }),
        h('p', { text: decisions.text }),
      ),
      h(
        'article',
        { class: 'judgement__card', data: { judged: 'partner' } },
        h('p', { class: 'eyebrow', text: t('judgement.partner', { partner: d.partner.name }) }),
        h('h3', { class: 'judgement__label', text: partner.label }),
        h('p', { text: partner.text }),
      ),
    ),
    partner.lesson ? h('p', { class: 'lesson', data: { lesson: '' }, text: partner.lesson }) : null,
  );
}

/** `textLang`: the language the scenario's text is in (see text-lang.ts). */
export function comparisonPanel(d: DebriefData, lang: Lang, textLang: Lang = lang): HTMLElement {
  const t = debriefText(lang);
  const { partners } = d.lessons.comparison;
  const row = (p: (typeof partners)[number]): HTMLElement =>
    h(
      'tr',
      { class: p.own ? 'compare__own' : '', data: { partner: p.partner.id } },
      h('th', { attrs: { scope: 'row' } }, h('strong', { text: p.partner.name }), h('span', { class: 'small muted', text: ` ${tierLabel(p.partner.tier, lang)}${p.own ? t('compare.yours') : ''}` })),
      h('td', { data: { cell: 'overall' }, text: String(p.scores.overall) }),
      h('td', { text: `${p.scores.communication} / ${p.scores.proactivity} / ${p.scores.businessImpact}` }),
      h('td', { data: { cell: 'revenue' }, text: money(p.revenueLost, d.currency, lang) }),
      h('td', { text: duration(p.downtimeMinutes, lang) }),
      h('td', { text: count(p.customersAffected, lang) }),
      h('td', { text: gameTime(p.endedAt) }),
      h('td', null, ...(p.ending ? [h('span', { attrs: writtenIn(textLang, lang), text: p.ending.title }), ` (${t(`outcomeWord.${p.ending.outcome}`)})`] : [t('compare.noEnding')])),
      h(
        'td',
        null,
        p.own
          ? t('compare.asPlayed')
          : p.changed.length === 0
            ? t('compare.none')
            : h('ul', { class: 'plain-list' }, ...(d.changes[p.partner.id] ?? []).map((c) => h('li', { text: changeText(c, lang) }))),
      ),
    );
  return h(
    'section',
    { class: 'panel', attrs: { 'aria-labelledby': 'compare-heading' } },
    h('h2', { id: 'compare-heading', class: 'panel__title', text: t('compare.heading') }),
    h('p', { class: 'small muted', text: t('compare.intro') }),
    h(
      'div',
      { class: 'table-scroll', attrs: { tabindex: '0', role: 'region', 'aria-label': t('compare.region') } },
      h(
        'table',
        { class: 'compare' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            ...[
              t('compare.partner'),
              t('compare.overall'),
              t('compare.scores'),
              metricLabel('revenueLost', lang),
              metricLabel('downtimeMinutes', lang),
              metricLabel('customersAffected', lang),
              t('compare.endedAt'),
              t('compare.ending'),
              t('compare.changed'),
            ].map((text) => h('th', { attrs: { scope: 'col' }, text })),
          ),
        ),
        h('tbody', null, ...partners.map(row)),
      ),
    ),
    d.judgement.partner.lesson ? h('p', { class: 'lesson', text: d.judgement.partner.lesson }) : null,
  );
}

function changeText(c: DebriefData['changes'][string][number], lang: Lang): string {
  const t = debriefText(lang);
  return c.played === null
    ? t('change.notReached', { n: c.n, beat: c.beatTitle, applied: c.applied })
    : t('change.outOfReach', { n: c.n, beat: c.beatTitle, played: c.played, applied: c.applied });
}

export function closedPanel(d: DebriefData, lang: Lang, textLang: Lang = lang): HTMLElement {
  const t = debriefText(lang);
  const { closed } = d.lessons.comparison;
  return h(
    'section',
    { class: 'panel', attrs: { 'aria-labelledby': 'closed-heading' } },
    h('h2', { id: 'closed-heading', class: 'panel__title', text: t('closed.heading') }),
    closed.length === 0
      ? h('p', { text: t('closed.none', { partner: d.partner.name }) })
      : h(
          'ol',
          { class: 'closed-list' },
          ...closed.map((c) =>
            h(
              'li',
              { class: 'closed', data: { closed: c.option.id } },
              h('p', { class: 'moment__when' }, t('closed.when', { n: c.n, when: localFirst(d, c.n, c.t), beat: c.beatTitle })),
              h('p', null, h('strong', { attrs: writtenIn(textLang, lang), text: c.option.label }), c.advised ? t('closed.advised') : ''),
              h(
                'p',
                { class: 'small' },
                t('closed.needed', {
                  needs: c.needs
                    .map((n) => {
                      const capability = capabilityName(n.capability, lang);
                      return n.partners.length ? t('closed.offeredBy', { capability, partners: n.partners.map((id) => partnerName(d, id)).join(', ') }) : capability;
                    })
                    .join('; '),
                }),
                c.unavailable ? ` ${c.unavailable}` : '',
              ),
              c.worth
                ? h(
                    'p',
                    { class: 'small' },
                    t('closed.worth', {
                      partner: partnerName(d, c.worth.partner),
                      revenue: delta(-c.worth.revenueLess, (x) => money(x, d.currency, lang), t('unchanged')),
                      downtime: delta(-c.worth.downtimeLess, (x) => duration(x, lang), t('unchanged')),
                      overall: signed(c.worth.overallGain, lang),
                    }),
                  )
                : null,
            ),
          ),
        ),
  );
}

/** Uptime per service, productivity, the preparation's return and spend, for the chart area. */
export function measuresFacts(d: DebriefData, lang: Lang, textLang: Lang = lang): HTMLElement {
  const t = debriefText(lang);
  const { uptime, roi } = d.lessons;
  const m = (x: number): string => money(x, d.currency, lang);
  return h(
    'div',
    { class: 'lesson-measures' },
    h(
      'dl',
      { class: 'facts facts--row' },
      fact(
        t('fact.productivity'),
        t('fact.staffHours', { hours: count(uptime.staffHoursLost, lang) }),
        uptime.employees > 0 ? t('fact.employees', { count: count(uptime.employees, lang) }) : t('fact.noStaff'),
      ),
      fact(t('fact.prepReturn'), t('fact.lossAvoided', { money: m(roi.lossAvoided) }), t('fact.forSpent', { spent: m(roi.spent), overall: signed(roi.overallGain, lang) })),
      fact(t('fact.responseSpend'), m(roi.responseSpend), t('fact.prepOfBudget', { spent: m(roi.spent), budget: m(roi.budget) })),
    ),
    h('p', { id: 'uptime-caption', class: 'small muted uptime__caption', text: t('uptime.caption', { span: duration(uptime.minutes, lang) }) }),
    h(
      'div',
      { class: 'table-scroll', attrs: { tabindex: '0', role: 'region', 'aria-labelledby': 'uptime-caption' } },
      h(
      'table',
      { class: 'uptime', attrs: { 'aria-labelledby': 'uptime-caption' } },
      h('thead', null, h('tr', null, ...[t('uptime.service'), t('uptime.up'), t('uptime.down'), t('uptime.degraded')].map((text) => h('th', { attrs: { scope: 'col' }, text })))),
      h(
        'tbody',
        null,
        ...uptime.services.map((s) =>
          h(
            'tr',
            { data: { service: s.id } },
            h('th', { attrs: { scope: 'row', ...writtenIn(textLang, lang) }, text: s.name }),
            h('td', null, h('span', { class: 'uptime__bar', attrs: { 'aria-hidden': 'true' } }, h('span', { attrs: { style: `width:${Math.round(s.uptime * 100)}%` } })), ` ${formats(lang).percent(Math.round(s.uptime * 100) / 100)}`),
            h('td', { text: durationShort(s.downMinutes, lang) }),
            h('td', { text: durationShort(s.degradedMinutes, lang) }),
          ),
        ),
      ),
      ),
    ),
  );
}

/** When decision n was made: "Sun 02:43 (T+0:03)" when the scenario names its local time, else "T+0:03". */
function localFirst(d: DebriefData, n: number, t: number): string {
  const e = d.timeline.find((x) => x.n === n);
  if (!e) return gameTime(t);
  return e.local ? `${e.local} (${gameTime(e.t)})` : gameTime(e.t);
}

function fact(label: string, value: string, note: string): HTMLElement {
  return h('div', { class: 'fact' }, h('dt', { text: label }), h('dd', null, value, h('span', { class: 'small muted fact__note', text: ` ${note}` })));
}

function delta(x: number, unit: (v: number) => string, unchanged: string): string {
  return x === 0 ? unchanged : `${x < 0 ? '−' : '+'}${unit(Math.abs(x))}`;
}

function partnerName(d: DebriefData, id: string): string {
  return d.lessons.comparison.partners.find((p) => p.partner.id === id)?.partner.name ?? id;
}
