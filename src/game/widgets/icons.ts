import type * as Phaser from 'phaser';
import type { ChannelName, ServiceStatusName } from '../../scenarios/schema.ts';
import { PALETTE } from '../palette.ts';

// Vector icons drawn into a Graphics at a centre point, so they stay sharp at any zoom.
// Status icons differ by SHAPE (circle / triangle / octagon), not only by colour.

type G = Phaser.GameObjects.Graphics;

function polygon(g: G, points: [number, number][]): void {
  g.beginPath();
  points.forEach(([x, y], i) => (i === 0 ? g.moveTo(x, y) : g.lineTo(x, y)));
  g.closePath();
  g.fillPath();
}

function line(g: G, x0: number, y0: number, x1: number, y1: number): void {
  g.lineBetween(x0, y0, x1, y1);
}

/** up: disc with a tick; degraded: triangle with "!"; down: octagon with a cross. */
export function drawStatusIcon(g: G, status: ServiceStatusName, cx: number, cy: number, r: number, colour: number): void {
  const ink = PALETTE.background;
  const w = Math.max(1.5, r * 0.26);
  switch (status) {
    case 'up': {
      g.fillStyle(colour, 1);
      g.fillCircle(cx, cy, r);
      g.lineStyle(w, ink, 1);
      g.beginPath();
      g.moveTo(cx - r * 0.45, cy + r * 0.02);
      g.lineTo(cx - r * 0.12, cy + r * 0.35);
      g.lineTo(cx + r * 0.48, cy - r * 0.32);
      g.strokePath();
      return;
    }
    case 'degraded': {
      g.fillStyle(colour, 1);
      polygon(g, [
        [cx, cy - r * 1.05],
        [cx + r * 1.1, cy + r * 0.85],
        [cx - r * 1.1, cy + r * 0.85],
      ]);
      g.fillStyle(ink, 1);
      g.fillRect(cx - w / 2, cy - r * 0.42, w, r * 0.62);
      g.fillCircle(cx, cy + r * 0.5, w * 0.6);
      return;
    }
    case 'down': {
      g.fillStyle(colour, 1);
      const pts: [number, number][] = [];
      for (let i = 0; i < 8; i++) {
        const a = Math.PI / 8 + (i * Math.PI) / 4;
        pts.push([cx + Math.cos(a) * r * 1.05, cy + Math.sin(a) * r * 1.05]);
      }
      polygon(g, pts);
      g.lineStyle(w, ink, 1);
      const k = r * 0.4;
      line(g, cx - k, cy - k, cx + k, cy + k);
      line(g, cx - k, cy + k, cx + k, cy - k);
      return;
    }
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}

/** A glyph for an inject channel, drawn in `ink` inside a box of size s centred on (cx, cy). */
export function drawChannelGlyph(g: G, channel: ChannelName, cx: number, cy: number, s: number, ink: number): void {
  const h = s / 2;
  const w = Math.max(1.2, s * 0.1);
  g.fillStyle(ink, 1);
  g.lineStyle(w, ink, 1);
  switch (channel) {
    case 'alert': {
      // A bell: dome, rim and clapper.
      g.beginPath();
      g.arc(cx, cy - h * 0.1, h * 0.55, Math.PI, 0, false);
      g.lineTo(cx + h * 0.7, cy + h * 0.45);
      g.lineTo(cx - h * 0.7, cy + h * 0.45);
      g.closePath();
      g.fillPath();
      g.fillCircle(cx, cy + h * 0.62, h * 0.18);
      g.fillCircle(cx, cy - h * 0.7, h * 0.12);
      return;
    }
    case 'email': {
      g.strokeRect(cx - h * 0.75, cy - h * 0.5, h * 1.5, h * 1.0);
      g.beginPath();
      g.moveTo(cx - h * 0.75, cy - h * 0.5);
      g.lineTo(cx, cy + h * 0.1);
      g.lineTo(cx + h * 0.75, cy - h * 0.5);
      g.strokePath();
      return;
    }
    case 'call': {
      // A handset: a thick arc with an ear and a mouth piece.
      g.lineStyle(h * 0.3, ink, 1);
      g.beginPath();
      g.arc(cx + h * 0.28, cy - h * 0.28, h * 0.72, Math.PI * 0.55, Math.PI * 0.95, false);
      g.strokePath();
      const ear = { x: cx + h * 0.28 + Math.cos(Math.PI * 0.55) * h * 0.72, y: cy - h * 0.28 + Math.sin(Math.PI * 0.55) * h * 0.72 };
      const mouth = { x: cx + h * 0.28 + Math.cos(Math.PI * 0.95) * h * 0.72, y: cy - h * 0.28 + Math.sin(Math.PI * 0.95) * h * 0.72 };
      g.fillCircle(ear.x + h * 0.12, ear.y + h * 0.06, h * 0.24);
      g.fillCircle(mouth.x + h * 0.04, mouth.y - h * 0.14, h * 0.24);
      return;
    }
    case 'chat': {
      g.fillRoundedRect(cx - h * 0.8, cy - h * 0.6, h * 1.6, h * 1.05, h * 0.3);
      polygon(g, [
        [cx - h * 0.45, cy + h * 0.4],
        [cx - h * 0.55, cy + h * 0.8],
        [cx - h * 0.1, cy + h * 0.42],
      ]);
      return;
    }
    case 'social': {
      // A hash sign: the mark of a public post.
      const k = h * 0.62;
      line(g, cx - k * 0.35, cy - k, cx - k * 0.55, cy + k);
      line(g, cx + k * 0.45, cy - k, cx + k * 0.25, cy + k);
      line(g, cx - k, cy - k * 0.35, cx + k, cy - k * 0.35);
      line(g, cx - k, cy + k * 0.35, cx + k, cy + k * 0.35);
      return;
    }
    case 'news': {
      g.strokeRect(cx - h * 0.75, cy - h * 0.6, h * 1.5, h * 1.2);
      g.fillRect(cx - h * 0.6, cy - h * 0.45, h * 1.2, h * 0.22);
      g.fillRect(cx - h * 0.6, cy - h * 0.08, h * 0.5, h * 0.5);
      line(g, cx + h * 0.05, cy - h * 0.02, cx + h * 0.6, cy - h * 0.02);
      line(g, cx + h * 0.05, cy + h * 0.22, cx + h * 0.6, cy + h * 0.22);
      return;
    }
    case 'regulator': {
      // A shield.
      polygon(g, [
        [cx, cy - h * 0.8],
        [cx + h * 0.7, cy - h * 0.5],
        [cx + h * 0.6, cy + h * 0.25],
        [cx, cy + h * 0.8],
        [cx - h * 0.6, cy + h * 0.25],
        [cx - h * 0.7, cy - h * 0.5],
      ]);
      return;
    }
    case 'vendor': {
      // A parcel seen from above the corner.
      g.beginPath();
      g.moveTo(cx, cy - h * 0.75);
      g.lineTo(cx + h * 0.7, cy - h * 0.38);
      g.lineTo(cx + h * 0.7, cy + h * 0.42);
      g.lineTo(cx, cy + h * 0.8);
      g.lineTo(cx - h * 0.7, cy + h * 0.42);
      g.lineTo(cx - h * 0.7, cy - h * 0.38);
      g.closePath();
      g.strokePath();
      g.beginPath();
      g.moveTo(cx - h * 0.7, cy - h * 0.38);
      g.lineTo(cx, cy);
      g.lineTo(cx + h * 0.7, cy - h * 0.38);
      g.moveTo(cx, cy);
      g.lineTo(cx, cy + h * 0.8);
      g.strokePath();
      return;
    }
    case 'status': {
      // A heartbeat line.
      g.beginPath();
      g.moveTo(cx - h * 0.8, cy);
      g.lineTo(cx - h * 0.35, cy);
      g.lineTo(cx - h * 0.15, cy - h * 0.6);
      g.lineTo(cx + h * 0.1, cy + h * 0.6);
      g.lineTo(cx + h * 0.3, cy);
      g.lineTo(cx + h * 0.8, cy);
      g.strokePath();
      return;
    }
    default: {
      const unreachable: never = channel;
      return unreachable;
    }
  }
}

/** A coloured disc with the channel glyph cut out in the background colour. */
export function drawChannelBadge(g: G, channel: ChannelName, cx: number, cy: number, r: number, colour: number): void {
  g.fillStyle(colour, 1);
  g.fillCircle(cx, cy, r);
  drawChannelGlyph(g, channel, cx, cy, r * 1.25, PALETTE.background);
}

/** A small stopwatch, used by the compliance clock. */
export function drawStopwatch(g: G, cx: number, cy: number, r: number, colour: number, fraction: number): void {
  g.lineStyle(Math.max(1.2, r * 0.18), colour, 1);
  g.strokeCircle(cx, cy + r * 0.1, r * 0.85);
  g.fillStyle(colour, 1);
  g.fillRect(cx - r * 0.2, cy - r * 1.05, r * 0.4, r * 0.25);
  if (fraction > 0) {
    g.beginPath();
    g.moveTo(cx, cy + r * 0.1);
    g.arc(cx, cy + r * 0.1, r * 0.6, -Math.PI / 2, -Math.PI / 2 + Math.PI * 2 * Math.min(1, fraction), false);
    g.closePath();
    g.fillPath();
  }
}

/** A tick mark in a circle (notified) or a cross (missed), for the compliance chips. */
export function drawMark(g: G, kind: 'tick' | 'cross', cx: number, cy: number, r: number, colour: number): void {
  g.fillStyle(colour, 1);
  g.fillCircle(cx, cy, r);
  g.lineStyle(Math.max(1.5, r * 0.26), PALETTE.background, 1);
  if (kind === 'tick') {
    g.beginPath();
    g.moveTo(cx - r * 0.45, cy + r * 0.02);
    g.lineTo(cx - r * 0.12, cy + r * 0.35);
    g.lineTo(cx + r * 0.48, cy - r * 0.32);
    g.strokePath();
  } else {
    const k = r * 0.4;
    line(g, cx - k, cy - k, cx + k, cy + k);
    line(g, cx - k, cy + k, cx + k, cy - k);
  }
}
