import { layoutAlong, nameFitsNode, NODE_TWO_LINES_H, readability, serviceDepths, serviceMapLayout, type MapLayout, type NodeBox, type Rect, type ServiceNode } from './layout.ts';

// The service map that keeps every name whole. The layered drawing (layout.ts) comes first; when
// a name would be cut in it, fewer services share a lane, and if no layered drawing keeps every
// name whole, the services are laid out as a list-like grid without connectors (customer-facing
// first), whose wider cells wrap long names. Bounded: a few dozen candidates, each one pass.

export interface NamedService extends ServiceNode {
  name: string;
}

/** Widest a grid cell grows, so a short list does not stretch across a wide map. */
const GRID_MAX_W = 360;
const GRID_MAX_H = 62;
const GRID_GAP_X = 8;
/** Rows of one-line cells (a phone's list) sit closer together. */
const GRID_GAP_Y = 6;
const GRID_TIGHT_GAP_Y = 2;

/** How many names a plan cuts (0: all whole). */
export function namesCut(services: readonly NamedService[], plan: MapLayout, ui = 1): number {
  const byId = new Map(services.map((s) => [s.id, s.name]));
  return plan.nodes.filter((n) => !nameFitsNode(byId.get(n.id) ?? '', n, ui)).length;
}

/** The services in `cols` columns, customer-facing (deepest) first, centred in the area. */
export function gridLayout(services: readonly ServiceNode[], area: Rect, cols: number): MapLayout {
  if (services.length === 0) return { orientation: 'grid', nodes: [] };
  const depths = serviceDepths(services);
  const order = services.map((s, i) => ({ id: s.id, depth: depths.get(s.id) ?? 0, i })).sort((a, b) => b.depth - a.depth || a.i - b.i);
  const c = Math.max(1, Math.min(cols, services.length));
  const rows = Math.ceil(services.length / c);
  const w = Math.max(1, Math.min(GRID_MAX_W, (area.w - GRID_GAP_X * (c - 1)) / c));
  const roomy = (area.h - GRID_GAP_Y * (rows - 1)) / rows >= NODE_TWO_LINES_H;
  const gapY = roomy ? GRID_GAP_Y : GRID_TIGHT_GAP_Y;
  const h = Math.max(1, Math.min(GRID_MAX_H, (area.h - gapY * (rows - 1)) / rows));
  const x0 = area.x + (area.w - (c * w + (c - 1) * GRID_GAP_X)) / 2;
  const y0 = area.y + (area.h - (rows * h + (rows - 1) * gapY)) / 2;
  const nodes: NodeBox[] = order.map((s, k) => ({ id: s.id, depth: s.depth, x: x0 + (k % c) * (w + GRID_GAP_X), y: y0 + Math.floor(k / c) * (h + gapY), w, h }));
  const index = new Map(services.map((s, i) => [s.id, i]));
  nodes.sort((a, b) => index.get(a.id)! - index.get(b.id)!);
  return { orientation: 'grid', nodes };
}

/** Every layered candidate: both axes, each with 1..n services per lane. */
function layeredCandidates(services: readonly NamedService[], area: Rect): MapLayout[] {
  const out: MapLayout[] = [];
  for (const orientation of ['columns', 'rows'] as const) {
    for (let perLane = services.length; perLane >= 1; perLane--) out.push(layoutAlong(orientation, services, area, perLane));
  }
  return out;
}

/** The easiest to read among plans (layout.ts's readability), or null when there are none. */
function mostReadable(plans: readonly MapLayout[]): MapLayout | null {
  let best: MapLayout | null = null;
  for (const p of plans) if (!best || readability(p.nodes) > readability(best.nodes) + 1e-9) best = p;
  return best;
}

/**
 * The map for these services in this area: the usual layered drawing when it keeps every name
 * whole, else the most readable layered drawing that does, else the most readable grid that
 * does, else the plan that cuts the fewest names.
 */
export function fittedServiceMap(services: readonly NamedService[], area: Rect, ui = 1): MapLayout {
  const usual = serviceMapLayout(services, area);
  if (services.length === 0 || namesCut(services, usual, ui) === 0) return usual;
  const layered = layeredCandidates(services, area);
  const whole = mostReadable(layered.filter((p) => namesCut(services, p, ui) === 0));
  if (whole) return whole;
  // Most columns first: between equally readable grids the more compact one wins.
  const grids = Array.from({ length: services.length }, (_, i) => gridLayout(services, area, services.length - i));
  const wholeGrid = mostReadable(grids.filter((p) => namesCut(services, p, ui) === 0));
  if (wholeGrid) return wholeGrid;
  return [usual, ...layered, ...grids].reduce((a, b) => (namesCut(services, b, ui) < namesCut(services, a, ui) ? b : a));
}
