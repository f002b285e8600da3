import type * as Phaser from 'phaser';
import { TITLE_H, type Rect } from '../layout.ts';
import { PALETTE } from '../palette.ts';

// The frames of the room's panels, HUD style: a thin edge with brighter corner brackets and
// a rule under the title. Outlines, so the room's backdrop picture shows through; `plate` fills
// the panel with the background colour at that alpha where small words need a quiet ground (the
// header's clock caption). Frames are baked into the still layer (widgets/static-layer.ts), so a
// plate costs no frame time.

export function drawPanel(g: Phaser.GameObjects.Graphics, r: Rect, options: { title?: boolean; accent?: number; plate?: number } = {}): void {
  const radius = Math.min(8, r.h / 2, r.w / 2);
  if (options.plate) {
    g.fillStyle(PALETTE.background, options.plate);
    g.fillRoundedRect(r.x, r.y, r.w, r.h, radius);
  }
  g.lineStyle(1, PALETTE.panelEdge, 1);
  g.strokeRoundedRect(r.x + 0.5, r.y + 0.5, r.w - 1, r.h - 1, radius);
  const leg = Math.min(14, r.w / 4, r.h / 3);
  const c = options.accent ?? PALETTE.panelEdgeBright;
  g.lineStyle(2, c, 1);
  const x0 = r.x + 1;
  const y0 = r.y + 1;
  const x1 = r.x + r.w - 1;
  const y1 = r.y + r.h - 1;
  for (const [x, y, dx, dy] of [
    [x0, y0, 1, 1],
    [x1, y0, -1, 1],
    [x0, y1, 1, -1],
    [x1, y1, -1, -1],
  ] as const) {
    g.beginPath();
    g.moveTo(x + dx * leg, y);
    g.lineTo(x + dx * radius * 0.3, y);
    g.lineTo(x, y + dy * radius * 0.3);
    g.lineTo(x, y + dy * leg);
    g.strokePath();
  }
  if (options.title && r.h > TITLE_H + 4) {
    g.lineStyle(1, PALETTE.panelEdge, 1);
    g.lineBetween(r.x + 10, r.y + TITLE_H + 0.5, r.x + r.w - 10, r.y + TITLE_H + 0.5);
    // A small accent tick in front of the title.
    g.fillStyle(PALETTE.accent, 1);
    g.fillRect(r.x + 10, r.y + TITLE_H / 2 - 4, 2, 8);
  }
}

