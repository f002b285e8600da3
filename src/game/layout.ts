// Pure layout maths for the war room (no Phaser here, so Vitest can check it in Node).
import { LANGS, type Lang } from '../i18n/lang.ts';
import { MOODS } from './mood.ts';
import { inEveryLang, moodWord, roomText } from './words.ts';
import { SEVERITY_WORDS_ALL, VITAL_NAMES_ALL } from './vitals.ts';
import { estimateWidth, fitsInLines, wrapEstimate } from './text-fit.ts';
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
  /** The news ticker; left out on a short stage that needs its row for names (room-fit.ts). */
  ticker: Rect | null;
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
  /** How many regulators' clocks run (default 1): two share the strip one above the other. */
  regulators?: number;
  /** How many stakeholders the faces panel shows (a phone stage gives them rows enough). */
  people?: number;
  /** Their names, when known: a stacked stage gives the faces rows enough for the whole names. */
  names?: readonly string[];
  /** Whether the news ticker shows (default true; the HTML lists every message anyway). */
  ticker?: boolean;
  /** Whether the header shows (default true; the page or the presenter shows the clock too). */
  header?: boolean;
  /** The language of the room's words: the faces keep room for its mood words (default English). */
  lang?: Lang;
  /** A wide room's side column, as a share of its width (default SIDE_SHARES[0]); room-fit.ts widens it for faces. */
  side?: number;
}

/** The wide room's side column as a share of the canvas's width: the usual one, then wider ones that give the faces room beside long names. */
export const SIDE_SHARES = [0.34, 0.4, 0.46, 0.52] as const;

/** Splits the canvas into the room's panels. Wide screens get a map with a side column; narrow ones stack. */
export function roomLayout(width: number, height: number, options: RoomOptions = {}): RoomLayout {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  const compliance = options.compliance ?? true;
  const strips = { ticker: options.ticker ?? true, header: options.header ?? true, regulators: Math.max(1, options.regulators ?? 1) };
  return w >= 600 && w >= h * 1.2 ? wideLayout(w, h, compliance, strips, options.side ?? SIDE_SHARES[0]) : tallLayout(w, h, compliance, options.names ?? Array.from({ length: options.people ?? 4 }, () => ''), strips, options.lang ?? 'en');
}

interface Strips {
  ticker: boolean;
  header: boolean;
  regulators: number;
}

/** Below this body height the wide room keeps the map and the faces and leaves the gauges to the HTML. */
const WIDE_GAUGES_MIN_BODY = 330;

function wideLayout(w: number, h: number, withCompliance: boolean, strips: Strips, side: number): RoomLayout {
  const pad = w >= 1100 ? 16 : 12;
  const gap = w >= 1100 ? 12 : 10;
  const headerH = h < 480 ? 48 : 56;
  const tickerH = h < 480 ? 26 : 30;
  // Wide enough for a regulator's whole name at 12 px ("Regional Health Care Inspectorate"), and
  // for two clocks' names beside their times, one above the other.
  const complianceW = Math.round(clamp(w * 0.4, strips.regulators > 1 ? 340 : 300, 520));
  const header: Rect | null = strips.header ? { x: pad, y: pad, w: w - 2 * pad - (withCompliance ? complianceW + gap : 0), h: headerH } : null;
  const rightW = Math.round(clamp(w * side, 280, 460));
  const rightX = w - pad - rightW;
  // Without the header, the regulators' strip tops the map's column and the faces' column
  // starts at the top.
  const compliance: Rect | null = !withCompliance ? null : header ? { x: w - pad - complianceW, y: pad, w: complianceW, h: headerH } : { x: pad, y: pad, w: rightX - gap - pad, h: headerH };
  const ticker: Rect | null = strips.ticker ? { x: 0, y: h - tickerH, w, h: tickerH } : null;
  const bodyTop = pad + (header ? headerH + gap : 0);
  const bodyBottom = ticker ? ticker.y - gap : h - pad;
  const bodyH = Math.max(60, bodyBottom - bodyTop);
  const mapTop = header || !compliance ? bodyTop : compliance.y + compliance.h + gap;
  const map: Rect = { x: pad, y: mapTop, w: rightX - gap - pad, h: Math.max(60, bodyBottom - mapTop) };
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

function tallLayout(w: number, h: number, withCompliance: boolean, names: readonly string[], strips: Strips, lang: Lang): RoomLayout {
  // A short canvas (a phone's stage above the HTML panel) tightens every strip.
  const short = h < 300;
  const pad = short ? 5 : 6;
  const gap = short ? 5 : 6;
  // A phone's short stage sits under the page's top bar, which shows the clock: no second clock.
  const headerH = short || !strips.header ? 0 : 40;
  // Two lines (name over time) so a regulator's whole name shows; two clocks one above the other.
  const complianceH = withCompliance ? Math.max(46, 12 + 18 * strips.regulators + 3 * (strips.regulators - 1)) : 0;
  const tickerH = strips.ticker ? (short ? 22 : 24) : 0;
  // The gauges go below this map height (the HTML figures strip shows them); the faces only below
  // the floor, lower on a phone's short stage.
  const mapMin = 120;
  const mapFloor = short ? 80 : mapMin;
  const mapComfort = 300;
  let gaugesH = 80;
  let portraitsH = Math.max(76, facesNeed(w - 2 * pad, names, lang));
  let inboxH = 44;
  const fixed = (): number =>
    pad + (headerH ? headerH + 4 : 0) + (complianceH ? complianceH + gap : 0) + (gaugesH ? gaugesH + gap : 0) + (portraitsH ? portraitsH + gap : 0) + (inboxH ? inboxH + gap : 0) + (tickerH || pad);
  // Too short for everything: the inbox goes first (the HTML lists every message anyway),
  // then the gauges (the HTML figures strip shows the same numbers), and the faces shrink,
  // and go last.
  if (h - fixed() < mapMin) inboxH = 0;
  if (h - fixed() < mapMin) gaugesH = 0;
  if (h - fixed() < mapFloor) portraitsH = 0;
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
  const ticker: Rect | null = tickerH ? { x: 0, y: h - tickerH, w, h: tickerH } : null;
  return { mode: 'tall', width: w, height: h, header, compliance, map, gauges, portraits, inbox, ticker, ui: 1, titles: false };
}

/** Height of a panel's title bar (widgets/panel.ts draws it). */
export const TITLE_H = 26;

/** The inside of a titled panel. */
export function panelBody(r: Rect, titleH = TITLE_H, pad = 10): Rect {
  return { x: r.x + pad, y: r.y + titleH + pad * 0.6, w: Math.max(1, r.w - 2 * pad), h: Math.max(1, r.h - titleH - pad * 1.4) };
}

/** Whether the service map's panel has its title bar: on a titled stage, when it is tall enough. */
export const mapTitled = (rect: Rect, titles: boolean): boolean => titles && rect.h >= 150;

/** Where the service map lays out its nodes inside its panel. */
export function mapBody(rect: Rect, titles: boolean): Rect {
  return mapTitled(rect, titles) ? panelBody(rect, TITLE_H, 14) : { x: rect.x + 6, y: rect.y + 6, w: rect.w - 12, h: rect.h - 12 };
}

/** Whether the faces' panel has its title bar. */
export const portraitsTitled = (rect: Rect, titles: boolean): boolean => titles && rect.h >= 100;

/** Where the faces are laid out inside their panel. */
export function portraitsBody(rect: Rect, titles: boolean): Rect {
  return portraitsTitled(rect, titles) ? panelBody(rect, TITLE_H, 8) : { x: rect.x + 6, y: rect.y + 5, w: rect.w - 12, h: rect.h - 10 };
}

/**
 * Height of a stacked stage's faces panel (untitled, full width) whose words stay whole: the
 * fewest rows' worth over the columns in which no name's word is cut, each row the name's lines,
 * the mood and a little room, at least two name lines' worth so that short names leave room for
 * a face.
 */
function facesNeed(width: number, names: readonly string[], lang: Lang): number {
  const bodyW = width - 12;
  const count = Math.max(1, names.length);
  let best = Infinity;
  for (const cols of columnChoices(usualColumns(bodyW, count, 6), count)) {
    const lines = nameLinesAt(names, (bodyW - 6 * (cols - 1)) / cols - 2, 12, lang);
    if (lines === null) continue;
    const rows = Math.ceil(count / cols);
    const rowH = Math.max(3 * LINE_H + 8, portraitWordsH(lines) + 4);
    best = Math.min(best, rows * rowH + (rows - 1) * 6 + 10);
  }
  return Number.isFinite(best) ? best : 3 * LINE_H + 18;
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
  /** The face sits left of the words (a short, wide cell) instead of above them. */
  beside: boolean;
  /** Width the name wraps in. */
  textW: number;
}

/** Height of a portrait's words: the name's lines and the mood word under them. */
export const portraitWordsH = (nameLines: number): number => (nameLines + 1) * LINE_H + 4;

/** The widest mood word a portrait shows under a name ("CONFIDENT"; its number goes first when short of room). */
const widestMood = (px: number, lang: Lang): number => Math.max(...MOODS.map((m) => estimateWidth(moodWord(m, lang), px)));

/** Lines the longest name needs at this width, or null when a word of one (or the mood word) is wider. */
function nameLinesAt(names: readonly string[], width: number, px: number, lang: Lang): number | null {
  if (widestMood(px, lang) > width) return null;
  let lines = 1;
  for (const n of names) {
    const wrapped = wrapEstimate(n, width, px);
    if (!wrapped) return null;
    lines = Math.max(lines, wrapped.length);
  }
  return lines;
}

/**
 * The stakeholders' grid. Every cell keeps room for its words at 12 px (the whole name,
 * wrapped, and the mood); the face gets what is left, above the words, or beside them in a
 * cell too short for that. From the most columns (cells of MIN_PORTRAIT_W) down to one, the
 * first arrangement with whole names and a face of at least MIN_FACE_R wins; else whole names
 * without faces; a face smaller than MIN_FACE_R is left out rather than shrinking the words.
 */
export function portraitPlan(body: Rect, names: readonly string[], gap = 6, ui = 1, lang: Lang = 'en'): PortraitPlan {
  const count = names.length;
  if (count <= 0) return { cells: [], nameLines: 1, r: 0, beside: false, textW: body.w };
  // Names are drawn at the room's text scale, never below 12 px.
  const px = Math.max(12, Math.round(12 * ui));
  const perRow = usualColumns(body.w, count, gap);
  let faceless: PortraitPlan | null = null;
  for (const cols of columnChoices(perRow, count)) {
    const cells = gridCells(body, count, cols, gap);
    const cell = cells[0]!;
    const stackLines = nameLinesAt(names, cell.w - 2, px, lang);
    if (stackLines !== null && portraitWordsH(stackLines) <= cell.h) {
      const r = Math.min(cell.w * 0.3, (cell.h - portraitWordsH(stackLines)) / 2 - 4, 40);
      const plan = { cells, nameLines: stackLines, r: r >= MIN_FACE_R ? r : 0, beside: false, textW: cell.w - 2 };
      if (plan.r > 0) return plan;
      faceless ??= plan;
    }
    // Beside: the largest face (up to 24 px) that leaves the words whole, in steps of 2 px.
    for (let rb = Math.min((cell.h - 4) / 2, 24 * ui); rb >= MIN_FACE_R; rb -= 2) {
      const besideW = cell.w - 2 * rb - 12;
      const besideLines = nameLinesAt(names, besideW, px, lang);
      if (besideLines !== null && portraitWordsH(besideLines) <= cell.h) return { cells, nameLines: besideLines, r: rb, beside: true, textW: besideW };
    }
  }
  if (faceless) return faceless;
  // Nothing keeps every name whole: the usual columns, names wrapped on up to three lines.
  const cells = gridCells(body, count, perRow, gap);
  return { cells, nameLines: 3, r: 0, beside: false, textW: cells[0]!.w - 2 };
}

/** As many columns as cells of MIN_PORTRAIT_W fit across, at most one per person. */
function usualColumns(width: number, count: number, gap: number): number {
  return Math.min(count, Math.max(1, Math.floor((width + gap) / (MIN_PORTRAIT_W + gap))));
}

/**
 * Column counts to try, best first: the usual ones, fewest rows first, then narrower cells
 * (more columns, fewer rows) for a short panel whose names' words still fit them.
 */
function columnChoices(perRow: number, count: number): number[] {
  const out: number[] = [];
  for (let c = perRow; c >= 1; c--) out.push(c);
  for (let c = perRow + 1; c <= count; c++) out.push(c);
  return out;
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

/** Layers as columns or rows with connectors; 'grid' is a list-like grid without them (map-fit.ts). */
export type MapOrientation = 'columns' | 'rows' | 'grid';

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
export function readability(nodes: readonly NodeBox[]): number {
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

/**
 * The layered drawing along one axis. `maxPerLane` caps how many services share a lane (a layer
 * with more wraps onto extra lanes); by default as many as fit at the axis' smallest node.
 */
export function layoutAlong(orientation: 'columns' | 'rows', services: readonly ServiceNode[], area: Rect, maxPerLane?: number): MapLayout {
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
  const capacity = maxPerLane ?? Math.max(1, Math.floor((cross + spec.crossGap) / (spec.minCross + spec.crossGap)));
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

/** Nodes this high or more have room for two lines of 12 px words; lower ones have one. */
export const NODE_TWO_LINES_H = 25;
/** A node lower than this has no room for a line of 12 px words. */
export const NODE_ONE_LINE_H = 16;

/** The lines and width a service's name has on its node (ServiceMap.paintNode draws it so). */
export function nodeNameRoom(box: { w: number; h: number }, ui = 1): { lines: number; width: number } {
  const lines = box.h >= NODE_TWO_LINES_H ? serviceNameLines(box.h, ui) : box.h >= NODE_ONE_LINE_H * ui ? 1 : 0;
  return { lines, width: nodeTextWidth(box) };
}

/** Whether a service's whole name shows on a node of this size. */
export function nameFitsNode(name: string, box: { w: number; h: number }, ui = 1): boolean {
  const room = nodeNameRoom(box, ui);
  return fitsInLines(name, room.width, room.lines, NODE_NAME_PX * ui);
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
export function dependencyCurve(from: Rect, to: Rect, orientation: 'columns' | 'rows'): Curve {
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

/**
 * How the header shows the beat's title in `width`: on one line under the brand, on two lines
 * in the brand's place, or (0) not at all; never cut. The widget decides the same by measuring.
 */
export function headerTitleLines(title: string, width: number, px: number): 0 | 1 | 2 {
  const lines = wrapEstimate(title, width, px);
  return lines === null || lines.length > 2 ? 0 : lines.length === 1 ? 1 : 2;
}

/** What the pill may read; the widget sizes its room for the widest. */
export const PILL_LABELS: readonly string[] = (['pill.standby', 'pill.briefing', 'pill.ended', 'pill.paused'] as const)
  .flatMap((key) => inEveryLang(key))
  .concat(LANGS.map((l) => roomText(l)('pill.live', { speed: '8' })));

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

export interface RegulatorChips {
  cells: Rect[];
  /** One line per chip (name, then the time at its right end) rather than the name over the time. */
  compact: boolean;
  /** Width each chip gives the regulator's name. */
  nameW: number;
}

/** Room a chip's time keeps on a one-line chip: its longest text in any language ("Notified late"), in the 12 px mono font. */
const CHIP_TIME_W = Math.max(...(['chip.notified', 'chip.late', 'chip.missed'] as const).flatMap((k) => inEveryLang(k)).map((w) => w.length)) * 0.62 * 12;

/** Width a regulator's name has in its chip (see ComplianceClock.paintChip). */
export function regulatorNameWidth(cell: Rect, ui: number, compact = cell.h < 34): number {
  const iconR = Math.min(cell.h * 0.28, 9 * ui);
  const beside = cell.x + cell.w - 8 - (cell.x + 8 + 2 * iconR + 7);
  return compact ? beside - CHIP_TIME_W - 6 : beside;
}

/**
 * The regulators' chips inside the compliance strip, right-aligned with a chip's proportions:
 * side by side when each whole name fits its chip, else one above the other on one line each
 * (two clocks in a header-high strip), else side by side with names shortened.
 */
export function regulatorChips(rect: Rect, names: readonly string[], ui = 1): RegulatorChips {
  const count = Math.max(1, names.length);
  const framed = rect.h >= 40;
  const inner: Rect = framed ? { x: rect.x + 6, y: rect.y + 6, w: rect.w - 12, h: rect.h - 12 } : rect;
  const rowW = framed ? Math.min(inner.w, 320 * count + 6 * (count - 1)) : inner.w;
  const across = gridCells({ x: inner.x + inner.w - rowW, y: inner.y, w: rowW, h: inner.h }, count, count, 6);
  const whole = (cells: Rect[], compact: boolean): RegulatorChips | null => {
    const nameW = regulatorNameWidth(cells[0]!, ui, compact);
    return names.every((n) => fitsInLines(n, nameW, 1, 12)) ? { cells, compact, nameW } : null;
  };
  const acrossCompact = (across[0]?.h ?? 0) < 34;
  const sideBySide = whole(across, acrossCompact);
  if (sideBySide || count === 1) return sideBySide ?? { cells: across, compact: acrossCompact, nameW: regulatorNameWidth(across[0]!, ui, acrossCompact) };
  // One above the other inside the frame, or over the whole strip when the frame leaves too little.
  const box = (inner.h - 3 * (count - 1)) / count >= NODE_ONE_LINE_H ? inner : rect;
  const stackW = Math.min(box.w, 380);
  const stacked = gridCells({ x: box.x + box.w - stackW, y: box.y, w: stackW, h: box.h }, count, 1, 3);
  if ((stacked[0]?.h ?? 0) >= NODE_ONE_LINE_H) {
    const fit = whole(stacked, true);
    if (fit) return fit;
  }
  return { cells: across, compact: acrossCompact, nameW: regulatorNameWidth(across[0]!, ui, acrossCompact) };
}

// ---------------------------------------------------------------------------------------------
// The business vitals (widgets/gauges.ts). Four arc gauges in a row, a 2x2 grid or a column,
// the words beside or under each arc, when every arc holds its value and every name and state
// word stays whole; else four rows, each the name, the value and the state in a word over a bar (the
// presenter's 280 px side column at 1280x720 has no room for arcs with whole words at 12 px).

export type GaugeKind = 'dials' | 'rows';

/** Height of a line of gauge words as Phaser measures Inter (15 px at 12 px). */
export const gaugeLineH = (px: number): number => Math.ceil(px * 1.25);
/** Room a value takes: six characters of the mono font ("€1.25M", "£12.3k"), 0.62 em each. */
export const gaugeValueW = (px: number): number => 6 * 0.62 * px;
/** The arc's stroke at radius r (widgets/gauges.ts draws it so); its ticks reach 1.25 strokes out. */
export const arcStroke = (r: number): number => Math.max(4, r * 0.2);
/** The gap between a row's words. */
const ROW_GAP = 6;

export interface GaugePlan {
  kind: GaugeKind;
  /** Whether the panel has its title bar. */
  titled: boolean;
  cells: Rect[];
  /** Dials: the arcs' radius (0 for rows). */
  r: number;
  /** Dials: the words sit right of the arc instead of under it. */
  beside: boolean;
  /** Size of the names, state words and values, CSS px. */
  px: number;
  /** Whether the names and the state words take their short forms (vitals.ts). */
  shortNames: boolean;
  shortWords: boolean;
  /** Rows: the width of the name and state-word columns (dials: 0, their words have the cell's width). */
  nameW: number;
  wordW: number;
}

/** Where one gauge's parts go in its cell; every text box is one line high. */
export interface GaugeSpots {
  /** Dials: the arc's centre. Rows: the words' centre line (cx: the row's left end). */
  cx: number;
  cy: number;
  name: Rect;
  word: Rect;
  /** Dials: inside the arc, as wide as its inner edge at a line's height. Rows: the value's column. */
  value: Rect;
  /** Dials with their words beside: the detail line between the name and the word, when there is room. */
  sub: Rect | null;
  /** Rows: the bar, under the words. */
  bar: Rect | null;
}

export function gaugeSpots(plan: GaugePlan, cell: Rect): GaugeSpots {
  const line = gaugeLineH(plan.px);
  if (plan.kind === 'rows') {
    // The words on one line (name, then the value and the state word at the right end) and the
    // bar under them, across the row.
    const barH = Math.max(3, Math.min(6, cell.h - line - 2));
    const top = cell.y + (cell.h - line - 2 - barH) / 2;
    const name = { x: cell.x + 2, y: top, w: plan.nameW, h: line };
    const word = { x: cell.x + cell.w - 2 - plan.wordW, y: top, w: plan.wordW, h: line };
    const valueW = gaugeValueW(plan.px);
    const value = { x: word.x - ROW_GAP - valueW, y: top, w: valueW, h: line };
    return { cx: cell.x + 2, cy: top + line / 2, name, word, value, sub: null, bar: { x: cell.x + 2, y: top + line + 2, w: cell.w - 4, h: barH } };
  }
  const { r } = plan;
  const stroke = arcStroke(r);
  const inner = r - stroke / 2 - 1;
  const valueW = 2 * Math.sqrt(Math.max(0, inner * inner - (line / 2) ** 2));
  if (plan.beside) {
    const cx = cell.x + r + 8;
    const cy = cell.y + cell.h / 2;
    const x = cx + r + 14;
    const w = cell.x + cell.w - x - 2;
    const withSub = cell.h >= 3 * line + 4;
    const top = cy - ((withSub ? 3 : 2) * line) / 2;
    const sub = withSub ? { x, y: top + line, w, h: line } : null;
    return { cx, cy, name: { x, y: top, w, h: line }, word: { x, y: top + (withSub ? 2 : 1) * line, w, h: line }, value: { x: cx - valueW / 2, y: cy - line / 2, w: valueW, h: line }, sub, bar: null };
  }
  // Under the arc: the name just below its lowest tick, the state word under the name.
  const cx = cell.x + cell.w / 2;
  const cy = cell.y + r + 3;
  const nameY = cy + Math.SQRT1_2 * (r + 1.25 * stroke) + 1;
  const w = cell.w - 2;
  return {
    cx,
    cy,
    name: { x: cell.x + 1, y: nameY, w, h: line },
    word: { x: cell.x + 1, y: nameY + line, w, h: line },
    value: { x: cx - valueW / 2, y: cy - line / 2, w: valueW, h: line },
    sub: null,
    bar: null,
  };
}

/** The widest of the vitals' names, whole or short, and of their state words, at px. */
function gaugeWords(px: number): { names: [number, number]; words: [number, number] } {
  const widest = (texts: string[]): number => Math.max(...texts.map((t) => estimateWidth(t.toUpperCase(), px)));
  const names = VITAL_NAMES_ALL.flatMap((byId) => Object.values(byId));
  const words = SEVERITY_WORDS_ALL.flatMap((byId) => Object.values(byId).flatMap((bySeverity) => Object.values(bySeverity)));
  return { names: [widest(names.map((n) => n[0])), widest(names.map((n) => n[1]))], words: [widest(words.map((n) => n[0])), widest(words.map((n) => n[1]))] };
}

/** Dials in these cells with every word whole and every value inside its arc, or null. */
function dialsIn(cells: Rect[], titled: boolean, beside: boolean, px: number): GaugePlan | null {
  const cell = cells[0]!;
  const words = gaugeWords(px);
  const line = gaugeLineH(px);
  const top = beside ? cell.h * 0.45 : cell.w * 0.34;
  for (let r = Math.floor(Math.min(top, cell.h / 2)); r >= 8; r -= 1) {
    const plan: GaugePlan = { kind: 'dials', titled, cells, r, beside, px, shortNames: false, shortWords: false, nameW: 0, wordW: 0 };
    const spots = gaugeSpots(plan, cell);
    // A smaller arc leaves the value less room: once it does not fit, no smaller one will.
    if (spots.value.w < gaugeValueW(px)) return null;
    if (spots.word.y + line > cell.y + cell.h || spots.name.y < cell.y) continue;
    if (words.names[1] > spots.name.w || words.words[1] > spots.word.w) continue;
    return { ...plan, shortNames: words.names[0] > spots.name.w, shortWords: words.words[0] > spots.word.w };
  }
  return null;
}

/** Rows in these cells with every word whole, or null; whole names before whole state words. */
function rowsIn(cells: Rect[], titled: boolean, px: number): GaugePlan | null {
  const cell = cells[0]!;
  if (cell.h < gaugeLineH(px) + 5) return null;
  const words = gaugeWords(px);
  const room = cell.w - 4 - gaugeValueW(px) - 2 * ROW_GAP;
  for (const [shortNames, shortWords] of [[false, false], [false, true], [true, false], [true, true]] as const) {
    const nameW = words.names[shortNames ? 1 : 0];
    const wordW = words.words[shortWords ? 1 : 0];
    if (nameW + wordW <= room) return { kind: 'rows', titled, cells, r: 0, beside: false, px, shortNames, shortWords, nameW, wordW };
  }
  return null;
}

/**
 * The gauges in their panel: the biggest dials that keep every word whole and every value
 * inside its arc (4x1, 2x2 or 1x4; the title bar first, else without it), else rows (one
 * column of four, two of two, or four of one), else one column of rows with the short words.
 */
export function gaugePlan(rect: Rect, titles: boolean, ui = 1): GaugePlan {
  const px = Math.max(12, Math.round(12 * ui));
  const plain = { x: rect.x + 6, y: rect.y + 6, w: rect.w - 12, h: rect.h - 10 };
  const bodies: [Rect, boolean][] = titles && rect.h >= 120 ? [[panelBody(rect, TITLE_H, 10), true], [plain, false]] : [[plain, false]];
  for (const [body, titled] of bodies) {
    let best: GaugePlan | null = null;
    for (const cols of [4, 2, 1]) {
      const cells = gridCells(body, 4, cols, 8);
      for (const beside of [false, true]) {
        const plan = dialsIn(cells, titled, beside, px);
        if (plan && (!best || plan.r > best.r)) best = plan;
      }
    }
    if (best) return best;
  }
  for (const [body, titled] of bodies) {
    for (const cols of [1, 2, 4]) {
      const plan = rowsIn(gridCells(body, 4, cols, ROW_GAP), titled, px);
      if (plan) return plan;
    }
  }
  const words = gaugeWords(px);
  return { kind: 'rows', titled: false, cells: gridCells(plain, 4, 1, ROW_GAP), r: 0, beside: false, px, shortNames: true, shortWords: true, nameW: words.names[1], wordW: words.words[1] };
}
