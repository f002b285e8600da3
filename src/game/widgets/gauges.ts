import type * as Phaser from 'phaser';
import type { ViewChanges } from '../changes.ts';
import { formatCompact, formatMoney, formatPercent } from '../format.ts';
import { gaugePlan, gaugeSpots, type Rect } from '../layout.ts';
import { MOOD_LABEL, moodOf } from '../mood.ts';
import { css, PALETTE } from '../palette.ts';
import type { PanelStyle, RoomContext, RoomFrame, Widget } from '../room.ts';
import { severityWord, vitalsOf, type Severity, type Vital } from '../vitals.ts';
import { drawPanel } from './panel.ts';
import { addText, setFitted, shrinkToFit } from './text.ts';
import { Baked } from './baked.ts';
import { TitledPanel } from './titled-panel.ts';

// Four arc gauges: uptime, revenue lost, customers affected, stakeholder sentiment.
// A changing value sweeps to its new level and a worsening one flashes its arc.

const SEVERITY_COLOUR: Record<Severity, number> = { ok: PALETTE.good, warn: PALETTE.warn, bad: PALETTE.bad };
const SWEEP_START = Math.PI * 0.75;
const SWEEP = Math.PI * 1.5;

interface GaugeView {
  id: Vital['id'];
  cell: Rect;
  horizontal: boolean;
  arc: Baked;
  flash: Phaser.GameObjects.Graphics;
  value: Phaser.GameObjects.Text;
  label: Phaser.GameObjects.Text;
  sub: Phaser.GameObjects.Text;
  word: Phaser.GameObjects.Text;
  cx: number;
  cy: number;
  r: number;
  /** What the arc shows now; tweened towards the vital's fill. */
  shown: number;
  shownValue: number;
  severity: Severity;
  valueText: string;
  tween: Phaser.Tweens.Tween | null;
}

export class Gauges extends TitledPanel implements Widget {
  private gauges: GaugeView[] = [];

  constructor(ctx: RoomContext) {
    super(ctx, 'Business vitals');
  }

  update(frame: RoomFrame, changes: ViewChanges): void {
    if (changes.reset) {
      this.rebuild(frame);
      return;
    }
    const vitals = frame.view ? vitalsOf(frame.view, frame.scenario) : [];
    for (const vital of vitals) {
      const g = this.gauges.find((x) => x.id === vital.id);
      if (!g) continue;
      this.setTexts(g, vital, frame);
      // Losses creep up every game minute of an outage; only a real jump or a worse band flashes.
      const higherIsBetter = vital.id === 'uptime' || vital.id === 'sentiment';
      const drop = higherIsBetter ? g.shown - vital.fill : vital.fill - g.shown;
      const worse = (drop > 1e-6 && vital.severity !== g.severity && rank(vital.severity) > rank(g.severity)) || drop >= 0.05;
      g.severity = vital.severity;
      if (Math.abs(vital.fill - g.shown) < 1e-6 && vital.value === g.shownValue) continue;
      g.tween?.remove();
      g.tween = null;
      if (!frame.motion) {
        g.shown = vital.fill;
        g.shownValue = vital.value;
        this.paintArc(g, vital);
        this.setValue(g, vital, frame);
        continue;
      }
      const from = { fill: g.shown, value: g.shownValue };
      g.tween = this.ctx.scene.tweens.addCounter({
        from: 0,
        to: 1,
        duration: 700,
        ease: 'Cubic.easeOut',
        onUpdate: (tween) => {
          const k = tween.getValue() ?? 1;
          g.shown = from.fill + (vital.fill - from.fill) * k;
          g.shownValue = from.value + (vital.value - from.value) * k;
          this.paintArc(g, vital);
          this.setValue(g, vital, frame);
        },
        onComplete: () => {
          g.tween = null;
        },
      });
      if (worse) this.flash(g, vital);
    }
  }

  destroy(): void {
    for (const g of this.gauges) {
      g.tween?.remove();
      g.arc.destroy();
    }
    this.frameG.destroy();
    this.root.destroy(true);
  }

  protected rebuild(frame: RoomFrame): void {
    for (const g of this.gauges) {
      g.tween?.remove();
      g.arc.destroy();
      for (const o of [g.flash, g.value, g.label, g.sub, g.word]) o.destroy();
    }
    this.gauges = [];
    const rect = this.rect;
    if (!rect) {
      this.frameG.hide();
      return;
    }
    const { scene, dpr } = this.ctx;
    const plan = gaugePlan(rect, this.titled, this.ui);
    drawPanel(this.frameG.begin(rect), rect, { title: plan.titled });
    this.frameG.commit();
    this.title.setVisible(plan.titled).setFontSize(Math.round(11 * this.ui)).setPosition(rect.x + 18, rect.y + 13 - this.title.height / 2);

    const vitals = frame.view ? vitalsOf(frame.view, frame.scenario) : placeholderVitals();
    vitals.forEach((vital, i) => {
      const cell = plan.cells[i]!;
      const { r, beside: horizontal } = plan;
      const arc = new Baked(scene, dpr);
      const flash = scene.add.graphics();
      const value = addText(scene, dpr, 0, 0, '', { size: 16, colour: PALETTE.text, bold: true, mono: true });
      const label = addText(scene, dpr, 0, 0, vital.label, { size: 11 * this.ui, colour: PALETTE.textDim, bold: true, caps: true });
      const sub = addText(scene, dpr, 0, 0, '', { size: 11 * this.ui, colour: PALETTE.textFaint });
      const word = addText(scene, dpr, 0, 0, '', { size: 10.5 * this.ui, colour: PALETTE.textFaint, bold: true, caps: true });
      this.root.add([flash, arc.image, value, label, sub, word]);
      const { cx, cy } = gaugeSpots(cell, r, horizontal);
      const g: GaugeView = { id: vital.id, cell, horizontal, arc, flash, value, label, sub, word, cx, cy, r, shown: vital.fill, shownValue: vital.value, severity: vital.severity, valueText: '', tween: null };
      this.gauges.push(g);
      this.paintArc(g, vital);
      this.setTexts(g, vital, frame);
      this.setValue(g, vital, frame);
    });
  }

  private paintArc(g: GaugeView, vital: Vital): void {
    const { cx, cy, r } = g;
    const width = Math.max(4, r * 0.2);
    const pad = width * 1.5 + 2;
    const arc = g.arc.begin({ x: cx - r - pad, y: cy - r - pad, w: 2 * (r + pad), h: 2 * (r + pad) });
    arc.lineStyle(width, PALETTE.grid, 1);
    arc.beginPath();
    arc.arc(cx, cy, r, SWEEP_START, SWEEP_START + SWEEP, false);
    arc.strokePath();
    // Quarter ticks give the arc a scale to read against.
    arc.lineStyle(1, PALETTE.panelEdgeBright, 0.9);
    for (let i = 0; i <= 4; i++) {
      const a = SWEEP_START + (SWEEP * i) / 4;
      arc.lineBetween(cx + Math.cos(a) * (r + width * 0.75), cy + Math.sin(a) * (r + width * 0.75), cx + Math.cos(a) * (r + width * 1.25), cy + Math.sin(a) * (r + width * 1.25));
    }
    const colour = SEVERITY_COLOUR[vital.severity];
    const fill = Math.min(1, Math.max(0, g.shown));
    if (fill > 0.002) {
      const end = SWEEP_START + SWEEP * fill;
      arc.lineStyle(width, colour, 1);
      arc.beginPath();
      arc.arc(cx, cy, r, SWEEP_START, end, false);
      arc.strokePath();
      // Round the ends of the stroke.
      arc.fillStyle(colour, 1);
      arc.fillCircle(cx + Math.cos(SWEEP_START) * r, cy + Math.sin(SWEEP_START) * r, width / 2);
      arc.fillCircle(cx + Math.cos(end) * r, cy + Math.sin(end) * r, width / 2);
    }
    g.arc.commit();
  }

  private setValue(g: GaugeView, vital: Vital, frame: RoomFrame): void {
    const currency = frame.view?.currency ?? 'EUR';
    const text = frame.view ? valueText(vital.id, g.shownValue, currency) : '—';
    // A tween asks many times a second; re-rendering an unchanged Text would be wasted work.
    if (text === g.valueText) return;
    g.valueText = text;
    g.value.setText(text);
    shrinkToFit(g.value, g.r * 1.5, Math.min(22, g.r * 0.56), 8);
    g.value.setPosition(g.cx - g.value.width / 2, g.cy - g.value.height / 2);
  }

  private setTexts(g: GaugeView, vital: Vital, frame: RoomFrame): void {
    const colour = SEVERITY_COLOUR[vital.severity];
    const word = severityWord(vital);
    g.word.setText(word.toUpperCase()).setColor(css(vital.severity === 'ok' ? PALETTE.textFaint : colour));
    if (g.horizontal) {
      const x = g.cx + g.r + 14;
      const maxW = g.cell.x + g.cell.w - x - 2;
      g.label.setFontSize(Math.round(10.5 * this.ui));
      setFitted(g.label, vital.label.toUpperCase(), maxW);
      g.sub.setFontSize(Math.round(11 * this.ui)).setColor(css(PALETTE.textDim));
      setFitted(g.sub, subText(vital, frame), maxW);
      g.word.setFontSize(Math.round(10 * this.ui));
      setFitted(g.word, word.toUpperCase(), maxW);
      const block = g.label.height + g.sub.height + g.word.height - 4;
      g.label.setPosition(x, g.cy - block / 2 - 2);
      g.sub.setPosition(x, g.label.y + g.label.height - 1).setVisible(true);
      g.word.setPosition(x, g.sub.y + g.sub.height - 1).setVisible(true);
    } else {
      // Under the arc: the label, then the state in a word; the detail line has no room.
      const maxW = g.cell.w - 2;
      g.label.setFontSize(Math.round(9.5 * this.ui));
      g.label.setText(vital.label.toUpperCase());
      if (g.label.width > maxW) {
        // Narrow: the short label, a point smaller if need be, then an ellipsis as a last resort.
        g.label.setText(vital.shortLabel.toUpperCase());
        shrinkToFit(g.label, maxW, 9.5 * this.ui, 8);
        setFitted(g.label, vital.shortLabel.toUpperCase(), maxW);
      }
      g.label.setPosition(g.cx - g.label.width / 2, g.cy + g.r * 0.78 + 1);
      g.word.setFontSize(Math.round(9 * this.ui)).setText(word.toUpperCase());
      setFitted(g.word, (g.word.width <= maxW ? word : severityWord(vital, true)).toUpperCase(), maxW);
      g.word.setPosition(g.cx - g.word.width / 2, g.label.y + g.label.height - 2);
      g.word.setVisible(g.word.y + g.word.height <= g.cell.y + g.cell.h + 6);
      g.sub.setVisible(false);
    }
  }

  private flash(g: GaugeView, vital: Vital): void {
    const { scene } = this.ctx;
    const colour = vital.id === 'uptime' || vital.severity !== 'ok' ? PALETTE.bad : PALETTE.warn;
    g.flash.clear();
    g.flash.fillStyle(colour, 0.28);
    g.flash.fillCircle(g.cx, g.cy, g.r * 1.35);
    g.flash.setAlpha(1);
    scene.tweens.killTweensOf(g.flash);
    scene.tweens.add({ targets: g.flash, alpha: 0, duration: 900, ease: 'Quad.easeOut', onComplete: () => g.flash.clear() });
  }
}

const rank = (s: Severity): number => (s === 'ok' ? 0 : s === 'warn' ? 1 : 2);

function subText(vital: Vital, frame: RoomFrame): string {
  const view = frame.view;
  if (!view) return '';
  switch (vital.id) {
    case 'uptime': {
      const up = view.services.filter((s) => s.effective !== 'down').length;
      return `${up}/${view.services.length} services up`;
    }
    case 'revenue':
      return `of ${formatMoney(frame.scenario?.stakes.revenueAtRisk ?? 0, view.currency)} at risk`;
    case 'customers':
      return `of ${formatCompact(frame.scenario?.company.customers ?? 0)} (${formatPercent(vital.fill)})`;
    case 'sentiment':
      return `${MOOD_LABEL[moodOf(vital.value)]} overall`;
    default: {
      const unreachable: never = vital.id;
      return unreachable;
    }
  }
}

function valueText(id: Vital['id'], value: number, currency: string): string {
  switch (id) {
    case 'uptime':
      return formatPercent(value);
    case 'revenue':
      return formatMoney(value, currency);
    case 'customers':
      return formatCompact(value);
    case 'sentiment':
      return String(Math.round(value));
    default: {
      const unreachable: never = id;
      return unreachable;
    }
  }
}

function placeholderVitals(): Vital[] {
  return [
    { id: 'uptime', label: 'Uptime', shortLabel: 'Uptime', fill: 1, severity: 'ok', value: 1 },
    { id: 'revenue', label: 'Revenue lost', shortLabel: 'Revenue', fill: 0, severity: 'ok', value: 0 },
    { id: 'customers', label: 'Customers hit', shortLabel: 'Customers', fill: 0, severity: 'ok', value: 0 },
    { id: 'sentiment', label: 'Sentiment', shortLabel: 'Mood', fill: 0.5, severity: 'ok', value: 50 },
  ];
}
