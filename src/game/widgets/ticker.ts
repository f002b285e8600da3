import type * as Phaser from 'phaser';
import type { InjectView } from '../../engine/view.ts';
import type { ViewChanges } from '../changes.ts';
import { formatGameClock } from '../format.ts';
import type { Rect } from '../layout.ts';
import { CHANNEL_COLOUR, PALETTE } from '../palette.ts';
import type { PanelStyle, RoomContext, RoomFrame, Widget } from '../room.ts';
import { addBadge, Baked } from './baked.ts';
import { addText } from './text.ts';

// The news band across the bottom: who is talking about the incident in the press and on
// social media. It scrolls while motion is allowed and sits still otherwise.

const SPEED_PX_PER_S = 48;

export function isPress(inject: InjectView): boolean {
  return inject.channel === 'news' || inject.channel === 'social';
}

interface Item {
  badge: Phaser.GameObjects.Image | null;
  text: Phaser.GameObjects.Text;
  width: number;
}

export class Ticker implements Widget {
  private readonly root: Phaser.GameObjects.Container;
  private readonly band: Baked;
  private readonly strip: Phaser.GameObjects.Container;
  private readonly labelBox: Baked;
  private readonly label: Phaser.GameObjects.Text;
  private readonly flash: Phaser.GameObjects.Graphics;
  private items: Item[] = [];
  private rect: Rect | null = null;
  private ui = 1;
  private stripWidth = 0;
  private offset = 0;
  private startX = 0;
  private count = -1;
  private readonly dot: Baked;

  constructor(private readonly ctx: RoomContext) {
    const { scene, dpr } = ctx;
    this.root = scene.add.container(0, 0);
    this.band = new Baked(scene, dpr);
    this.strip = scene.add.container(0, 0);
    this.labelBox = new Baked(scene, dpr);
    this.dot = new Baked(scene, dpr);
    this.label = addText(scene, dpr, 0, 0, ctx.words('tickerTitle'), { size: 11, colour: PALETTE.text, bold: true, caps: true });
    this.flash = scene.add.graphics();
    // The label box is drawn over the strip so scrolling items slide under it.
    this.root.add([this.band.image, this.flash, this.strip, this.labelBox.image, this.dot.image, this.label]);
    // The strip scrolls under the label box, so the box and its words move with it in drawing order.
    ctx.keepMoving(this.strip, this.labelBox.image, this.dot.image, this.label);
  }

  layout(rect: Rect | null, style: PanelStyle, frame: RoomFrame): void {
    const ui = style.ui;
    this.rect = rect;
    this.ui = ui;
    this.root.setVisible(rect !== null);
    if (!rect) {
      this.band.hide();
      this.labelBox.hide();
      this.dot.hide();
      return;
    }
    // Rules above and below rather than a filled band: a full-width fill costs every frame.
    const band = this.band.begin(rect);
    band.lineStyle(1, PALETTE.panelEdgeBright, 1);
    band.lineBetween(rect.x, rect.y + 0.5, rect.x + rect.w, rect.y + 0.5);
    band.lineStyle(1, PALETTE.panelEdge, 1);
    band.lineBetween(rect.x, rect.y + 2.5, rect.x + rect.w, rect.y + 2.5);
    this.band.commit();
    const compact = rect.w < 600;
    this.label.setFontSize(Math.round(10.5 * ui)).setText((compact ? this.ctx.words('tickerLive') : this.ctx.words('tickerTitle')).toUpperCase());
    const boxW = this.label.width + 34;
    const box = this.labelBox.begin({ x: rect.x, y: rect.y, w: boxW + 11, h: rect.h });
    box.fillStyle(PALETTE.bad, 1);
    box.fillRect(rect.x, rect.y + 1, boxW, rect.h - 1);
    box.fillTriangle(rect.x + boxW, rect.y + 1, rect.x + boxW + 10, rect.y + rect.h / 2, rect.x + boxW, rect.y + rect.h);
    this.labelBox.commit();
    const dotX = rect.x + 12;
    const dotY = rect.y + rect.h / 2;
    const dot = this.dot.begin({ x: dotX - 5, y: dotY - 5, w: 10, h: 10 });
    dot.fillStyle(PALETTE.white, 1);
    dot.fillCircle(dotX, dotY, 3.5);
    this.dot.commit();
    this.label.setPosition(rect.x + 22, rect.y + rect.h / 2 - this.label.height / 2);
    this.startX = rect.x + boxW + 22;
    this.count = -1;
    this.fill(frame);
  }

  update(frame: RoomFrame, changes: ViewChanges): void {
    const before = this.count;
    this.fill(frame);
    const fresh = changes.injects.filter(isPress);
    if (!changes.reset && frame.motion && fresh.length > 0 && before >= 0 && this.rect) {
      // A new headline: the band lights up and the strip restarts so it is seen first.
      const last = fresh[fresh.length - 1]!;
      this.flash.clear();
      this.flash.fillStyle(CHANNEL_COLOUR[last.channel], 0.35);
      this.flash.fillRect(this.rect.x, this.rect.y, this.rect.w, this.rect.h);
      this.flash.setAlpha(1);
      this.ctx.scene.tweens.killTweensOf(this.flash);
      this.ctx.scene.tweens.add({ targets: this.flash, alpha: 0, duration: 1200, ease: 'Quad.easeOut' });
      this.offset = 0;
    }
  }

  tick(time: number, delta: number, frame: RoomFrame): void {
    if (!this.rect || this.items.length === 0) return;
    // The "on air" dot breathes while time runs.
    this.dot.image.setAlpha(frame.paused ? 1 : 0.55 + 0.45 * Math.sin(time / 260));
    // A paused room holds still (and then is not drawn at all, see pace.ts).
    if (frame.paused) return;
    // Only scroll when the strip is wider than the space it has.
    const room = this.rect.x + this.rect.w - this.startX;
    if (this.stripWidth <= room) {
      this.strip.x = 0;
      return;
    }
    this.offset += (SPEED_PX_PER_S * delta) / 1000;
    const loop = this.stripWidth;
    this.offset %= loop;
    this.strip.x = -this.offset;
  }

  destroy(): void {
    this.band.destroy();
    this.labelBox.destroy();
    this.dot.destroy();
    this.root.destroy(true);
  }

  private fill(frame: RoomFrame): void {
    const rect = this.rect;
    if (!rect) return;
    const press = (frame.view?.injects ?? []).filter(isPress);
    if (press.length === this.count) return;
    this.count = press.length;
    this.strip.removeAll(true);
    this.items = [];
    this.strip.x = 0;
    const { scene, dpr } = this.ctx;
    const midY = rect.y + rect.h / 2;
    const size = Math.round(11.5 * this.ui);
    const newestFirst = [...press].reverse();
    const entries: { inject: InjectView | null; text: string }[] = newestFirst.length
      ? newestFirst.map((i) => ({ inject: i, text: `${i.from}  ·  ${i.channel === 'news' ? this.ctx.words('tickerNews') : this.ctx.words('tickerSocial')} · ${formatGameClock(i.t)}` }))
      : [{ inject: null, text: this.ctx.words('tickerNone') }];
    let x = 0;
    const place = (copy: number): void => {
      for (const e of entries) {
        const r = 7 * this.ui;
        const badge = e.inject ? addBadge(scene, dpr, e.inject.channel, this.startX + x + r, midY, r) : null;
        const tx = this.startX + x + (e.inject ? r * 2 + 7 : 0);
        const text = addText(scene, dpr, tx, 0, e.text, { size, colour: e.inject ? PALETTE.text : PALETTE.textFaint, bold: e.inject !== null });
        text.setY(midY - text.height / 2);
        const width = tx - (this.startX + x) + text.width + 36;
        if (badge) this.strip.add(badge);
        this.strip.add(text);
        if (copy === 0) this.items.push({ badge, text, width });
        x += width;
      }
    };
    place(0);
    this.stripWidth = x;
    // A second copy follows the first so the loop has no gap.
    if (this.stripWidth > rect.x + rect.w - this.startX) place(1);
    this.offset = 0;
  }
}
