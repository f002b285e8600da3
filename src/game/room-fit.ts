import type { Lang } from '../i18n/lang.ts';
import { mapBody, portraitPlan, regulatorChips, portraitsBody, portraitWordsH, roomLayout, SIDE_SHARES, type RoomLayout, type RoomOptions } from './layout.ts';
import { fittedServiceMap, namesCut, type NamedService } from './map-fit.ts';
import { fitsInLines } from './text-fit.ts';

// The room's layout for what it shows: the usual one when every service's and person's name
// shows whole in it; else the same room without the news ticker, then without the header too
// (the page and the presenter show the clock, the time left and every message in HTML), so the
// names get that room; last, on a stage too short for all of it (a phone's, a regulator's clock
// running), without the regulators' strip (the page's figures strip, right above the canvas, has
// each deadline). Four candidates, each a pure layout and its plans. A wide room whose faces give
// way to whole names (a long name such as "Regional Health Care Inspectorate" in a narrow side
// column) widens its side column, while the map's names stay whole, to bring the faces back.

export interface RoomContent {
  services: readonly NamedService[];
  people: readonly string[];
  /** The regulators whose clocks run. */
  regulators: readonly string[];
  /** The language of the room's words (default English). */
  lang?: Lang;
}

/** Whether the faces' plan in this room keeps every name whole, with its mood under it. */
function facesWhole(room: RoomLayout, people: readonly string[], lang: Lang): boolean {
  if (people.length === 0) return true;
  if (!room.portraits) return false;
  const plan = portraitPlan(portraitsBody(room.portraits, room.titles), people, 6, room.ui, lang);
  const px = Math.max(12, Math.round(12 * room.ui));
  const tall = plan.beside ? Math.max(portraitWordsH(plan.nameLines), 2 * plan.r) : portraitWordsH(plan.nameLines) + 2 * plan.r;
  return tall <= plan.cells[0]!.h + 1 && people.every((n) => fitsInLines(n, plan.textW, plan.nameLines, px));
}

/** Whether the room draws its people's faces (or has nobody to draw). */
function facesShown(room: RoomLayout, people: readonly string[], lang: Lang): boolean {
  if (people.length === 0) return true;
  return room.portraits !== null && portraitPlan(portraitsBody(room.portraits, room.titles), people, 6, room.ui, lang).r > 0;
}

/** How many names this room would cut (0: every one whole). */
export function roomNamesCut(room: RoomLayout, content: RoomContent): number {
  const map = fittedServiceMap(content.services, mapBody(room.map, room.titles), room.ui);
  const chips = room.compliance && content.regulators.length > 0 ? regulatorChips(room.compliance, content.regulators, room.ui) : null;
  const regulatorsCut = chips ? content.regulators.filter((n) => !fitsInLines(n, chips.nameW, 1, 12)).length : 0;
  return namesCut(content.services, map, room.ui) + (facesWhole(room, content.people, content.lang ?? 'en') ? 0 : 1) + regulatorsCut;
}

/** The usual room, then without the ticker, then without the header, then without the regulators' strip. */
const VARIANTS: readonly RoomOptions[] = [{}, { ticker: false }, { ticker: false, header: false }, { ticker: false, header: false, compliance: false }];

/**
 * The first of VARIANTS that keeps every name whole, else the one that cuts the fewest. Within
 * it, the narrowest side column that also shows the faces, else the usual one.
 */
export function fittedRoomLayout(width: number, height: number, options: RoomOptions, content: RoomContent): RoomLayout {
  const lang = content.lang ?? 'en';
  const layout = (variant: RoomOptions, side: number): RoomLayout =>
    roomLayout(width, height, { ...options, ...variant, side, names: content.people, people: content.people.length, regulators: content.regulators.length, lang });
  let best: { room: RoomLayout; cut: number } | null = null;
  for (const variant of VARIANTS) {
    const room = layout(variant, SIDE_SHARES[0]);
    const cut = roomNamesCut(room, content);
    if (cut === 0) {
      if (room.mode === 'wide' && !facesShown(room, content.people, lang)) {
        const wider = SIDE_SHARES.slice(1)
          .map((side) => layout(variant, side))
          .find((r) => facesShown(r, content.people, lang) && roomNamesCut(r, content) === 0);
        if (wider) return wider;
      }
      return room;
    }
    if (!best || cut < best.cut) best = { room, cut };
  }
  return best!.room;
}
