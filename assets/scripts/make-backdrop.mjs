#!/usr/bin/env node
// Writes the war room's backdrop: an operations room at night seen from the back: a wall of big
// screens, a skyline through the side windows, rows of desks with glowing monitors. Dark and low
// in contrast on purpose: the room's panels and words sit on it. Flat fills, no gradients.
//
// assets/images/backdrop.svg is the drawing; assets/images/backdrop.png is what the game loads:
// the drawing rasterised here, at 1280×720, by resvg (WebAssembly, so the same bytes on every
// machine and --check can compare them). A browser rasterises an SVG on the page's main thread,
// and this one, drawn while the war room starts, blocked it for one long task; a PNG is decoded
// off that thread.
//
//   node assets/scripts/make-backdrop.mjs          writes the file
//   node assets/scripts/make-backdrop.mjs --check  exits 1 if the committed file differs

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { random, writeOrCheck } from './output.mjs';

const IMAGES = join(dirname(fileURLToPath(import.meta.url)), '..', 'images');
/** The raster's size: enough for a backdrop shown at half strength behind the panels. */
const RASTER_WIDTH = 1280;
const W = 1600;
const H = 900;

const rnd = random(2026);
const n = (x) => Math.round(x * 10) / 10;

const parts = [];
// Wall and floor.
parts.push(`<rect width="${W}" height="${H}" fill="#0b1529"/>`);
parts.push(`<path d="M0 ${H * 0.62}H${W}V${H}H0z" fill="#08101f"/>`);

// Side windows with a night skyline.
for (const [x0, x1] of [
  [40, 300],
  [1300, 1560],
]) {
  parts.push(`<rect x="${x0}" y="110" width="${x1 - x0}" height="380" fill="#0b1730"/>`);
  let x = x0;
  while (x < x1) {
    const w = 18 + rnd() * 34;
    const h = 80 + rnd() * 220;
    const bw = Math.min(w, x1 - x);
    parts.push(`<rect x="${n(x)}" y="${n(490 - h)}" width="${n(bw)}" height="${n(h)}" fill="#101e3a"/>`);
    for (let wy = 490 - h + 8; wy < 480; wy += 12) {
      for (let wx = x + 4; wx < x + bw - 5; wx += 9) {
        if (rnd() < 0.22) parts.push(`<rect x="${n(wx)}" y="${n(wy)}" width="4" height="5" fill="#f2c46b" fill-opacity="${n(0.25 + rnd() * 0.35)}"/>`);
      }
    }
    x += w + 2;
  }
  for (let mx = x0; mx <= x1; mx += (x1 - x0) / 3) parts.push(`<rect x="${n(mx - 3)}" y="106" width="6" height="388" fill="#1a2a48"/>`);
  parts.push(`<rect x="${x0 - 6}" y="104" width="${x1 - x0 + 12}" height="8" fill="#1a2a48"/><rect x="${x0 - 6}" y="488" width="${x1 - x0 + 12}" height="10" fill="#1a2a48"/>`);
}

// The wall of screens: a world map of dots, two charts, and a status board.
const screen = (x, y, w, h, inner) =>
  `<g><rect x="${x - 8}" y="${y - 8}" width="${w + 16}" height="${h + 16}" rx="6" fill="#111c33"/><rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#0c2340"/>${inner}</g>`;
const map = [];
for (let i = 0; i < 260; i++) {
  const u = rnd();
  const v = rnd();
  // Rough continents: keep dots inside a few blobs.
  const blobs = [
    [0.22, 0.35, 0.14, 0.22],
    [0.3, 0.72, 0.07, 0.18],
    [0.52, 0.3, 0.09, 0.14],
    [0.55, 0.62, 0.08, 0.2],
    [0.74, 0.35, 0.17, 0.2],
    [0.85, 0.76, 0.06, 0.08],
  ];
  if (!blobs.some(([bx, by, rx, ry]) => ((u - bx) / rx) ** 2 + ((v - by) / ry) ** 2 < 1)) continue;
  map.push(`<circle cx="${n(560 + u * 480)}" cy="${n(100 + v * 250)}" r="2.6" fill="#2f6f9f" fill-opacity="0.8"/>`);
}
for (const [u, v, c] of [
  [0.24, 0.33, '#ff5a5f'],
  [0.53, 0.28, '#ffc145'],
  [0.76, 0.4, '#ff5a5f'],
]) {
  map.push(`<circle cx="${n(560 + u * 480)}" cy="${n(100 + v * 250)}" r="9" fill="none" stroke="${c}" stroke-width="2.5" stroke-opacity="0.85"/><circle cx="${n(560 + u * 480)}" cy="${n(100 + v * 250)}" r="3.5" fill="${c}"/>`);
}
parts.push(screen(560, 100, 480, 250, map.join('')));
const chart = (x, y, w, h, colour, seed) => {
  const r = random(seed);
  let v = 0.5;
  const pts = Array.from({ length: 24 }, (_, i) => {
    v = Math.min(0.9, Math.max(0.1, v + (r() - 0.5) * 0.25));
    return `${n(x + 12 + (i * (w - 24)) / 23)},${n(y + h - 12 - v * (h - 24))}`;
  });
  const grid = [0.25, 0.5, 0.75].map((k) => `<path d="M${x + 10} ${n(y + k * h)}H${x + w - 10}" stroke="#17365a" stroke-width="1.5"/>`).join('');
  return `${grid}<polyline points="${pts.join(' ')}" fill="none" stroke="${colour}" stroke-width="3" stroke-opacity="0.8"/>`;
};
parts.push(screen(350, 130, 180, 110, chart(350, 130, 180, 110, '#4cc9f0', 3)));
parts.push(screen(350, 262, 180, 88, chart(350, 262, 180, 88, '#ff5a5f', 5)));
parts.push(screen(1070, 130, 180, 110, chart(1070, 130, 180, 110, '#3ddc97', 9)));
const rows = Array.from({ length: 5 }, (_, i) => {
  const c = ['#3ddc97', '#3ddc97', '#ffc145', '#ff5a5f', '#3ddc97'][i];
  return `<circle cx="1088" cy="${280 + i * 14}" r="4" fill="${c}"/><rect x="1100" y="${277 + i * 14}" width="${60 + ((i * 37) % 80)}" height="6" rx="3" fill="#1f4a73"/>`;
}).join('');
parts.push(screen(1070, 262, 180, 88, rows));

// Ceiling lights.
for (let x = 200; x < W; x += 300) parts.push(`<rect x="${x}" y="28" width="200" height="8" rx="4" fill="#2a3f66"/><path d="M${x - 40} 36h280l-60 90h-160z" fill="#4cc9f0" fill-opacity="0.04"/>`);

// Rows of desks, nearer ones larger and darker, each with a glowing monitor and a chair back.
const desks = (y, scale, count, offset) => {
  const out = [];
  const deskW = 210 * scale;
  for (let i = 0; i < count; i++) {
    const x = offset + i * (deskW + 40 * scale);
    const glow = ['#4cc9f0', '#3ddc97', '#9b8cff', '#ffc145'][(i + Math.round(y)) % 4];
    out.push(`<rect x="${n(x + deskW * 0.3)}" y="${n(y - 62 * scale)}" width="${n(deskW * 0.4)}" height="${n(50 * scale)}" rx="${n(4 * scale)}" fill="#111a2e"/>`);
    out.push(`<rect x="${n(x + deskW * 0.3 + 5 * scale)}" y="${n(y - 57 * scale)}" width="${n(deskW * 0.4 - 10 * scale)}" height="${n(40 * scale)}" fill="${glow}" fill-opacity="0.32"/>`);
    out.push(`<rect x="${n(x + deskW * 0.48)}" y="${n(y - 12 * scale)}" width="${n(deskW * 0.04)}" height="${n(12 * scale)}" fill="#111a2e"/>`);
    out.push(`<rect x="${n(x)}" y="${n(y)}" width="${n(deskW)}" height="${n(14 * scale)}" rx="${n(3 * scale)}" fill="#16233d"/>`);
    out.push(`<rect x="${n(x + deskW * 0.08)}" y="${n(y + 14 * scale)}" width="${n(deskW * 0.84)}" height="${n(46 * scale)}" fill="#0c1426"/>`);
    out.push(`<path d="M${n(x + deskW * 0.36)} ${n(y + 60 * scale)}v-${n(42 * scale)}q0-${n(14 * scale)} ${n(deskW * 0.14)} -${n(14 * scale)}t${n(deskW * 0.14)} ${n(14 * scale)}v${n(42 * scale)}z" fill="#0a1120"/>`);
  }
  return out.join('');
};
parts.push(desks(560, 0.7, 7, 150));
parts.push(desks(700, 1, 5, 40));

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}">${parts.join('')}</svg>
`;

await initWasm(readFileSync(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm')));
const png = new Resvg(svg, { fitTo: { mode: 'width', value: RASTER_WIDTH } }).render().asPng();

writeOrCheck('make-backdrop.mjs', [
  [join(IMAGES, 'backdrop.svg'), svg],
  [join(IMAGES, 'backdrop.png'), png],
]);
