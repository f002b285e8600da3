import type * as Phaser from 'phaser';
import { PALETTE } from '../palette.ts';

// The room itself: a deep navy wall with a faint plotting grid,
// like the big screens of an operations centre. Drawn once per layout.

export function drawBackdrop(g: Phaser.GameObjects.Graphics, width: number, height: number): void {
  // Lines and dots only: the flat colour underneath is the renderer's clear colour, which
  // costs nothing, whereas a full-screen fill costs a whole screen of pixels every frame.
  const step = width < 600 ? 24 : 40;
  g.lineStyle(1, PALETTE.grid, 0.6);
  for (let x = step; x < width; x += step) g.lineBetween(x + 0.5, 0, x + 0.5, height);
  for (let y = step; y < height; y += step) g.lineBetween(0, y + 0.5, width, y + 0.5);
  // Brighter crossings every fourth line read as a plotting table.
  g.fillStyle(PALETTE.panelEdge, 0.9);
  for (let x = step * 4; x < width; x += step * 4) for (let y = step * 4; y < height; y += step * 4) g.fillRect(x - 1, y - 1, 3, 3);
}
