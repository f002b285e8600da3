#!/usr/bin/env node
// Writes the stakeholder portraits (assets/portraits/<kind>.svg): head and shoulders on a
// 128-unit grid, cut to a circle, one per kind of stakeholder the scenarios bring into the room.
// A plain backing fills the circle. The face has eyes but no brows or mouth: the game draws those for the current mood, at the
// face anchor every portrait shares (FACE below; src/game/kinds.ts holds the same numbers).
//
//   node assets/scripts/make-portraits.mjs          writes the files
//   node assets/scripts/make-portraits.mjs --check  exits 1 if a committed file differs

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeOrCheck } from './output.mjs';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'portraits');

/** Head centre and head scale s (the head's radius is 0.44 s), shared by every portrait. */
export const FACE = { x: 64, y: 56, s: 56 };
const INK = '#1b1f2a';

function hair(style, colour, x, y, s) {
  const r = s * 0.44;
  switch (style) {
    case 'short':
      return `<path d="M${x - r - 1} ${y + 2}a${r + 1} ${r + 2} 0 0 1 ${2 * r + 2} 0c-6-10-16-13-${r + 1}-9c-6-3-15 0-${r + 1} 9z" fill="${colour}"/>`;
    case 'long':
      return `<path d="M${x - r - 3} ${y + r + 14}V${y - 2}a${r + 3} ${r + 4} 0 0 1 ${2 * r + 6} 0v${r + 16}z" fill="${colour}"/>`;
    case 'bun':
      return `<circle cx="${x}" cy="${y - r - 5}" r="${r * 0.42}" fill="${colour}"/><path d="M${x - r - 1} ${y}a${r + 1} ${r + 2} 0 0 1 ${2 * r + 2} 0c-8-8-${r + 8}-8-${2 * r + 2} 0z" fill="${colour}"/>`;
    case 'curly':
      return [-0.9, -0.55, -0.15, 0.25, 0.65, 0.95]
        .map((k, i) => `<circle cx="${(x + k * r).toFixed(1)}" cy="${(y - r * 0.55 - (i % 2) * 4 + Math.abs(k) * 6).toFixed(1)}" r="${(r * 0.42).toFixed(1)}" fill="${colour}"/>`)
        .join('');
    case 'bald':
      return `<ellipse cx="${x - r + 1}" cy="${y - 1}" rx="4" ry="8" fill="${colour}"/><ellipse cx="${x + r - 1}" cy="${y - 1}" rx="4" ry="8" fill="${colour}"/>`;
    default:
      throw new Error(`unknown hair style ${style}`);
  }
}

/** Behind the head (long hair falls behind the shoulders' top). */
function hairBehind(style, colour, x, y, s) {
  return style === 'long' ? hair(style, colour, x, y, s) : '';
}

function person({ skin, hairStyle, hairColour, clothes, top = '', extra = '', eyes = true }, x = FACE.x, y = FACE.y, s = FACE.s) {
  const r = s * 0.44;
  const w = s * 0.78;
  const shoulderY = y + s * 0.52;
  const body = `<path d="M${x - w} 140V${shoulderY + 24}q0-${22} ${w} -${22}t${w} ${22}V140z" fill="${clothes}"/>`;
  const neck = `<rect x="${x - s * 0.12}" y="${y + r * 0.6}" width="${s * 0.24}" height="${s * 0.32}" fill="${skin}"/>`;
  const head = `<circle cx="${x}" cy="${y}" r="${r}" fill="${skin}"/>`;
  const ears = `<circle cx="${x - r}" cy="${y + 2}" r="${r * 0.18}" fill="${skin}"/><circle cx="${x + r}" cy="${y + 2}" r="${r * 0.18}" fill="${skin}"/>`;
  const front = hairStyle === 'long' ? `<path d="M${x - r - 1} ${y - 1}a${r + 1} ${r + 2} 0 0 1 ${2 * r + 2} 0c-4-6-${r}-9-${2 * r + 2} 0z" fill="${hairColour}"/>` : hair(hairStyle, hairColour, x, y, s);
  const eyeMarks = eyes
    ? `<circle cx="${x - s * 0.16}" cy="${y - s * 0.06}" r="${Math.max(1.5, s * 0.055)}" fill="${INK}"/><circle cx="${x + s * 0.16}" cy="${y - s * 0.06}" r="${Math.max(1.5, s * 0.055)}" fill="${INK}"/>`
    : '';
  return hairBehind(hairStyle, hairColour, x, y, s) + body + top + neck + ears + head + front + eyeMarks + extra;
}

// Clothing details, drawn over the body at the shared anchor.
const { x: X, y: Y, s: S } = FACE;
const COLLAR_Y = Y + S * 0.52;
const vNeck = (shirt) => `<path d="M${X - 10} ${COLLAR_Y + 2}L${X} ${COLLAR_Y + 22}L${X + 10} ${COLLAR_Y + 2}z" fill="${shirt}"/>`;
const tie = (colour) => `<path d="M${X - 3} ${COLLAR_Y + 4}h6l2 5-5 18-5-18z" fill="${colour}"/>`;
const lapels = (colour) => `<path d="M${X - 11} ${COLLAR_Y + 1}l11 22-4 3-13-22zM${X + 11} ${COLLAR_Y + 1}l-11 22 4 3 13-22z" fill="${colour}"/>`;
const glasses = `<g fill="none" stroke="${INK}" stroke-width="2"><circle cx="${X - S * 0.16}" cy="${Y - S * 0.06}" r="6"/><circle cx="${X + S * 0.16}" cy="${Y - S * 0.06}" r="6"/><path d="M${X - 3} ${Y - S * 0.06}h6"/></g>`;
const badge = (fill, mark) => `<path d="M${X + 6} ${COLLAR_Y + 2}L${X + 16} ${COLLAR_Y + 20}" stroke="#d9dde8" stroke-width="2"/><rect x="${X + 10}" y="${COLLAR_Y + 18}" width="14" height="17" rx="2" fill="${fill}"/>${mark}`;

export const PORTRAITS = {
  executive: person({ skin: '#e0ac84', hairStyle: 'short', hairColour: '#8c8c94', clothes: '#23324f', top: vNeck('#eef2f8') + tie('#c0392b') + lapels('#1a2640') }),
  finance: person({ skin: '#9a6340', hairStyle: 'bun', hairColour: '#1a1a1f', clothes: '#245d56', top: vNeck('#f3efe6') + lapels('#1c4a44'), extra: glasses }),
  board: person({ skin: '#f2d3b8', hairStyle: 'bald', hairColour: '#e3e3ea', clothes: '#3b4256', top: vNeck('#f4f4f4') + `<path d="M${X - 8} ${COLLAR_Y + 6}l8 4 8-4v9l-8-4-8 4z" fill="#6b2f45"/>` + lapels('#2c3242'), extra: glasses }),
  operations: person({
    skin: '#c68863',
    hairStyle: 'short',
    hairColour: '#2b1d14',
    clothes: '#5b6478',
    top: `<path d="M${X - 44} 140V${COLLAR_Y + 24}q0-22 30-22l8 40h12l8-40q30 0 30 22V140z" fill="#f28f3b"/><path d="M${X - 42} ${COLLAR_Y + 36}h84" stroke="#e9edf5" stroke-width="5"/>`,
    extra: `<path d="M${X - 27} ${Y - 8}a27 24 0 0 1 54 0z" fill="#ffc145"/><rect x="${X - 31}" y="${Y - 10}" width="62" height="6" rx="3" fill="#e0a82e"/>`,
  }),
  engineer: person({
    skin: '#f5c9a6',
    hairStyle: 'long',
    hairColour: '#7a2e1c',
    clothes: '#4a3566',
    top: `<path d="M${X - 16} ${COLLAR_Y}q16 14 32 0" fill="none" stroke="#3a2852" stroke-width="6"/><path d="M${X - 5} ${COLLAR_Y + 10}v14M${X + 5} ${COLLAR_Y + 10}v14" stroke="#d9dde8" stroke-width="2"/>`,
    extra: `<path d="M${X - 27} ${Y + 2}a27 30 0 0 1 54 0" fill="none" stroke="#1b1f2a" stroke-width="4"/><rect x="${X - 31}" y="${Y - 4}" width="8" height="14" rx="3" fill="#2b2f3a"/><rect x="${X + 23}" y="${Y - 4}" width="8" height="14" rx="3" fill="#2b2f3a"/><path d="M${X - 27} ${Y + 10}q0 12 14 12" fill="none" stroke="#1b1f2a" stroke-width="3"/><circle cx="${X - 12}" cy="${Y + 22}" r="3" fill="#1b1f2a"/>`,
  }),
  press: person({
    skin: '#6e4529',
    hairStyle: 'curly',
    hairColour: '#1a1a1f',
    clothes: '#b5832a',
    top: vNeck('#2b2f3a') + badge('#f4f4f4', `<path d="M${X + 13} ${COLLAR_Y + 24}h8M${X + 13} ${COLLAR_Y + 28}h6" stroke="#1b1f2a" stroke-width="2"/>`),
    extra: `<rect x="${X - 34}" y="${COLLAR_Y + 8}" width="6" height="26" rx="2" fill="#2b2f3a" transform="rotate(-18 ${X - 31} ${COLLAR_Y + 20})"/><circle cx="${X - 27}" cy="${COLLAR_Y + 6}" r="7" fill="#5c6f92"/>`,
  }),
  legal: person({ skin: '#f2d3b8', hairStyle: 'long', hairColour: '#5a3a22', clothes: '#1f2330', top: vNeck('#ffffff') + lapels('#141722') + `<circle cx="${X - 18}" cy="${COLLAR_Y + 16}" r="3" fill="#ffc145"/>` }),
  regulator: person({
    skin: '#c68863',
    hairStyle: 'short',
    hairColour: '#1a1a1f',
    clothes: '#1d2a4a',
    top: vNeck('#dfe6f2') + lapels('#16213b') + badge('#f28f3b', `<path d="M${X + 17} ${COLLAR_Y + 21}l5 2v5q0 4-5 6-5-2-5-6v-5z" fill="#fff"/>`),
  }),
  hr: person({ skin: '#e0ac84', hairStyle: 'bun', hairColour: '#5a3a22', clothes: '#6b2f45', top: vNeck('#f1e4d8') + `<path d="M${X - 12} ${COLLAR_Y + 4}q12 16 24 0" fill="none" stroke="#ffc145" stroke-width="2"/><circle cx="${X}" cy="${COLLAR_Y + 12}" r="3" fill="#ffc145"/>` }),
  vendor: person({
    skin: '#9a6340',
    hairStyle: 'bald',
    hairColour: '#1a1a1f',
    clothes: '#2ec4b6',
    top: `<path d="M${X - 10} ${COLLAR_Y + 1}l10 10 10-10" fill="none" stroke="#1f8a80" stroke-width="5"/><circle cx="${X + 20}" cy="${COLLAR_Y + 22}" r="6" fill="#f4f4f4"/><path d="M${X + 17} ${COLLAR_Y + 22}h6M${X + 20} ${COLLAR_Y + 19}v6" stroke="#1f8a80" stroke-width="2"/>`,
  }),
  insurer: person({
    skin: '#f5c9a6',
    hairStyle: 'short',
    hairColour: '#c99a5b',
    clothes: '#59606f',
    top: vNeck('#e6eefb') + tie('#2f4a7a') + lapels('#474d5a') + `<path d="M${X - 24} ${COLLAR_Y + 22}a6 5 0 0 1 12 0z" fill="#4cc9f0"/><path d="M${X - 18} ${COLLAR_Y + 22}v6" stroke="#4cc9f0" stroke-width="1.5"/>`,
  }),
  medical: person({
    skin: '#6e4529',
    hairStyle: 'short',
    hairColour: '#1a1a1f',
    clothes: '#f1f4f8',
    top: vNeck('#4aa3a0') + `<path d="M${X - 16} ${COLLAR_Y}q-4 26 8 30M${X + 16} ${COLLAR_Y}q4 26-8 30" fill="none" stroke="#2b2f3a" stroke-width="3"/><circle cx="${X - 8}" cy="${COLLAR_Y + 31}" r="4" fill="#8c8c94"/>`,
  }),
  client: person({
    skin: '#f2d3b8',
    hairStyle: 'long',
    hairColour: '#c99a5b',
    clothes: '#2f4a7a',
    top: vNeck('#f6f6f6') + lapels('#243b62'),
    extra: `<rect x="${X + 14}" y="${COLLAR_Y + 12}" width="22" height="28" rx="2" fill="#d9c6a2" transform="rotate(12 ${X + 25} ${COLLAR_Y + 26})"/><path d="M${X + 18} ${COLLAR_Y + 22}h12M${X + 17} ${COLLAR_Y + 28}h12" stroke="#5a3a22" stroke-width="2" transform="rotate(12 ${X + 25} ${COLLAR_Y + 26})"/>`,
  }),
  customers:
    person({ skin: '#c68863', hairStyle: 'curly', hairColour: '#2b1d14', clothes: '#5d3a2a' }, 26, 58, 38) +
    person({ skin: '#f2d3b8', hairStyle: 'long', hairColour: '#c99a5b', clothes: '#4a3566' }, 102, 58, 38) +
    person({ skin: '#e0ac84', hairStyle: 'short', hairColour: '#5a3a22', clothes: '#3d7a5a', top: `<path d="M${X - 14} ${COLLAR_Y + 3}q14 10 28 0" fill="none" stroke="#2f5f46" stroke-width="5"/>` }),
  staff:
    person({ skin: '#9a6340', hairStyle: 'bun', hairColour: '#1a1a1f', clothes: '#1f6f78' }, 26, 58, 38) +
    person({ skin: '#f5c9a6', hairStyle: 'short', hairColour: '#7a2e1c', clothes: '#1f6f78' }, 102, 58, 38) +
    person({ skin: '#c68863', hairStyle: 'short', hairColour: '#2b1d14', clothes: '#1f6f78', top: badge('#f4f4f4', `<path d="M${X + 13} ${COLLAR_Y + 24}h8" stroke="#1f6f78" stroke-width="3"/>`) }),
};

const svg = (inner) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128" width="128" height="128"><defs><clipPath id="c"><circle cx="64" cy="64" r="64"/></clipPath></defs><g clip-path="url(#c)"><rect width="128" height="128" fill="#132039"/>${inner}</g></svg>\n`;

writeOrCheck(
  'make-portraits.mjs',
  Object.entries(PORTRAITS).map(([kind, inner]) => [join(OUT, `${kind}.svg`), svg(inner)]),
);
