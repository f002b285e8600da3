import type * as Phaser from 'phaser';
import type { ViewChanges } from '../changes.ts';
import { complianceState, type ComplianceState, type Regulator } from '../compliance.ts';
import { formatRemaining } from '../format.ts';
import { regulatorChips, type Rect } from '../layout.ts';
import { css, mix, PALETTE } from '../palette.ts';
import type { PanelStyle, RoomContext, RoomFrame, Widget } from '../room.ts';
import { drawMark, drawStopwatch } from './icons.ts';
import { drawPanel } from './panel.ts';
import { addText, setFitted } from './text.ts';
import { Baked } from './baked.ts';

// The regulators' notification deadlines: game time left on each started clock, red and
// crossed when missed, green and ticked once notified in time, amber and crossed when notified
// late. Running clocks turn amber, then red. With no clock running the strip stays empty.

const STATE_COLOUR: Record<ComplianceState, number> = {
  running: PALETTE.accent,
  urgent: PALETTE.warn,
  notified: PALETTE.good,
  late: PALETTE.warn,
  missed: PALETTE.bad,
};

interface Chip {
  id: string;
  g: Baked;
  name: Phaser.GameObjects.Text;
  time: Phaser.GameObjects.Text;
  cell: Rect;
  /** Name and time on one line (a low chip) rather than the name over the time. */
  compact: boolean;
  state: ComplianceState | null;
  blink: Phaser.Tweens.Tween | null;
}

export class ComplianceClock implements Widget {
  private readonly root: Phaser.GameObjects.Container;
  private readonly frameG: Baked;
  private chips: Chip[] = [];
  private rect: Rect | null = null;
  private ui = 1;
  private signature = '';

  constructor(private readonly ctx: RoomContext) {
    this.root = ctx.scene.add.container(0, 0);
    this.frameG = new Baked(ctx.scene, ctx.dpr);
    this.root.add([this.frameG.image]);
  }

  layout(rect: Rect | null, style: PanelStyle, frame: RoomFrame): void {
    const ui = style.ui;
    this.rect = rect;
    this.ui = ui;
    this.root.setVisible(rect !== null);
    this.rebuild(frame);
  }

  update(frame: RoomFrame, changes: ViewChanges): void {
    if (changes.reset || this.signatureOf(frame) !== this.signature) {
      this.rebuild(frame);
      return;
    }
    for (const chip of this.chips) this.paintChip(chip, frame);
  }

  destroy(): void {
    this.clearChips();
    this.frameG.destroy();
    this.root.destroy(true);
  }

  private started(frame: RoomFrame): Regulator[] {
    return (frame.view?.regulators ?? []).filter((r) => r.deadline !== null);
  }

  private signatureOf(frame: RoomFrame): string {
    return this.started(frame)
      .map((r) => r.id)
      .join('|');
  }

  private clearChips(): void {
    for (const c of this.chips) {
      c.blink?.remove();
      this.ctx.scene.tweens.killTweensOf([c.g.image, c.time]);
      c.g.destroy();
      c.name.destroy();
      c.time.destroy();
    }
    this.chips = [];
  }

  private rebuild(frame: RoomFrame): void {
    this.clearChips();
    this.signature = this.signatureOf(frame);
    const rect = this.rect;
    if (!rect) {
      this.frameG.hide();
      return;
    }
    const { scene, dpr } = this.ctx;
    const regulators = this.started(frame);
    const tall = rect.h < 40;
    const frameG = this.frameG.begin(rect);
    if (!tall) drawPanel(frameG, rect);

    // No clock running: nothing to show (the scene leaves the strip out of the layout).
    if (regulators.length === 0) {
      this.frameG.hide();
      return;
    }
    if (tall) this.frameG.hide();
    else this.frameG.commit();
    // Chips keep a chip's proportions, right-aligned next to the header, instead of
    // stretching one regulator across the whole strip.
    const { cells, compact } = regulatorChips(rect, regulators.map((r) => r.name), this.ui);
    regulators.forEach((r, i) => {
      const g = new Baked(scene, dpr);
      const name = addText(scene, dpr, 0, 0, '', { size: 11 * this.ui, colour: PALETTE.text, bold: true });
      const time = addText(scene, dpr, 0, 0, '', { size: 14 * this.ui, colour: PALETTE.text, bold: true, mono: true });
      this.root.add([g.image, name, time]);
      const chip: Chip = { id: r.id, g, name, time, cell: cells[i]!, compact, state: null, blink: null };
      this.chips.push(chip);
      this.paintChip(chip, frame);
    });
  }

  private paintChip(chip: Chip, frame: RoomFrame): void {
    const r = frame.view?.regulators.find((x) => x.id === chip.id);
    if (!r) return;
    const total = frame.scenario?.regulators?.find((x) => x.id === r.id)?.deadlineMinutes ?? r.remaining ?? 1;
    const { state, fraction } = complianceState(r, total);
    const colour = STATE_COLOUR[state];
    const { cell, compact } = chip;
    const g = chip.g.begin(cell);
    g.fillStyle(mix(PALETTE.panelRaised, colour, state === 'running' ? 0.06 : 0.2), 1);
    g.fillRoundedRect(cell.x, cell.y, cell.w, cell.h, 6);
    g.lineStyle(1, colour, state === 'running' ? 0.5 : 0.9);
    g.strokeRoundedRect(cell.x + 0.5, cell.y + 0.5, cell.w - 1, cell.h - 1, 6);
    // The bar under the chip empties as the deadline approaches.
    const barH = compact ? 2 : 3;
    g.fillStyle(PALETTE.grid, 1);
    g.fillRect(cell.x + 6, cell.y + cell.h - barH - 3, cell.w - 12, barH);
    if (state !== 'missed' && state !== 'late') {
      g.fillStyle(colour, 1);
      g.fillRect(cell.x + 6, cell.y + cell.h - barH - 3, (cell.w - 12) * fraction, barH);
    }
    const iconR = Math.min(cell.h * 0.28, 9 * this.ui);
    const ix = cell.x + 8 + iconR;
    const iy = cell.y + (cell.h - barH - 3) / 2 + 1;
    if (state === 'notified') drawMark(g, 'tick', ix, iy, iconR, colour);
    else if (state === 'missed' || state === 'late') drawMark(g, 'cross', ix, iy, iconR, colour);
    else drawStopwatch(g, ix, iy, iconR, colour, 1 - fraction);
    chip.g.commit();

    const words = this.ctx.words;
    const timeText =
      state === 'notified' ? words('chip.notified') : state === 'late' ? words('chip.late') : state === 'missed' ? words('chip.missed') : words('chip.left', { time: formatRemaining(r.remaining ?? 0) });
    chip.time.setText(timeText).setColor(css(state === 'running' ? PALETTE.text : colour));
    // Two lines of 12 px need about 44 px with the bar; a shorter chip keeps both at 12 px.
    chip.time.setFontSize(Math.round(compact || cell.h < 44 ? 12 : Math.min(15 * this.ui, cell.h * 0.36)));
    const textX = ix + iconR + 7;
    const room = cell.x + cell.w - 8 - textX;
    chip.name.setFontSize(Math.round(compact ? 10 * this.ui : Math.min(11 * this.ui, Math.max(9, cell.h * 0.25))));
    if (compact) {
      // The whole name where it fits beside the time (regulatorChips makes room for it).
      setFitted(chip.name, r.name, Math.max(0, room - chip.time.width - 6));
      chip.name.setPosition(textX, iy - chip.name.height / 2);
      chip.time.setPosition(cell.x + cell.w - 8 - chip.time.width, iy - chip.time.height / 2);
    } else {
      setFitted(chip.name, r.name, room);
      // Name on top, time under it, both clear of the progress bar.
      const barTop = cell.y + cell.h - barH - 3;
      const block = chip.name.height + chip.time.height - 2;
      const top = Math.max(cell.y + 2, cell.y + (barTop - cell.y - block) / 2);
      chip.name.setPosition(textX, top).setColor(css(PALETTE.textDim));
      chip.time.setPosition(textX, chip.name.y + chip.name.height - 2);
    }

    if (chip.state !== state) {
      chip.blink?.remove();
      chip.blink = null;
      chip.time.setAlpha(1);
      // An urgent clock blinks its time; a just-missed one flashes once.
      if (frame.motion && state === 'urgent') {
        chip.blink = this.ctx.scene.tweens.add({ targets: chip.time, alpha: 0.35, duration: 600, yoyo: true, repeat: -1, ease: 'Sine.easeInOut' });
      } else if (frame.motion && chip.state !== null && (state === 'missed' || state === 'late' || state === 'notified')) {
        chip.g.image.setAlpha(0.2);
        this.ctx.scene.tweens.add({ targets: chip.g.image, alpha: 1, duration: 450, ease: 'Quad.easeOut' });
      }
      chip.state = state;
    }
  }
}
