import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clockBarPlan, headerTitleLines, mapBody, nodeNameRoom, NODE_NAME_PX, PILL_LABELS, portraitPlan, portraitsBody, portraitWordsH, regulatorChips } from '../../src/game/layout.ts';
import { fittedServiceMap } from '../../src/game/map-fit.ts';
import { MOOD_LABEL } from '../../src/game/mood.ts';
import { fittedRoomLayout } from '../../src/game/room-fit.ts';
import { estimateWidth, fitsInLines } from '../../src/game/text-fit.ts';
import { MIN_TEXT_PX, textPx } from '../../src/game/widgets/text.ts';
import { loadScenarioFile, SCENARIOS_DIR } from '../../src/scenarios/load-file.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';

// The war room's own layout at the screen sizes players use: the canvas sizes the incident
// screen gives it at 1280x720, 1366x768, 1920x1080 and 390x844 (measured in Chromium, see
// tests/e2e/war-room.test.ts), and the same a regulator clock's row shorter. For every
// scenario, with and without its regulators' clocks running (two at once in ai-assistant-leak):
// no text below 12 px, every service, stakeholder and regulator name whole (wrapped, never cut),
// and the faces kept when the regulator clock appears. The room is laid out as the scene does
// (room-fit.ts) and checked with the plans its widgets draw from.

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
  { screen: 'presenter 1280x720, tallest', w: 696, h: 605 },
  { screen: 'presenter 1920x1080, shortest', w: 1051, h: 397 },
  { screen: 'presenter 1920x1080', w: 1045, h: 621 },
  { screen: 'presenter 1920x1080, tallest', w: 1045, h: 910 },
];

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
    for (const compliance of [false, true]) {
      it(`${stage.screen}${compliance ? ', regulator clocks running' : ''}: faces kept, names whole, clock, pill and ring apart`, () => {
        const problems: string[] = [];
        const overlaps: string[] = [];
        for (const scenario of scenarios) {
          const services = scenario.company.services.map((s) => ({ id: s.id, name: s.name, dependsOn: s.dependsOn ?? [] }));
          const regulatorNames = compliance ? (scenario.regulators ?? []).map((r) => r.name) : [];
          const room = fittedRoomLayout(stage.w, stage.h, { compliance: regulatorNames.length > 0 }, { services, people: scenario.stakeholders.map((p) => p.name), regulators: regulatorNames });
          // The regulators' strip stays, but for the phone's stage, where the page's figures strip right above it has every deadline.
          if (regulatorNames.length > 0 && stage.strip !== false) expect(room.compliance, 'regulator strip').not.toBeNull();
          // The faces stay, whether or not the regulator clock appears.
          expect(room.portraits, 'portraits').not.toBeNull();
          // The same plans the widgets draw from (Portraits, ServiceMap), inside the same bodies.
          const people = portraitPlan(portraitsBody(room.portraits!, room.titles), scenario.stakeholders.map((p) => p.name), 6, room.ui);
          const namePx = Math.max(12, Math.round(12 * room.ui));
          for (const cell of people.cells) {
            const words = portraitWordsH(people.nameLines);
            const tall = people.beside ? Math.max(words, 2 * people.r) : words + 2 * people.r;
            if (tall > cell.h + 1) problems.push(`${scenario.id}: portrait cell ${Math.round(cell.w)}x${Math.round(cell.h)} too short for ${people.nameLines} name lines and the mood`);
          }
          for (const mood of Object.values(MOOD_LABEL)) {
            if (estimateWidth(mood.toUpperCase(), namePx) > people.textW) problems.push(`${scenario.id}: mood "${mood}" would be cut in ${Math.round(people.textW)} px`);
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
          const plan = clockBarPlan(room.header, ui, { brand: estimateWidth('WAR ROOM', Math.round(15 * ui)), clock, pill, ringCaption: estimateWidth('DECISION OPEN', Math.max(12, Math.round(10 * ui))) });
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
});
