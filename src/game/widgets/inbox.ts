import type * as Phaser from 'phaser';
import type { InjectView } from '../../engine/view.ts';
import { injectKey, type ViewChanges } from '../changes.ts';
import { formatGameClock } from '../format.ts';
import { channelLabel } from '../../i18n/channels.ts';
import type { Rect } from '../layout.ts';
import { CHANNEL_COLOUR, mix, PALETTE } from '../palette.ts';
import type { PanelStyle, RoomContext, RoomFrame, Widget } from '../room.ts';
import { addBadge, Baked } from './baked.ts';
import { drawPanel } from './panel.ts';
import { addText, setWrapped } from './text.ts';

// Injects arrive as a channel badge (phone, envelope, bell, shield...) that flies into the
// stack; the newest few stay visible with their sender. The inject text itself is HTML's job.

interface Row {
  key: string;
  inject: InjectView;
  root: Phaser.GameObjects.Container;
  bg: Baked;
  badge: Phaser.GameObjects.Image;
}

interface Slot {
  x: number;
  y: number;
  w: number;
  h: number;
}

export class Inbox implements Widget {
  private readonly root: Phaser.GameObjects.Container;
  private readonly frameG: Baked;
  private readonly title: Phaser.GameObjects.Text;
  private readonly count: Phaser.GameObjects.Text;
  private readonly empty: Phaser.GameObjects.Text;
  private readonly rowLayer: Phaser.GameObjects.Container;
  private rows: Row[] = [];
  private rect: Rect | null = null;
  private ui = 1;
  private vertical = true;
  private slots: Slot[] = [];

  constructor(private readonly ctx: RoomContext) {
    const { scene, dpr } = ctx;
    this.root = scene.add.container(0, 0);
    this.frameG = new Baked(scene, dpr);
    this.title = addText(scene, dpr, 0, 0, ctx.words('panel.inbox'), { size: 11, colour: PALETTE.textDim, bold: true, caps: true });
    this.count = addText(scene, dpr, 0, 0, '', { size: 10, colour: PALETTE.textFaint, bold: true });
    this.empty = addText(scene, dpr, 0, 0, 'Quiet, for now', { size: 11, colour: PALETTE.textFaint });
    this.rowLayer = scene.add.container(0, 0);
    this.root.add([this.frameG.image, this.title, this.count, this.empty, this.rowLayer]);
  }

  layout(rect: Rect | null, style: PanelStyle, frame: RoomFrame): void {
    const ui = style.ui;
    this.rect = rect;
    this.ui = ui;
    this.root.setVisible(rect !== null);
    this.clearRows();
    if (!rect) {
      this.slots = [];
      this.frameG.hide();
      return;
    }
    this.vertical = rect.h >= 90;
    const frameG = this.frameG.begin(rect);
    if (this.vertical) {
      drawPanel(frameG, rect, { title: true });
      this.title.setVisible(true).setFontSize(Math.round(11 * ui)).setPosition(rect.x + 18, rect.y + 13 - this.title.height / 2);
      const rowH = Math.round(34 * Math.max(0.85, ui));
      const top = rect.y + 32;
      const n = Math.max(1, Math.floor((rect.y + rect.h - 6 - top + 4) / (rowH + 4)));
      this.slots = Array.from({ length: n }, (_, i) => ({ x: rect.x + 8, y: top + i * (rowH + 4), w: rect.w - 16, h: rowH }));
    } else {
      // A single strip of chips, newest on the left, after a small "INBOX" label.
      drawPanel(frameG, rect);
      this.title.setVisible(true).setFontSize(Math.round(10 * ui)).setPosition(rect.x + 10, rect.y + rect.h / 2 - this.title.height + 1);
      const labelW = 56 * ui;
      // Wide enough that a sender such as "Technology reporter, national paper" fits on two
      // lines whole (the presenter's 551-700 px graphic); fewer chips, and the HTML lists all.
      const chipW = Math.max(150, 170 * ui);
      const n = Math.max(1, Math.floor((rect.w - labelW - 8) / (chipW + 6)));
      const w = (rect.w - labelW - 8 - (n - 1) * 6) / n;
      this.slots = Array.from({ length: n }, (_, i) => ({ x: rect.x + labelW + i * (w + 6), y: rect.y + 5, w, h: rect.h - 10 }));
    }
    this.frameG.commit();
    this.rebuildRows(frame);
  }

  update(frame: RoomFrame, changes: ViewChanges): void {
    if (!this.rect) return;
    if (changes.reset || !frame.motion || changes.injects.length === 0) {
      this.rebuildRows(frame);
      return;
    }
    const wanted = this.latest(frame);
    const keep = new Set(wanted.map(injectKey));
    const fresh = new Set(changes.injects.map(injectKey));
    // Rows that drop off the bottom fade away.
    for (const row of this.rows.filter((r) => !keep.has(r.key))) {
      this.ctx.scene.tweens.add({ targets: row.root, alpha: 0, duration: 250, onComplete: () => this.dropRow(row) });
    }
    this.rows = this.rows.filter((r) => keep.has(r.key));
    const byKey = new Map(this.rows.map((r) => [r.key, r]));
    const next: Row[] = [];
    // `wanted` is newest first; the oldest of the new ones lands first.
    const arrivals = wanted.filter((i) => fresh.has(injectKey(i))).reverse();
    wanted.forEach((inject, i) => {
      const slot = this.slots[i]!;
      const existing = byKey.get(injectKey(inject));
      if (existing) {
        this.ctx.scene.tweens.add({ targets: existing.root, x: slot.x, y: slot.y, duration: 320, ease: 'Cubic.easeOut' });
        next.push(existing);
        return;
      }
      const row = this.createRow(inject, slot);
      next.push(row);
      this.flyIn(row, slot, arrivals.indexOf(inject) * 220);
    });
    this.rows = next;
    this.refreshCount(frame);
  }

  destroy(): void {
    this.clearRows();
    for (const f of this.flyers) f.destroy();
    this.flyers.clear();
    this.frameG.destroy();
    this.root.destroy(true);
  }

  private readonly flyers = new Set<Phaser.GameObjects.Image>();

  private dropRow(row: Row): void {
    this.ctx.scene.tweens.killTweensOf([row.root, row.badge, row.bg.image]);
    row.bg.destroy();
    row.root.destroy();
  }

  private latest(frame: RoomFrame): InjectView[] {
    const injects = frame.view?.injects ?? [];
    // slice(-0) would return everything, so an inbox without slots shows nothing.
    return this.slots.length === 0 ? [] : injects.slice(-this.slots.length).reverse();
  }

  private clearRows(): void {
    for (const row of this.rows) this.dropRow(row);
    this.rows = [];
  }

  private rebuildRows(frame: RoomFrame): void {
    this.clearRows();
    if (!this.rect) return;
    this.latest(frame).forEach((inject, i) => this.rows.push(this.createRow(inject, this.slots[i]!)));
    this.refreshCount(frame);
  }

  private refreshCount(frame: RoomFrame): void {
    const rect = this.rect;
    if (!rect) return;
    const n = frame.view?.injects.length ?? 0;
    this.empty.setVisible(n === 0).setFontSize(Math.round(11 * this.ui));
    const first = this.slots[0];
    if (first) this.empty.setPosition(first.x + 6, first.y + first.h / 2 - this.empty.height / 2);
    if (this.vertical) {
      this.count.setFontSize(Math.round(10 * this.ui)).setText(this.ctx.words('inbox.count', { count: n }));
      this.count.setPosition(rect.x + rect.w - 12 - this.count.width, rect.y + 13 - this.count.height / 2);
    } else {
      this.count.setFontSize(Math.round(10 * this.ui)).setText(String(n));
      this.count.setPosition(rect.x + 10, rect.y + rect.h / 2 + 1);
    }
  }

  private createRow(inject: InjectView, slot: Slot): Row {
    const { scene, dpr } = this.ctx;
    const root = scene.add.container(slot.x, slot.y);
    const colour = CHANNEL_COLOUR[inject.channel];
    const bg = new Baked(scene, dpr);
    const g = bg.begin({ x: 0, y: 0, w: slot.w, h: slot.h });
    g.fillStyle(mix(PALETTE.panelRaised, colour, 0.08), 1);
    g.fillRoundedRect(0, 0, slot.w, slot.h, 6);
    g.fillStyle(colour, 0.9);
    g.fillRoundedRect(0, 0, 3, slot.h, { tl: 3, bl: 3, tr: 0, br: 0 });
    bg.commit();
    const r = Math.min(slot.h * 0.36, 12 * this.ui);
    const badge = addBadge(scene, dpr, inject.channel, 10 + r, slot.h / 2, r);
    const textX = 10 + r * 2 + 8;
    const sender = addText(scene, dpr, textX, 0, '', { size: 12 * this.ui, colour: PALETTE.text, bold: true });
    const meta = addText(scene, dpr, 0, 0, '', { size: 10.5 * this.ui, colour: PALETTE.textDim, mono: true });
    if (this.vertical) {
      meta.setText(`${channelLabel(inject.channel, this.ctx.lang)} · ${formatGameClock(inject.t)}`);
      meta.setPosition(slot.w - 8 - meta.width, slot.h / 2 - meta.height / 2);
      sender.setText(inject.from);
      if (sender.width > meta.x - textX - 8) {
        // The sender's whole name matters more than the channel and time: they give way, and a
        // name still too long wraps onto a second line rather than ending in an ellipsis.
        meta.setVisible(false);
        setWrapped(sender, inject.from, slot.w - textX - 8, 2);
        sender.setLineSpacing(-3);
      }
      sender.setPosition(textX, slot.h / 2 - sender.height / 2);
    } else {
      sender.setFontSize(Math.round(11 * this.ui));
      meta.setFontSize(Math.round(9.5 * this.ui)).setText(formatGameClock(inject.t));
      const width = slot.w - textX - 4;
      sender.setText(inject.from);
      if (sender.width <= width) {
        const block = sender.height + meta.height - 3;
        sender.setPosition(textX, slot.h / 2 - block / 2);
        meta.setPosition(textX, sender.y + sender.height - 3);
      } else {
        // A sender too long for one line gets two, and the time gives way: names are never cut short.
        setWrapped(sender, inject.from, width, 2);
        sender.setLineSpacing(-3);
        meta.setVisible(false);
        sender.setPosition(textX, slot.h / 2 - sender.height / 2);
      }
    }
    root.add([bg.image, badge, sender, meta]);
    this.rowLayer.add(root);
    return { key: injectKey(inject), inject, root, bg, badge };
  }

  private flyIn(row: Row, slot: Slot, delay: number): void {
    const { scene } = this.ctx;
    const rect = this.rect!;
    row.root.setAlpha(0);
    // The badge travels in from beyond the panel's top-right corner and lands in its slot.
    const landR = Math.min(slot.h * 0.36, 12 * this.ui);
    const flyer = addBadge(scene, this.ctx.dpr, row.inject.channel, rect.x + rect.w + 24, rect.y - 40, landR);
    const landScale = flyer.scaleX;
    flyer.setAlpha(0).setScale(landScale * 2);
    this.root.add(flyer);
    this.flyers.add(flyer);
    const landX = slot.x + 10 + landR;
    const landY = slot.y + slot.h / 2;
    scene.tweens.add({ targets: flyer, alpha: 1, duration: 120, delay });
    scene.tweens.add({ targets: flyer, x: landX, duration: 620, delay, ease: 'Cubic.easeInOut' });
    scene.tweens.add({
      targets: flyer,
      y: landY,
      scale: landScale,
      duration: 620,
      delay,
      ease: 'Back.easeIn',
      onComplete: () => {
        this.flyers.delete(flyer);
        flyer.destroy();
        row.root.setAlpha(1);
        this.arrive(row);
      },
    });
  }

  /** The landing gesture: a phone rings, an alert flashes, anything else pops. */
  private arrive(row: Row): void {
    const { scene } = this.ctx;
    if (row.inject.channel === 'call') {
      scene.tweens.add({ targets: row.badge, angle: { from: -16, to: 16 }, duration: 70, yoyo: true, repeat: 5, onComplete: () => row.badge.setAngle(0) });
    } else {
      const base = row.badge.scaleX;
      row.badge.setScale(base * 1.5);
      scene.tweens.add({ targets: row.badge, scale: base, duration: 300, ease: 'Back.easeOut' });
    }
    if (row.inject.channel === 'alert' || row.inject.channel === 'regulator') {
      scene.tweens.add({ targets: row.bg.image, alpha: { from: 0.35, to: 1 }, duration: 180, yoyo: true, repeat: 2 });
    }
  }
}
