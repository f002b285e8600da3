import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  arcStroke,
  clockBarPlan,
  gaugePlan,
  gaugeSpots,
  headerTitleLines,
  mapBody,
  nodeNameRoom,
  NODE_NAME_PX,
  PILL_LABELS,
  portraitPlan,
  portraitsBody,
  portraitWordsH,
  regulatorChips,
  type Rect,
  type RoomLayout,
} from '../../src/game/layout.ts';
import { formatCompact, formatMoney } from '../../src/game/format.ts';
import { fittedServiceMap } from '../../src/game/map-fit.ts';
import { MOODS } from '../../src/game/mood.ts';
import { inEveryLang, moodWord } from '../../src/game/words.ts';
import { LANGS } from '../../src/i18n/lang.ts';
import { fittedRoomLayout } from '../../src/game/room-fit.ts';
import { estimateWidth, fitsInLines } from '../../src/game/text-fit.ts';
import { SEVERITY_WORDS_ALL, VITAL_NAMES_ALL, type Vital } from '../../src/game/vitals.ts';
import { MIN_TEXT_PX, textPx } from '../../src/game/widgets/text.ts';
import { loadScenarioFile, SCENARIOS_DIR } from '../../src/scenarios/load-file.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';

// The war room's own layout at the screen sizes players use: the canvas sizes the incident
// screen gives it at 1280x720, 1366x768, 1920x1080 and 390x844 (measured in Chromium, see
// tests/e2e/war-room.test.ts), and the same a regulator clock's row shorter. For every
// scenario, with and without its regulators' clocks running (two at once in ai-assistant-leak):
// no text below 12 px, every service, stakeholder and regulator name whole (wrapped, never cut),
// and the faces kept when the regulator clock appears (a wide room draws them, never only the
// names). The room is laid out as the scene does (room-fit.ts) and checked with the plans its
// widgets draw from. The room's own words (moods,
// gauge names and states, the pill, the ring's caption) are checked in every language it speaks:
// the German ones are longer, and the same layout must hold them whole.

// `strip: false`: the regulators' strip may give way to whole names (the phone, whose figures
// strip right above the canvas lists every deadline in HTML).
const STAGES: { screen: string; w: number; h: number; strip?: false }[] = [
  { screen: '1280x720', w: 813, h: 300 },
  { screen: '1366x768', w: 870, h: 317 },
  { screen: '1366x768 with a regulator row', w: 870, h: 300 },
  { screen: '1920x1080', w: 1234, h: 488 },
  { screen: '1920x1080 with a regulator row', w: 1234, h: 466 },
  { screen: '390x844', w: 369, h: 298, strip: false },
  // The facilitator's presenter (projector) at its three sizes: the graphic's box beside the
  // situation card, measured in Chromium over every beat of every scenario. Its height changes
  // with the injects under it; the shortest and tallest seen, and one between.
  { screen: 'presenter 1024x768, shortest', w: 551, h: 289 },
  { screen: 'presenter 1024x768', w: 551, h: 423 },
  { screen: 'presenter 1024x768, tallest', w: 553, h: 655 },
  { screen: 'presenter 1280x720, shortest', w: 700, h: 254 },
  { screen: 'presenter 1280x720', w: 694, h: 403 },
  // The first height at which the 1280x720 presenter's graphic has its gauges (a 280 px column).
  { screen: 'presenter 1280x720, with the gauges', w: 695, h: 445 },
  { screen: 'presenter 1280x720, tallest', w: 696, h: 605 },
  { screen: 'presenter 1920x1080, shortest', w: 1051, h: 397 },
  { screen: 'presenter 1920x1080', w: 1045, h: 621 },
  { screen: 'presenter 1920x1080, tallest', w: 1045, h: 910 },
];

// The widths the presenter's graphic takes at 1024x768, 1280x720 and 1920x1080, and the heights
// between its shortest and tallest: the gauges come and go with the height.
const PRESENTER_SWEEPS: { screen: string; widths: number[]; from: number; to: number }[] = [
  { screen: 'presenter 1024x768', widths: [551, 553], from: 289, to: 655 },
  { screen: 'presenter 1280x720', widths: [694, 700], from: 254, to: 605 },
  { screen: 'presenter 1920x1080', widths: [1045, 1051], from: 397, to: 910 },
];

/** The widest figures a gauge shows: amounts up to "£999k" and "€1.25M", counts, percentages. */
const VALUES = [formatMoney(999_000, 'GBP'), formatMoney(1_250_000, 'EUR'), formatMoney(12_340, 'EUR'), formatCompact(12_340), formatCompact(1_250_000), '100%'];
const monoWidth = (text: string, px: number): number => text.length * 0.62 * px;

const within = (inner: Rect, outer: Rect): boolean => inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.w <= outer.x + outer.w + 0.5 && inner.y + inner.h <= outer.y + outer.h + 0.5;
const apart = (a: Rect, b: Rect): boolean => a.x + a.w <= b.x + 0.5 || b.x + b.w <= a.x + 0.5 || a.y + a.h <= b.y + 0.5 || b.y + b.h <= a.y + 0.5;

/**
 * What the gauges widget would cut or overlap in this room, with the plan it draws from: every
 * name and every state word whole at 12 px or more in its box, every figure inside its arc (or its
 * column), nothing leaving its cell, the words clear of the arc and of each other.
 */
function gaugeProblems(room: RoomLayout): string[] {
  if (!room.gauges) return [];
  const plan = gaugePlan(room.gauges, room.titles, room.ui);
  const problems: string[] = [];
  const where = `${plan.kind}${plan.kind === 'dials' ? ` r=${plan.r}${plan.beside ? ' beside' : ''}` : ''} in ${Math.round(room.gauges.w)}x${Math.round(room.gauges.h)}`;
  if (plan.px < MIN_TEXT_PX) problems.push(`${where}: words at ${plan.px} px`);
  const ids = Object.keys(VITAL_NAMES_ALL[0]!) as Vital['id'][];
  plan.cells.forEach((cell, i) => {
    const id = ids[i]!;
    const spots = gaugeSpots(plan, cell);
    if (!within(cell, room.gauges!)) problems.push(`${where}: the ${id} gauge leaves its panel`);
    for (const names of VITAL_NAMES_ALL) {
      const name = names[id][plan.shortNames ? 1 : 0];
      if (!fitsInLines(name.toUpperCase(), spots.name.w, 1, plan.px)) problems.push(`${where}: "${name}" cut in ${Math.round(spots.name.w)} px`);
    }
    for (const words of SEVERITY_WORDS_ALL.flatMap((byId) => Object.values(byId[id]))) {
      const word = words[plan.shortWords ? 1 : 0];
      if (!fitsInLines(word.toUpperCase(), spots.word.w, 1, plan.px)) problems.push(`${where}: "${word}" cut in ${Math.round(spots.word.w)} px`);
    }
    for (const value of VALUES) if (monoWidth(value, plan.px) > spots.value.w + 0.5) problems.push(`${where}: "${value}" wider than its ${Math.round(spots.value.w)} px`);
    const boxes: [string, Rect | null][] = [['name', spots.name], ['state word', spots.word], ['value', spots.value], ['bar', spots.bar], ['detail', spots.sub]];
    const drawn = boxes.filter((b): b is [string, Rect] => b[1] !== null);
    for (const [what, box] of drawn) if (!within(box, cell)) problems.push(`${where}: the ${id} ${what} leaves its cell`);
    for (let a = 0; a < drawn.length; a++) for (let b = a + 1; b < drawn.length; b++) if (!apart(drawn[a]![1], drawn[b]![1])) problems.push(`${where}: the ${id} ${drawn[a]![0]} overlaps its ${drawn[b]![0]}`);
    if (plan.kind === 'dials') {
      // The figure inside the arc's inner edge; the words below its lowest tick, or right of it.
      const inner = plan.r - arcStroke(plan.r) / 2;
      const v = spots.value;
      for (const [x, y] of [[v.x, v.y], [v.x + v.w, v.y], [v.x, v.y + v.h], [v.x + v.w, v.y + v.h]] as const)
        if (Math.hypot(x - spots.cx, y - spots.cy) > inner + 0.5) problems.push(`${where}: the ${id} figure overlaps its arc`);
      const reach = plan.r + 1.25 * arcStroke(plan.r);
      const clear = plan.beside ? spots.name.x >= spots.cx + reach : spots.name.y >= spots.cy + Math.SQRT1_2 * reach;
      if (!clear) problems.push(`${where}: the ${id} name overlaps its arc`);
    }
  });
  return [...new Set(problems)];
}

const scenarios: Scenario[] = [];
for (const file of readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith('.yaml'))) {
  const { scenario } = await loadScenarioFile(join(SCENARIOS_DIR, file));
  if (scenario) scenarios.push(scenario);
}

describe('war room legibility at the common screen sizes', () => {
  it('never draws text below 12 CSS px', () => {
    expect(MIN_TEXT_PX).toBe(12);
    for (const size of [6, 8.5, 9.5, 10, 11.4, 12, 26]) expect(textPx(size)).toBeGreaterThanOrEqual(12);
  });

  it('has scenarios to check', () => {
    expect(scenarios.length).toBeGreaterThan(5);
  });

  for (const stage of STAGES) {
    for (const [compliance, lang] of LANGS.flatMap((l) => [[false, l], [true, l]] as const)) {
      it(`${stage.screen}${compliance ? ', regulator clocks running' : ''}, in ${lang}: faces kept, names whole, clock, pill and ring apart`, () => {
        const problems: string[] = [];
        const overlaps: string[] = [];
        for (const scenario of scenarios) {
          const services = scenario.company.services.map((s) => ({ id: s.id, name: s.name, dependsOn: s.dependsOn ?? [] }));
          const regulatorNames = compliance ? (scenario.regulators ?? []).map((r) => r.name) : [];
          const room = fittedRoomLayout(stage.w, stage.h, { compliance: regulatorNames.length > 0 }, { services, people: scenario.stakeholders.map((p) => p.name), regulators: regulatorNames, lang });
          // The regulators' strip stays, but for the phone's stage, where the page's figures strip right above it has every deadline.
          if (regulatorNames.length > 0 && stage.strip !== false) expect(room.compliance, 'regulator strip').not.toBeNull();
          // The faces stay, whether or not the regulator clock appears.
          expect(room.portraits, 'portraits').not.toBeNull();
          // The same plans the widgets draw from (Portraits, ServiceMap), inside the same bodies.
          const people = portraitPlan(portraitsBody(room.portraits!, room.titles), scenario.stakeholders.map((p) => p.name), 6, room.ui, lang);
          const namePx = Math.max(12, Math.round(12 * room.ui));
          // A wide room draws the faces too: its side column widens for long names (room-fit.ts).
          if (room.mode === 'wide' && people.r === 0) problems.push(`${scenario.id}: no faces in the ${Math.round(room.portraits!.w)} px side column`);
          for (const cell of people.cells) {
            const words = portraitWordsH(people.nameLines);
            const tall = people.beside ? Math.max(words, 2 * people.r) : words + 2 * people.r;
            if (tall > cell.h + 1) problems.push(`${scenario.id}: portrait cell ${Math.round(cell.w)}x${Math.round(cell.h)} too short for ${people.nameLines} name lines and the mood`);
          }
          for (const mood of MOODS.map((m) => moodWord(m, lang))) {
            if (estimateWidth(mood, namePx) > people.textW) problems.push(`${scenario.id}: mood "${mood}" would be cut in ${Math.round(people.textW)} px`);
          }
          for (const person of scenario.stakeholders) {
            if (!fitsInLines(person.name, people.textW, people.nameLines, namePx)) problems.push(`${scenario.id}: stakeholder "${person.name}" would be cut`);
          }
          const plan = fittedServiceMap(services, mapBody(room.map, room.titles), room.ui);
          for (const node of plan.nodes) {
            const service = scenario.company.services.find((s) => s.id === node.id)!;
            const { lines, width } = nodeNameRoom(node, room.ui);
            if (!fitsInLines(service.name, width, lines, NODE_NAME_PX * room.ui))
              problems.push(`${scenario.id}: service "${service.name}" would be cut on a ${Math.round(node.w)}x${Math.round(node.h)} node (${lines} lines)`);
          }
          // The regulators' whole names in their chips, two clocks at once (ai-assistant-leak) included.
          const regulators = scenario.regulators ?? [];
          if (compliance && room.compliance && regulators.length > 0) {
            const chips = regulatorChips(room.compliance, regulators.map((r) => r.name), room.ui);
            if (chips.cells[0]!.h < 16) problems.push(`${scenario.id}: regulator chips ${Math.round(chips.cells[0]!.h)} px high`);
            for (const r of regulators) if (!fitsInLines(r.name, chips.nameW, 1, 12)) problems.push(`${scenario.id}: regulator "${r.name}" would be cut`);
          }
          // The header: clock, pill (whether time runs) and decision ring never overlap, nor leave it.
        if (room.header) {
          const ui = room.ui;
          const clockPx = Math.round((room.header.h < 50 ? 21 : 26) * ui);
          const clock = Math.max(estimateWidth('Wed 88:88', clockPx), room.header.h < 50 ? 0 : estimateWidth('T+888:88 SINCE IT BEGAN', Math.max(12, Math.round(9.5 * ui))));
          const pill = Math.max(...PILL_LABELS.map((l) => estimateWidth(l.toUpperCase(), Math.max(12, Math.round(10 * ui))))) + 22;
          const ringCaption = Math.max(...inEveryLang('ring.open').map((c) => estimateWidth(c.toUpperCase(), Math.max(12, Math.round(10 * ui)))));
          const plan = clockBarPlan(room.header, ui, { brand: estimateWidth('WAR ROOM', Math.round(15 * ui)), clock, pill, ringCaption });
          const ringLeft = plan.ring.x - plan.ring.r;
          if (plan.clockX < plan.radar.x + plan.radar.r) overlaps.push('the clock overlaps the radar');
          if (plan.pillX + pill > ringLeft - 4) overlaps.push(`the pill (ends at ${Math.round(plan.pillX + pill)}) overlaps the ring (starts at ${Math.round(ringLeft)})`);
          if (plan.ring.x + plan.ring.r > room.header.x + room.header.w) overlaps.push('the ring leaves the header');
          // Every beat's title (endings' included) shows whole under the brand, or on two lines in its place.
          if (plan.brand) {
            for (const title of [scenario.title, ...scenario.beats.map((b) => b.title)]) {
              if (headerTitleLines(title, plan.titleW, Math.round(12 * ui)) === 0) problems.push(`${scenario.id}: title "${title}" does not fit ${Math.round(plan.titleW)} px on two lines`);
            }
          }
          if (room.compliance && room.compliance.x < room.header.x + room.header.w && room.compliance.y < room.header.y + room.header.h && room.compliance.y + room.compliance.h > room.header.y)
            overlaps.push('the regulator strip overlaps the header');
          }
        }
        expect([...new Set(overlaps)]).toEqual([]);
        expect(problems).toEqual([]);
      });
    }
  }

  // The gauges show on the presenter (which has no figures in HTML) at every height its graphic
  // takes, and on the game's stages: checked at each, for every scenario, with and without clocks.
  const gaugeStages = [
    ...STAGES.map((s) => ({ screen: s.screen, sizes: [[s.w, s.h] as const] })),
    ...PRESENTER_SWEEPS.map((s) => ({ screen: `${s.screen}, every height`, sizes: s.widths.flatMap((w) => Array.from({ length: Math.floor((s.to - s.from) / 6) + 1 }, (_, k) => [w, s.from + 6 * k] as const)) })),
  ];
  for (const stage of gaugeStages) {
    it(`${stage.screen}: every gauge's name and state whole at 12 px or more, its figure inside its arc`, () => {
      const problems: string[] = [];
      for (const scenario of scenarios) {
        const services = scenario.company.services.map((s) => ({ id: s.id, name: s.name, dependsOn: s.dependsOn ?? [] }));
        for (const regulators of [[], (scenario.regulators ?? []).map((r) => r.name)]) {
          for (const [w, h] of stage.sizes) {
            const room = fittedRoomLayout(w, h, { compliance: regulators.length > 0 }, { services, people: scenario.stakeholders.map((p) => p.name), regulators });
            problems.push(...gaugeProblems(room).map((p) => `${w}x${h}: ${p}`));
          }
        }
      }
      expect([...new Set(problems)]).toEqual([]);
    });
  }
});
