// Pure layout maths for the war room (no Phaser here, so Vitest can check it in Node).
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
  /** Brand, game clock, decision ring, pause state. */
  header: Rect;
  /** The regulators' notification clocks. */
  compliance: Rect;
  map: Rect;
  gauges: Rect;
  /** Left out when the canvas is too short to show them readably. */
  portraits: Rect | null;
  inbox: Rect | null;
  ticker: Rect;
  /** Text and icon scale: 1 on a desktop, smaller on a phone. */
  ui: number;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** Splits the canvas into the room's panels. Wide screens get a map with a side column; narrow ones stack. */
export function roomLayout(width: number, height: number): RoomLayout {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  return w >= 600 && w >= h * 1.2 ? wideLayout(w, h) : tallLayout(w, h);
}

function wideLayout(w: number, h: number): RoomLayout {
  const pad = w >= 1100 ? 16 : 12;
  const gap = w >= 1100 ? 12 : 10;
  const headerH = h < 480 ? 48 : 56;
  const tickerH = h < 480 ? 26 : 30;
  const complianceW = Math.round(clamp(w * 0.34, 240, 460));
  const header: Rect = { x: pad, y: pad, w: w - 2 * pad - complianceW - gap, h: headerH };
  const compliance: Rect = { x: w - pad - complianceW, y: pad, w: complianceW, h: headerH };
  const ticker: Rect = { x: 0, y: h - tickerH, w, h: tickerH };
  const bodyTop = pad + headerH + gap;
  const bodyH = Math.max(60, ticker.y - gap - bodyTop);
  const rightW = Math.round(clamp(w * 0.34, 280, 460));
  const map: Rect = { x: pad, y: bodyTop, w: w - 2 * pad - gap - rightW, h: bodyH };
  const rightX = w - pad - rightW;
  let gaugesH = Math.round(clamp(bodyH * 0.4, 130, 280));
  let portraitsH = Math.round(clamp(bodyH * 0.27, 100, 220));
  let inboxH = bodyH - gaugesH - portraitsH - 2 * gap;
  if (inboxH < 96) {
    // Short canvas: the inbox goes (HTML lists every message); the gauges become a strip of
    // four so the faces keep their room.
    gaugesH = Math.round(clamp(bodyH * 0.45, 64, 130));
    portraitsH = Math.max(0, bodyH - gaugesH - gap);
    inboxH = 0;
  }
  if (portraitsH < 84) {
    gaugesH = bodyH;
    portraitsH = 0;
  }
  const gauges: Rect = { x: rightX, y: bodyTop, w: rightW, h: gaugesH };
  const portraits: Rect | null = portraitsH > 0 ? { x: rightX, y: bodyTop + gaugesH + gap, w: rightW, h: portraitsH } : null;
  const inbox: Rect | null = inboxH > 0 && portraits ? { x: rightX, y: portraits.y + portraitsH + gap, w: rightW, h: inboxH } : null;
  return { mode: 'wide', width: w, height: h, header, compliance, map, gauges, portraits, inbox, ticker, ui: w >= 1600 ? 1.12 : w >= 1100 ? 1 : 0.92 };
}

function tallLayout(w: number, h: number): RoomLayout {
  // A short canvas (a phone's stage above the HTML panel) tightens every strip.
  const short = h < 300;
  const pad = short ? 5 : 6;
  const gap = short ? 5 : 6;
  const headerH = short ? 36 : 40;
  const complianceH = short ? 20 : 22;
  const tickerH = short ? 20 : 22;
  const mapMin = short ? 80 : 120;
  const mapComfort = 300;
  let gaugesH = 80;
  let portraitsH = 76;
  let inboxH = 44;
  const fixed = (): number =>
    pad + headerH + 4 + complianceH + gap + (gaugesH + gap) + (portraitsH ? portraitsH + gap : 0) + (inboxH ? inboxH + gap : 0) + tickerH;
  // Too short for everything: the inbox goes first (the HTML lists every message anyway),
  // then the gauges and faces shrink, and the faces go last.
  if (h - fixed() < mapMin) inboxH = 0;
  if (h - fixed() < mapMin) {
    gaugesH = short ? 56 : 62;
    portraitsH = 60;
  }
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
  const header: Rect = { x: pad, y: pad, w: inner, h: headerH };
  const compliance: Rect = { x: pad, y: pad + headerH + 4, w: inner, h: complianceH };
  let y = compliance.y + complianceH + gap;
  const map: Rect = { x: pad, y, w: inner, h: mapH };
  y += mapH + gap;
  const gauges: Rect = { x: pad, y, w: inner, h: gaugesH };
  y += gaugesH + gap;
  let portraits: Rect | null = null;
  if (portraitsH > 0) {
    portraits = { x: pad, y, w: inner, h: portraitsH };
    y += portraitsH + gap;
  }
  let inbox: Rect | null = null;
  if (inboxH > 0) inbox = { x: pad, y, w: inner, h: inboxH };
  const ticker: Rect = { x: 0, y: h - tickerH, w, h: tickerH };
  return { mode: 'tall', width: w, height: h, header, compliance, map, gauges, portraits, inbox, ticker, ui: w < 420 ? 0.86 : 0.92 };
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
