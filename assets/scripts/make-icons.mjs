#!/usr/bin/env node
// Writes the service icons (assets/icons/<kind>.svg): one line drawing per kind of system the
// scenarios run, on a 48-unit grid, white strokes so the game can tint them.
//
//   node assets/scripts/make-icons.mjs          writes the files
//   node assets/scripts/make-icons.mjs --check  exits 1 if a committed file differs
// The kinds must match SERVICE_KINDS in src/game/kinds.ts (a test checks both ways).

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeOrCheck } from './output.mjs';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'icons');

export const ICONS = {
  identity: '<circle cx="16" cy="24" r="8"/><path d="M24 24h18M36 24v7M41 24v5"/><circle cx="16" cy="24" r="2.5" fill="#fff"/>',
  email: '<rect x="6" y="11" width="36" height="26" rx="3"/><path d="M7 13l17 13 17-13"/>',
  files: '<path d="M5 14a3 3 0 0 1 3-3h10l4 5h18a3 3 0 0 1 3 3v17a3 3 0 0 1-3 3H8a3 3 0 0 1-3-3z"/><path d="M5 21h38"/>',
  ledger: '<rect x="7" y="7" width="34" height="34" rx="3"/><path d="M14 33V25M22 33V17M30 33V21M38 33V13" transform="translate(-2 0)"/>',
  integration: '<path d="M10 18h24l-6-6M38 30H14l6 6"/>',
  factory: '<path d="M5 41V22l10 6v-6l10 6v-6l10 6V8h7v33z"/><path d="M12 35h4M21 35h4M30 35h4"/>',
  payments: '<rect x="5" y="11" width="38" height="26" rx="4"/><path d="M5 19h38"/><path d="M11 30h9"/>',
  web: '<rect x="5" y="8" width="38" height="32" rx="3"/><path d="M5 16h38"/><circle cx="10" cy="12" r="1" fill="#fff"/><circle cx="15" cy="12" r="1" fill="#fff"/><path d="M12 24h14M12 31h24"/>',
  api: '<path d="M17 8c-5 0-5 3-5 8s-1 8-5 8c4 0 5 3 5 8s0 8 5 8M31 8c5 0 5 3 5 8s1 8 5 8c-4 0-5 3-5 8s0 8-5 8"/><circle cx="24" cy="24" r="2" fill="#fff"/>',
  dns: '<path d="M24 42V6M24 10h15l4 5-4 5H24M24 24H9l-4 5 4 5h15"/>',
  cdn: '<circle cx="24" cy="24" r="17"/><path d="M7 24h34M24 7c-6 5-6 29 0 34M24 7c6 5 6 29 0 34"/>',
  cloud: '<path d="M14 36a8 8 0 0 1-1-16 11 11 0 0 1 21-3 9 9 0 0 1 1 19z"/>',
  phone: '<path d="M13 7l6 8-4 5c2 5 6 9 11 11l5-4 8 6-4 7C23 40 8 25 6 11z"/>',
  power: '<path d="M27 4L11 27h12l-3 17 17-24H25z"/>',
  cooling: '<path d="M24 5v38M8 14l32 20M8 34l32-20M19 8l5 4 5-4M19 40l5-4 5 4"/>',
  records: '<rect x="9" y="8" width="30" height="34" rx="3"/><path d="M18 8V5h12v3"/><path d="M24 19v14M17 26h14"/>',
  pharmacy: '<rect x="6" y="17" width="36" height="14" rx="7" transform="rotate(-40 24 24)"/><path d="M18.5 17.5l11 13"/>',
  lab: '<path d="M19 6h10M21 6v13L9 38a3 3 0 0 0 3 4h24a3 3 0 0 0 3-4L27 19V6"/><path d="M14 31h20"/>',
  warehouse: '<path d="M5 19L24 8l19 11v22H5z"/><path d="M13 41V25h22v16M13 31h22M13 36h22"/>',
  assistant: '<path d="M22 6c1 9 5 13 14 14-9 1-13 5-14 14-1-9-5-13-14-14 9-1 13-5 14-14z"/><path d="M37 30c.5 4 2 5.5 6 6-4 .5-5.5 2-6 6-.5-4-2-5.5-6-6 4-.5 5.5-2 6-6z"/>',
  people: '<circle cx="17" cy="17" r="6"/><path d="M6 40c0-7 5-12 11-12s11 5 11 12"/><circle cx="33" cy="15" r="5"/><path d="M30 26c6-1 12 3 12 12"/>',
  calendar: '<rect x="6" y="10" width="36" height="31" rx="3"/><path d="M6 18h36M15 6v8M33 6v8"/><path d="M13 26h4M22 26h4M31 26h4M13 33h4M22 33h4"/>',
  plane: '<path d="M21 6c0-2 6-2 6 0v13l15 9v4l-15-4v9l5 4v3l-8-2-8 2v-3l5-4v-9L6 32v-4l15-9z"/>',
  luggage: '<rect x="9" y="14" width="30" height="26" rx="4"/><path d="M18 14V8h12v6M17 14v26M31 14v26"/><path d="M15 44h2M31 44h2"/>',
  status: '<path d="M4 25h9l4-11 7 21 5-14 3 4h12"/>',
  document: '<path d="M11 5h18l9 9v29H11z"/><path d="M29 5v9h9M17 22h15M17 29h15M17 36h9"/>',
  server: '<rect x="8" y="7" width="32" height="14" rx="2"/><rect x="8" y="27" width="32" height="14" rx="2"/><path d="M14 14h2M14 34h2M24 14h10M24 34h10"/>',
};

const svg = (inner) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="48" height="48" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round" stroke-linejoin="round">${inner}</svg>\n`;

writeOrCheck(
  'make-icons.mjs',
  Object.entries(ICONS).map(([kind, inner]) => [join(OUT, `${kind}.svg`), svg(inner)]),
);
