import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dependencyCurve,
  gridCells,
  pointOnCurve,
  roomLayout,
  serviceDepths,
  serviceMapLayout,
  type Rect,
  type ServiceNode,
} from '../../src/game/layout.ts';

const EPS = 1e-6;
const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.w - EPS && b.x < a.x + a.w - EPS && a.y < b.y + b.h - EPS && b.y < a.y + a.h - EPS;
const inside = (r: Rect, area: Rect): boolean =>
  r.x >= area.x - EPS && r.y >= area.y - EPS && r.x + r.w <= area.x + area.w + EPS && r.y + r.h <= area.y + area.h + EPS;

/** A random dependency graph: each service may depend on any earlier one, so it is acyclic. */
const graph = (maxServices: number) =>
  fc.integer({ min: 1, max: maxServices }).chain((n) =>
    fc.tuple(...Array.from({ length: n }, (_, i) => fc.subarray(Array.from({ length: i }, (_, j) => j), { maxLength: Math.min(3, i) }))).map(
      (deps): ServiceNode[] => deps.map((d, i) => ({ id: `svc-${i}`, dependsOn: d.map((j) => `svc-${j}`) })),
    ),
  );

// Desktop, a full phone, a phone canvas above the HTML panel, and stage sizes the HTML
// layout may give the canvas beside its panels.
const SCREENS: [number, number][] = [
  [1280, 720],
  [390, 844],
  [390, 400],
  [390, 330],
  [860, 720],
  [820, 420],
  [640, 360],
  [1920, 1080],
  // The HTML incident screen's current stage: beside the panels on a desktop, above them on a phone.
  [830, 280],
  [366, 240],
];

describe('roomLayout', () => {
  it.each(SCREENS)('keeps every panel inside a %ix%i canvas without overlaps', (width, height) => {
    const room = roomLayout(width, height);
    const bounds = { x: 0, y: 0, w: width, h: height };
    const panels = [room.header, room.compliance, room.map, room.gauges, room.portraits, room.inbox, room.ticker].filter(
      (r): r is Rect => r !== null,
    );
    for (const p of panels) {
      expect(inside(p, bounds), JSON.stringify(p)).toBe(true);
      expect(p.w).toBeGreaterThan(0);
      expect(p.h).toBeGreaterThan(0);
    }
    for (let i = 0; i < panels.length; i++) for (let j = i + 1; j < panels.length; j++) expect(overlaps(panels[i]!, panels[j]!)).toBe(false);
  });

  it('uses the side-column layout on a desktop and the stacked one on a phone', () => {
    expect(roomLayout(1280, 720).mode).toBe('wide');
    expect(roomLayout(390, 844).mode).toBe('tall');
    expect(roomLayout(390, 380).mode).toBe('tall');
    expect(roomLayout(820, 420).mode).toBe('wide');
  });

  it('keeps the map and gives the faces the side column on a short desktop stage (the HTML shows the figures)', () => {
    const room = roomLayout(830, 280);
    expect(room.mode).toBe('wide');
    expect(room.portraits?.h).toBeGreaterThanOrEqual(150);
    expect(room.gauges).toBeNull();
    expect(room.map.h).toBeGreaterThanOrEqual(150);
  });

  it('keeps a usable map on a 240px phone stage', () => {
    const room = roomLayout(366, 240);
    expect(room.map.h).toBeGreaterThanOrEqual(80);
  });

  it('leaves the compliance strip out while no regulator clock runs, and gives its room to the header', () => {
    const without = roomLayout(1280, 720, { compliance: false });
    const withClock = roomLayout(1280, 720, { compliance: true });
    expect(without.compliance).toBeNull();
    expect(without.header!.w).toBeGreaterThan(withClock.header!.w);
    expect(roomLayout(390, 844, { compliance: false }).compliance).toBeNull();
  });

  it('keeps the stakeholder faces on a phone canvas above the HTML panel', () => {
    const phone = roomLayout(390, 390);
    expect(phone.portraits).not.toBeNull();
    expect(phone.map.h).toBeGreaterThanOrEqual(120);
  });

  it('shows every panel at 1280x720 and at a full phone screen', () => {
    for (const [w, h] of [
      [1280, 720],
      [390, 844],
    ] as const) {
      const room = roomLayout(w, h);
      expect(room.portraits).not.toBeNull();
      expect(room.inbox).not.toBeNull();
      expect(room.map.h).toBeGreaterThanOrEqual(250);
    }
  });

  it('drops the inbox, then the portraits, on a very short phone canvas but keeps a usable map', () => {
    const short = roomLayout(390, 330);
    expect(short.inbox).toBeNull();
    expect(short.map.h).toBeGreaterThanOrEqual(40);
    // One row of faces still fits 250 px above an 80 px map; 170 px does not.
    expect(roomLayout(390, 250).portraits).not.toBeNull();
    const tiny = roomLayout(390, 170);
    expect(tiny.portraits).toBeNull();
    expect(tiny.map.h).toBeGreaterThanOrEqual(80);
    expect(tiny.ticker!.y + tiny.ticker!.h).toBe(170);
  });

  it('survives a zero-sized parent', () => {
    const room = roomLayout(0, 0);
    expect(room.width).toBe(1);
    expect(Number.isFinite(room.map.w)).toBe(true);
  });
});

describe('serviceMapLayout', () => {
  const areas = SCREENS.map(([w, h]) => roomLayout(w, h).map);

  it('never overlaps nodes and keeps them inside the map, for 1..10 services at every screen size', () => {
    fc.assert(
      fc.property(graph(10), fc.constantFrom(...areas), (services, area) => {
        const { nodes } = serviceMapLayout(services, area);
        expect(nodes.map((n) => n.id)).toEqual(services.map((s) => s.id));
        for (const n of nodes) expect(inside(n, area), `${n.id} ${JSON.stringify(n)} in ${JSON.stringify(area)}`).toBe(true);
        for (let i = 0; i < nodes.length; i++)
          for (let j = i + 1; j < nodes.length; j++) expect(overlaps(nodes[i]!, nodes[j]!), `${nodes[i]!.id} vs ${nodes[j]!.id}`).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps nodes big enough to read a name at desktop and phone sizes', () => {
    fc.assert(
      fc.property(graph(10), fc.constantFrom(roomLayout(1280, 720).map, roomLayout(390, 844).map), (services, area) => {
        for (const n of serviceMapLayout(services, area).nodes) {
          expect(n.w).toBeGreaterThanOrEqual(80);
          expect(n.h).toBeGreaterThanOrEqual(28);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps up to seven services, four layers deep, readable on a phone canvas above the HTML panel', () => {
    fc.assert(
      fc.property(graph(7), (services) => {
        // Deeper chains than real companies have are allowed to get cramped, but never overlap.
        fc.pre(Math.max(...serviceDepths(services).values()) <= 3);
        for (const n of serviceMapLayout(services, roomLayout(390, 400).map).nodes) {
          expect(n.w).toBeGreaterThanOrEqual(80);
          expect(n.h).toBeGreaterThanOrEqual(20);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('puts a service on the customer side of everything it depends on', () => {
    fc.assert(
      fc.property(graph(10), fc.constantFrom(...areas), (services, area) => {
        const { nodes, orientation } = serviceMapLayout(services, area);
        const at = new Map(nodes.map((n) => [n.id, n]));
        for (const s of services)
          for (const d of s.dependsOn) {
            const me = at.get(s.id)!;
            const dep = at.get(d)!;
            if (orientation === 'columns') expect(me.x).toBeGreaterThan(dep.x + dep.w - EPS);
            else expect(me.y + me.h).toBeLessThan(dep.y + EPS);
          }
      }),
      { numRuns: 200 },
    );
  });

  it('lays a chain of three out in columns on a desktop and in rows on a phone, where columns would be cramped', () => {
    const services = [
      { id: 'db', dependsOn: [] },
      { id: 'api', dependsOn: ['db'] },
      { id: 'shop', dependsOn: ['api'] },
    ];
    expect(serviceMapLayout(services, roomLayout(1280, 720).map).orientation).toBe('columns');
    expect(serviceMapLayout(services, roomLayout(390, 844).map).orientation).toBe('rows');
  });

  it('wraps ten independent services onto several lanes on a phone instead of shrinking them', () => {
    const services = Array.from({ length: 10 }, (_, i) => ({ id: `s${i}`, dependsOn: [] }));
    const { nodes } = serviceMapLayout(services, roomLayout(390, 844).map);
    expect(new Set(nodes.map((n) => n.y)).size).toBeGreaterThan(1);
    expect(Math.min(...nodes.map((n) => n.w))).toBeGreaterThanOrEqual(80);
  });

  it('ignores unknown dependencies and cycles instead of looping', () => {
    const depths = serviceDepths([
      { id: 'a', dependsOn: ['b'] },
      { id: 'b', dependsOn: ['a', 'ghost'] },
      { id: 'c', dependsOn: ['c'] },
    ]);
    expect(depths.get('c')).toBe(0);
    expect([depths.get('a'), depths.get('b')].sort()).toEqual([0, 1]);
  });
});

describe('dependencyCurve', () => {
  it('runs from the edge of the dependency to the edge of the dependant', () => {
    const from = { x: 0, y: 0, w: 100, h: 40 };
    const to = { x: 200, y: 100, w: 100, h: 40 };
    const c = dependencyCurve(from, to, 'columns');
    expect(pointOnCurve(c, 0)).toEqual({ x: 100, y: 20 });
    expect(pointOnCurve(c, 1)).toEqual({ x: 200, y: 120 });
    const r = dependencyCurve({ x: 0, y: 200, w: 100, h: 40 }, { x: 0, y: 0, w: 100, h: 40 }, 'rows');
    expect(pointOnCurve(r, 0)).toEqual({ x: 50, y: 200 });
    expect(pointOnCurve(r, 1)).toEqual({ x: 50, y: 40 });
  });
});

describe('gridCells', () => {
  it('splits an area into equal cells with gaps between them', () => {
    const cells = gridCells({ x: 10, y: 10, w: 210, h: 100 }, 4, 2, 10);
    expect(cells).toHaveLength(4);
    expect(cells[0]).toEqual({ x: 10, y: 10, w: 100, h: 45 });
    expect(cells[3]).toEqual({ x: 120, y: 65, w: 100, h: 45 });
  });
});
