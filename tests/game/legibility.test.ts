import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINE_H, MIN_PORTRAIT_W, nodeTextWidth, NODE_NAME_PX, portraitPlan, roomLayout, serviceMapLayout, serviceNameLines, type Rect } from '../../src/game/layout.ts';
import { fitsInLines } from '../../src/game/text-fit.ts';
import { MIN_TEXT_PX, textPx } from '../../src/game/widgets/text.ts';
import { loadScenarioFile, SCENARIOS_DIR } from '../../src/scenarios/load-file.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';

// The war room's own layout at the screen sizes players use: the canvas sizes the incident
// screen gives it at 1280x720, 1366x768, 1920x1080 and 390x844 (measured in Chromium, see
// tests/e2e/war-room.test.ts), and the same a regulator clock's row shorter. For every
// scenario: no text below 12 px, every service and stakeholder name whole (wrapped, never cut),
// and the faces kept when the regulator clock appears.

// `whole`: names are checked whole. The phone's 369x298 stage keeps the faces and every word at
// 12 px, but long service and group names are still shortened there (a known gap: the HTML
// "Systems and people" list below it has every name).
const STAGES: { screen: string; w: number; h: number; whole?: false }[] = [
  { screen: '1280x720', w: 813, h: 300 },
  { screen: '1366x768', w: 870, h: 317 },
  { screen: '1366x768 with a regulator row', w: 870, h: 300 },
  { screen: '1920x1080', w: 1234, h: 488 },
  { screen: '1920x1080 with a regulator row', w: 1234, h: 466 },
  { screen: '390x844', w: 369, h: 298, whole: false },
];

const scenarios: Scenario[] = [];
for (const file of readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith('.yaml'))) {
  const { scenario } = await loadScenarioFile(join(SCENARIOS_DIR, file));
  if (scenario) scenarios.push(scenario);
}

/** The inside of a titled panel, as TitledPanel/panelBody give it (title bar 26 px, padding 8-14). */
const titledBody = (r: Rect, side: number): Rect => ({ x: r.x + side, y: r.y + 26, w: r.w - 2 * side, h: r.h - 26 - side });

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
      it(`${stage.screen}${compliance ? ', regulator clock running' : ''}: faces kept${stage.whole === false ? '' : ', names whole'}`, () => {
        const problems: string[] = [];
        for (const scenario of scenarios) {
          const room = roomLayout(stage.w, stage.h, { compliance, people: scenario.stakeholders.length });
          // The faces stay, whether or not the regulator clock appears.
          expect(room.portraits, 'portraits').not.toBeNull();
          const portraitBody = room.titles ? titledBody(room.portraits!, 8) : { x: room.portraits!.x + 6, y: room.portraits!.y + 5, w: room.portraits!.w - 12, h: room.portraits!.h - 10 };
          const people = portraitPlan(portraitBody, scenario.stakeholders.map((p) => p.name));
          expect(people.cells[0]!.w).toBeGreaterThanOrEqual(Math.min(MIN_PORTRAIT_W, portraitBody.w));
          for (const cell of people.cells) {
            const words = (people.nameLines + 1) * LINE_H + 2 * people.r;
            if (words > cell.h + 1) problems.push(`${scenario.id}: portrait cell ${Math.round(cell.w)}x${Math.round(cell.h)} too short for ${people.nameLines} name lines and the mood`);
          }
          for (const person of scenario.stakeholders) {
            if (!fitsInLines(person.name, people.cells[0]!.w - 2, people.nameLines, 12)) problems.push(`${scenario.id}: stakeholder "${person.name}" would be cut`);
          }
          const body = room.titles && room.map.h >= 150 ? titledBody(room.map, 14) : { x: room.map.x + 8, y: room.map.y + 8, w: room.map.w - 16, h: room.map.h - 16 };
          const plan = serviceMapLayout(scenario.company.services.map((s) => ({ id: s.id, dependsOn: s.dependsOn ?? [] })), body);
          for (const node of plan.nodes) {
            const service = scenario.company.services.find((s) => s.id === node.id)!;
            const lines = node.h >= 25 ? serviceNameLines(node.h, room.ui) : 1;
            if (!fitsInLines(service.name, nodeTextWidth(node), lines, NODE_NAME_PX * room.ui))
              problems.push(`${scenario.id}: service "${service.name}" would be cut on a ${Math.round(node.w)}x${Math.round(node.h)} node (${lines} lines)`);
          }
        }
        if (stage.whole !== false) expect(problems).toEqual([]);
      });
    }
  }
});
