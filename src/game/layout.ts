// Pure layout maths for the war room (no Phaser here, so Vitest can check it in Node).
import { wrapEstimate } from './text-fit.ts';
// All sizes are CSS pixels; the scene zooms its camera by the device pixel ratio.

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type LayoutMode = 'wide' | 'tall';

export interface RoomLayout {
  mode: LayoutMode;
  width: number;
  height: number;
  /** Brand, game clock, decision ring, pause state; null on a short phone stage (the page's top bar has the clock). */
  /** The regulators' notification clocks; null while no clock runs (no empty placeholder). */
  compliance: Rect | null;
  map: Rect;
  /** Left out on short canvases: the HTML figures strip right above the room shows the same numbers. */
  gauges: Rect | null;
  /** Left out when the canvas is too short to show them readably. */
  portraits: Rect | null;
  inbox: Rect | null;
  ticker: Rect;
  /** Text and icon scale: 1, a little larger on big screens (text never goes below 12 px). */
  ui: number;
  /** Whether panels have title bars (a short stage spends that room on the content instead). */
  titles: boolean;
  header: Rect | null;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

export interface RoomOptions {
  /** Whether a regulator's notification clock is running (the strip is left out otherwise). */
  compliance?: boolean;
  /** How many stakeholders the faces panel shows (a phone stage gives them rows enough). */
  people?: number;
}

/** Splits the canvas into the room's panels. Wide screens get a map with a side column; narrow ones stack. */
export function roomLayout(width: number, height: number, options: RoomOptions = {}): RoomLayout {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  const compliance = options.compliance ?? true;
  return w >= 600 && w >= h * 1.2 ? wideLayout(w, h, compliance) : tallLayout(w, h, compliance, options.people ?? 4);
}

/** Below this body height the wide room keeps the map and the faces and leaves the gauges to the HTML. */
const WIDE_GAUGES_MIN_BODY = 330;

function wideLayout(w: number, h: number, withCompliance: boolean): RoomLayout {
  const pad = w >= 1100 ? 16 : 12;
  const gap = w >= 1100 ? 12 : 10;
  const headerH = h < 480 ? 48 : 56;
  const tickerH = h < 480 ? 26 : 30;
  // Wide enough for a regulator's whole name at 12 px ("Regional Health Care Inspectorate").
  const complianceW = Math.round(clamp(w * 0.4, 300, 520));
  const header: Rect = { x: pad, y: pad, w: w - 2 * pad - (withCompliance ? complianceW + gap : 0), h: headerH };
  const compliance: Rect | null = withCompliance ? { x: w - pad - complianceW, y: pad, w: complianceW, h: headerH } : null;
  const ticker: Rect = { x: 0, y: h - tickerH, w, h: tickerH };
  const bodyTop = pad + headerH + gap;
  const bodyH = Math.max(60, ticker.y - gap - bodyTop);
  const rightW = Math.round(clamp(w * 0.34, 280, 460));
  const map: Rect = { x: pad, y: bodyTop, w: w - 2 * pad - gap - rightW, h: bodyH };
  const rightX = w - pad - rightW;
  const ui = w >= 1600 ? 1.12 : 1;
  if (bodyH < WIDE_GAUGES_MIN_BODY) {
    // A short stage (the incident screen at 1280x720): the faces get the whole side column,
    // at a readable size, whether or not a regulator's clock runs. No gauges, no inbox: the
    // HTML beside the canvas shows the figures and every message.
    const portraits: Rect = { x: rightX, y: bodyTop, w: rightW, h: bodyH };
    return { mode: 'wide', width: w, height: h, header, compliance, map, gauges: null, portraits, inbox: null, ticker, ui, titles: false };
  }
  let gaugesH = Math.round(clamp(bodyH * 0.4, 130, 280));
  // Room for two rows of faces whose names wrap onto three lines (the presenter's 1045 px wide graphic).
  let portraitsH = Math.round(clamp(bodyH * 0.36, 120, 240));
  let inboxH = bodyH - gaugesH - portraitsH - 2 * gap;
  if (inboxH < 96) {
    // The inbox goes first (HTML lists every message); the faces keep their room.
    portraitsH = Math.max(0, bodyH - gaugesH - gap);
    inboxH = 0;
  }
  const gauges: Rect = { x: rightX, y: bodyTop, w: rightW, h: gaugesH };
  const portraits: Rect = { x: rightX, y: bodyTop + gaugesH + gap, w: rightW, h: portraitsH };
  const inbox: Rect | null = inboxH > 0 ? { x: rightX, y: portraits.y + portraitsH + gap, w: rightW, h: inboxH } : null;
  return { mode: 'wide', width: w, height: h, header, compliance, map, gauges, portraits, inbox, ticker, ui, titles: true };
}

function tallLayout(w: number, h: number, withCompliance: boolean, people: number): RoomLayout {
  // A short canvas (a phone's stage above the HTML panel) tightens every strip.
  const short = h < 300;
  const pad = short ? 5 : 6;
  const gap = short ? 5 : 6;
  // A phone's short stage sits under the page's top bar, which shows the clock: no second clock.
  const headerH = short ? 0 : 40;
  // Two lines (name over time) so a regulator's whole name shows; a phone's short stage keeps one.
  const complianceH = withCompliance ? (short ? 26 : 46) : 0;
  const tickerH = short ? 22 : 24;
  const mapMin = short ? 80 : 120;
  const mapComfort = 300;
  let gaugesH = 80;
  // One row of faces per MIN_PORTRAIT_W-wide cells across, each row two name lines and a mood.
  const perRow = Math.max(1, Math.floor((w - 2 * pad - 12 + 6) / (MIN_PORTRAIT_W + 6)));
  const rows = Math.max(1, Math.ceil(people / perRow));
  const wordsRowH = 3 * LINE_H + 8;
  let portraitsH = Math.max(76, rows * wordsRowH + (rows - 1) * 6 + 10);
  let inboxH = 44;
  const fixed = (): number =>
    pad + (headerH ? headerH + 4 : 0) + (complianceH ? complianceH + gap : 0) + (gaugesH ? gaugesH + gap : 0) + (portraitsH ? portraitsH + gap : 0) + (inboxH ? inboxH + gap : 0) + tickerH;
  // Too short for everything: the inbox goes first (the HTML lists every message anyway),
  // then the gauges (the HTML figures strip shows the same numbers), and the faces shrink,
  // and go last.
  if (h - fixed() < mapMin) inboxH = 0;
  if (h - fixed() < mapMin) gaugesH = 0;
  if (h - fixed() < mapMin) portraitsH = 0;
  let mapH = Math.max(40, h - fixed());
  if (mapH > mapComfort) {
    // A tall canvas: let the faces and the inbox breathe before the map grows further.
    let spare = mapH - mapComfort;
    const grow = (current: number, max: number): number => {
      if (current === 0) return 0;
      const add = Math.min(spare, Math.max(0, max - current));
      spare -= add;
      return current + add;
    };
    portraitsH = grow(portraitsH, 104);
    inboxH = grow(inboxH, 150);
    gaugesH = grow(gaugesH, 100);
    mapH = mapComfort + spare;
  }
  const inner = w - 2 * pad;
  const header: Rect | null = headerH ? { x: pad, y: pad, w: inner, h: headerH } : null;
  const top = pad + (headerH ? headerH + 4 : 0);
  const compliance: Rect | null = complianceH ? { x: pad, y: top, w: inner, h: complianceH } : null;
  let y = compliance ? compliance.y + complianceH + gap : top;
  const map: Rect = { x: pad, y, w: inner, h: mapH };
  y += mapH + gap;
  let gauges: Rect | null = null;
  if (gaugesH > 0) {
    gauges = { x: pad, y, w: inner, h: gaugesH };
    y += gaugesH + gap;
  }
  let portraits: Rect | null = null;
  if (portraitsH > 0) {
    portraits = { x: pad, y, w: inner, h: portraitsH };
    y += portraitsH + gap;
  }
  let inbox: Rect | null = null;
  if (inboxH > 0) inbox = { x: pad, y, w: inner, h: inboxH };
  const ticker: Rect = { x: 0, y: h - tickerH, w, h: tickerH };
  return { mode: 'tall', width: w, height: h, header, compliance, map, gauges, portraits, inbox, ticker, ui: 1, titles: false };
}

/** Faces are not drawn smaller than this radius; below it a portrait is a name and a mood word. */
export const MIN_FACE_R = 10;
/** Narrowest portrait cell: room for a 12 px name word such as "Inspectorate". */
export const MIN_PORTRAIT_W = 96;
/** Height of one 12-15 px line of canvas text with its leading. */
export const LINE_H = 16;

export interface PortraitPlan {
  cells: Rect[];
  /** Lines a name may wrap onto: as many as the longest name needs at this width. */
  nameLines: number;
  /** Face radius; 0 when the cells are too small for a face beside whole names. */
  r: number;
}

/**
 * The stakeholders' grid: as many columns as cells of MIN_PORTRAIT_W fit, then rows. Every
 * cell keeps room for its words at 12 px (the whole name, wrapped, and the mood), and the face
 * gets what is left; a face smaller than MIN_FACE_R is left out rather than shrinking the words.
 */
export function portraitPlan(body: Rect, names: readonly string[], gap = 6, ui = 1): PortraitPlan {
  const count = names.length;
  if (count <= 0) return { cells: [], nameLines: 1, r: 0 };
  // Names are drawn at the room's text scale, never below 12 px.
  const px = Math.max(12, Math.round(12 * ui));
  const perRow = Math.max(1, Math.floor((body.w + gap) / (MIN_PORTRAIT_W + gap)));
  let cols = Math.min(count, perRow);
  // Fewer, wider columns when a name has a word too long for the cell: wrapped, never cut.
  while (cols > 1 && names.some((n) => wrapEstimate(n, (body.w - gap * (cols - 1)) / cols - 2, px) === null)) cols--;
  const cells = gridCells(body, count, cols, gap);
  const cell = cells[0]!;
  const nameLines = Math.max(1, ...names.map((n) => wrapEstimate(n, cell.w - 2, px)?.length ?? 3));
  const words = (nameLines + 1) * LINE_H + 4;
  const r = Math.min(cell.w * 0.3, (cell.h - words) / 2 - 4, 40);
  return { cells, nameLines, r: r >= MIN_FACE_R ? r : 0 };
}

/** Cells of `count` equal boxes in `cols` columns inside a rect, with a gap between them. */
export function gridCells(area: Rect, count: number, cols: number, gap: number): Rect[] {
  if (count <= 0) return [];
  const c = Math.max(1, Math.min(cols, count));
  const rows = Math.ceil(count / c);
  const cw = (area.w - gap * (c - 1)) / c;
  const ch = (area.h - gap * (rows - 1)) / rows;
  return Array.from({ length: count }, (_, i) => ({
    x: area.x + (i % c) * (cw + gap),
    y: area.y + Math.floor(i / c) * (ch + gap),
    w: cw,
    h: ch,
  }));
}

// ---------------------------------------------------------------------------------------------
// The service map: a layered drawing of the dependency graph. Services nothing depends on sit
// at the customer end; infrastructure sits at the other. Layers become columns on a wide map
// (infrastructure on the left) and rows on a narrow one (infrastructure at the bottom).

export interface ServiceNode {
  id: string;
  dependsOn: readonly string[];
}

export interface NodeBox extends Rect {
  id: string;
  /** 0 for services with no dependencies, 1 + the deepest dependency otherwise. */
  depth: number;
}

export type MapOrientation = 'columns' | 'rows';

export interface MapLayout {
  orientation: MapOrientation;
  nodes: NodeBox[];
}

/** Dependency depth of every service. Unknown ids and cycles are ignored rather than looping. */
export function serviceDepths(services: readonly ServiceNode[]): Map<string, number> {
  const byId = new Map(services.map((s) => [s.id, s]));
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return -1;
    visiting.add(id);
    let d = 0;
    for (const dep of byId.get(id)?.dependsOn ?? []) {
      if (dep === id || !byId.has(dep)) continue;
      const dd = visit(dep);
      if (dd >= 0) d = Math.max(d, dd + 1);
    }
    visiting.delete(id);
    depth.set(id, d);
    return d;
  };
  for (const s of services) visit(s.id);
  return depth;
}

interface AxisSpec {
  maxMain: number;
  maxCross: number;
  minCross: number;
  mainGap: number;
  crossGap: number;
}

const COLUMN_SPEC: AxisSpec = { maxMain: 230, maxCross: 62, minCross: 34, mainGap: 44, crossGap: 12 };
const ROW_SPEC: AxisSpec = { maxMain: 52, maxCross: 200, minCross: 82, mainGap: 22, crossGap: 8 };

/** Orders each layer so that services sit near what they depend on (fewer crossing lines). */
function orderLayers(layers: string[][], services: readonly ServiceNode[]): void {
  const deps = new Map(services.map((s) => [s.id, s.dependsOn]));
  const dependants = new Map<string, string[]>();
  for (const s of services) for (const d of s.dependsOn) dependants.set(d, [...(dependants.get(d) ?? []), s.id]);
  const position = new Map<string, number>();
  const record = (layer: string[]): void => layer.forEach((id, i) => position.set(id, (i + 0.5) / layer.length));
  const sortBy = (layer: string[], neighbours: (id: string) => readonly string[]): void => {
    const score = new Map<string, number>();
    layer.forEach((id, i) => {
      const placed = neighbours(id).map((n) => position.get(n)).filter((p): p is number => p !== undefined);
      score.set(id, placed.length ? placed.reduce((a, b) => a + b, 0) / placed.length : (i + 0.5) / layer.length);
    });
    layer.sort((a, b) => score.get(a)! - score.get(b)!);
    record(layer);
  };
  layers.forEach(record);
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 1; i < layers.length; i++) sortBy(layers[i]!, (id) => deps.get(id) ?? []);
    for (let i = layers.length - 2; i >= 0; i--) sortBy(layers[i]!, (id) => dependants.get(id) ?? []);
  }
}

/**
 * How readable a node of this size is, 0..1. Width decides how much of a name shows; height
 * matters less, because a short node still fits the name and status on one line.
 */
function readability(nodes: readonly NodeBox[]): number {
  if (nodes.length === 0) return 1;
  const n = nodes[0]!;
  return Math.min(1, n.w / 160) * Math.sqrt(Math.min(1, n.h / 40));
}

/**
 * Lays the map out both ways and keeps the one whose nodes are easier to read; on a tie the
 * map's own shape decides (columns when it is wider than tall).
 */
export function serviceMapLayout(services: readonly ServiceNode[], area: Rect): MapLayout {
  const columns = layoutAlong('columns', services, area);
  const rows = layoutAlong('rows', services, area);
  const a = readability(columns.nodes);
  const b = readability(rows.nodes);
  if (Math.abs(a - b) < 0.02) return area.w >= area.h * 0.9 ? columns : rows;
  return a > b ? columns : rows;
}

function layoutAlong(orientation: MapOrientation, services: readonly ServiceNode[], area: Rect): MapLayout {
  if (services.length === 0) return { orientation, nodes: [] };
  const spec = orientation === 'columns' ? COLUMN_SPEC : ROW_SPEC;
  const main = Math.max(1, orientation === 'columns' ? area.w : area.h);
  const cross = Math.max(1, orientation === 'columns' ? area.h : area.w);
  const depths = serviceDepths(services);

  const layers: string[][] = [];
  for (const s of services) {
    const d = depths.get(s.id) ?? 0;
    (layers[d] ??= []).push(s.id);
  }
  const filled = layers.filter((l) => l && l.length > 0);
  orderLayers(filled, services);

  // A layer with more services than fit across the map wraps onto extra lanes.
  const capacity = Math.max(1, Math.floor((cross + spec.crossGap) / (spec.minCross + spec.crossGap)));
  const lanes: { ids: string[]; depth: number }[] = [];
  for (const layer of filled) {
    const chunks = Math.ceil(layer.length / capacity);
    const per = Math.ceil(layer.length / chunks);
    for (let i = 0; i < layer.length; i += per) lanes.push({ ids: layer.slice(i, i + per), depth: depths.get(layer[0]!) ?? 0 });
  }

  const k = lanes.length;
  const m = Math.max(...lanes.map((l) => l.ids.length));
  const mainGap = k > 1 ? Math.min(spec.mainGap, (main * 0.2) / (k - 1)) : 0;
  const crossGap = m > 1 ? Math.max(2, Math.min(spec.crossGap, (cross * 0.3) / (m - 1))) : 0;
  const nodeMain = Math.max(1, Math.min(spec.maxMain, (main - (k - 1) * mainGap) / k));
  const nodeCross = Math.max(1, Math.min(spec.maxCross, (cross - (m - 1) * crossGap) / m));
  const laneStep = main / k;

  const nodes: NodeBox[] = [];
  lanes.forEach((lane, li) => {
    // Rows put the customer end at the top, so the lane order flips.
    const laneIndex = orientation === 'columns' ? li : k - 1 - li;
    const mainCentre = laneIndex * laneStep + laneStep / 2;
    // Keep a lane's services together instead of pinning them to the far edges of a tall map.
    const crossStep = Math.min(cross / lane.ids.length, nodeCross * 2.2 + crossGap);
    const start = (cross - crossStep * lane.ids.length) / 2;
    lane.ids.forEach((id, j) => {
      const crossCentre = start + crossStep * (j + 0.5);
      const box =
        orientation === 'columns'
          ? { x: area.x + mainCentre - nodeMain / 2, y: area.y + crossCentre - nodeCross / 2, w: nodeMain, h: nodeCross }
          : { x: area.x + crossCentre - nodeCross / 2, y: area.y + mainCentre - nodeMain / 2, w: nodeCross, h: nodeMain };
      nodes.push({ id, depth: lane.depth, ...box });
    });
  });
  const order = new Map(services.map((s, i) => [s.id, i]));
  nodes.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { orientation, nodes };
}

/** Font size of a service's name on the map (before the room's ui scale). */
export const NODE_NAME_PX = 12;

/**
 * Lines a service's name may take on a node of height h. The name comes first: the status
 * word goes under it only when a line is left (the icon and colour say the status anyway).
 */
export function serviceNameLines(h: number, ui = 1): number {
  return Math.max(1, Math.min(3, Math.floor((h - 4) / (14.5 * ui))));
}

/** Width left for a node's words beside its status icon (see ServiceMap.paintNode). */
export function nodeTextWidth(box: { w: number; h: number }): number {
  const iconR = Math.max(5, Math.min(10, box.h * 0.22));
  return box.w - 23 - 2 * iconR;
}

export interface Curve {
  x0: number;
  y0: number;
  c1x: number;
  c1y: number;
  c2x: number;
  c2y: number;
  x1: number;
  y1: number;
}

/** The connector from a dependency to the service that depends on it, as a cubic Bézier. */
export function dependencyCurve(from: Rect, to: Rect, orientation: MapOrientation): Curve {
  if (orientation === 'columns') {
    const forward = to.x >= from.x + from.w;
    const x0 = forward ? from.x + from.w : from.x;
    const x1 = forward ? to.x : to.x + to.w;
    const y0 = from.y + from.h / 2;
    const y1 = to.y + to.h / 2;
    const bend = Math.max(18, Math.abs(x1 - x0) * 0.5) * (forward ? 1 : -1);
    return { x0, y0, c1x: x0 + bend, c1y: y0, c2x: x1 - bend, c2y: y1, x1, y1 };
  }
  const upward = to.y + to.h <= from.y;
  const y0 = upward ? from.y : from.y + from.h;
  const y1 = upward ? to.y + to.h : to.y;
  const x0 = from.x + from.w / 2;
  const x1 = to.x + to.w / 2;
  const bend = Math.max(14, Math.abs(y1 - y0) * 0.5) * (upward ? -1 : 1);
  return { x0, y0, c1x: x0, c1y: y0 + bend, c2x: x1, c2y: y1 - bend, x1, y1 };
}

/** A point on a cubic Bézier at t in 0..1. */
export function pointOnCurve(c: Curve, t: number): { x: number; y: number } {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const d = 3 * u * t * t;
  const e = t * t * t;
  return { x: a * c.x0 + b * c.c1x + d * c.c2x + e * c.x1, y: a * c.y0 + b * c.c1y + d * c.c2y + e * c.y1 };
}

// ---------------------------------------------------------------------------------------------
// The header (widgets/clock-bar.ts): radar, brand and beat title, game clock, the pill that says
// whether time runs, and the decision ring at the right end. The widget measures its texts and
// this plan places them so that the clock, the pill and the ring never overlap: the brand and
// the title give way first, then the ring's caption.

/** What the pill may read; the widget sizes its room for the widest. */
export const PILL_LABELS = ['Standby', 'Briefing', 'Ended', 'Paused', 'Live 8×'] as const;

export interface ClockBarWidths {
  brand: number;
  /** The widest the clock (or its caption under it) may read. */
  clock: number;
  /** The widest pill, text and glyph. */
  pill: number;
  /** The ring's caption ("DECISION OPEN"). */
  ringCaption: number;
}

export interface ClockBarPlan {
  compact: boolean;
  radar: { x: number; r: number };
  /** Whether the brand and the beat title show, and the title's width. */
  brand: boolean;
  titleW: number;
  clockX: number;
  pillX: number;
  ring: { x: number; r: number };
  /** Whether the ring's caption fits between the pill and the ring. */
  ringCaption: boolean;
}

export function clockBarPlan(rect: Rect, ui: number, widths: ClockBarWidths): ClockBarPlan {
  const compact = rect.h < 50;
  const rr = compact ? 13 : 17;
  const radarX = rect.x + (compact ? 2 : 12) + rr;
  const ringR = compact ? 15 : 19;
  const ringX = rect.x + rect.w - (compact ? 4 : 14) - ringR;
  let x = radarX + rr + (compact ? 8 : 12);
  // Clock, pill and ring come first; the brand and title get what is left, up to 240 px.
  const ringLeft = ringX - ringR - 8;
  const spare = ringLeft - x - widths.clock - 10 - widths.pill;
  const titleW = compact ? 0 : Math.min(240 * ui, spare - 22);
  const brand = titleW >= Math.max(widths.brand, 110);
  if (brand) x += Math.max(widths.brand, titleW) + 22;
  const pillX = x + widths.clock + 10;
  const ringCaption = ringX - ringR - 10 - widths.ringCaption > pillX + widths.pill + 8;
  return { compact, radar: { x: radarX, r: rr }, brand, titleW: brand ? titleW : 0, clockX: x, pillX, ring: { x: ringX, r: ringR }, ringCaption };
}

/** The regulators' chips inside the compliance strip: a chip's proportions, right-aligned. */
export function regulatorChips(rect: Rect, count: number): { cells: Rect[]; compact: boolean } {
  const framed = rect.h >= 40;
  const inner: Rect = framed ? { x: rect.x + 6, y: rect.y + 6, w: rect.w - 12, h: rect.h - 12 } : rect;
  const rowW = framed ? Math.min(inner.w, 320 * count + 6 * (count - 1)) : inner.w;
  const cells = gridCells({ x: inner.x + inner.w - rowW, y: inner.y, w: rowW, h: inner.h }, count, count, 6);
  return { cells, compact: (cells[0]?.h ?? 0) < 34 };
}

/** Width a regulator's name has in its chip, right of the stopwatch (see ComplianceClock.paintChip). */
export function regulatorNameWidth(cell: Rect, ui: number): number {
  const iconR = Math.min(cell.h * 0.28, 9 * ui);
  return cell.x + cell.w - 8 - (cell.x + 8 + 2 * iconR + 7);
}
