import type { Lang } from '../../i18n/lang.ts';
import type * as Phaser from 'phaser';
import type { ViewChanges } from '../changes.ts';
import { formatCompact, formatMoney, formatPercent } from '../format.ts';
import { arcStroke, gaugePlan, gaugeSpots, type GaugePlan, type GaugeSpots, type Rect } from '../layout.ts';
import { moodOf } from '../mood.ts';
import { moodLabel } from '../../i18n/vocabulary.ts';
import { css, PALETTE } from '../palette.ts';
import type { RoomContext, RoomFrame, Widget } from '../room.ts';
import { severityWord, vitalsOf, type Severity, type Vital } from '../vitals.ts';
import { drawPanel } from './panel.ts';
import { addText, setFitted, shrinkToFit } from './text.ts';
import { Baked } from './baked.ts';
import { TitledPanel } from './titled-panel.ts';

// Four gauges: uptime, revenue lost, customers affected, stakeholder sentiment. Arcs where they
// fit with whole words, else rows of name, bar, value and state word (layout.ts, gaugePlan).
// A changing value sweeps to its new level and a worsening one flashes its gauge.

const SEVERITY_COLOUR: Record<Severity, number> = { ok: PALETTE.good, warn: PALETTE.warn, bad: PALETTE.bad };
const SWEEP_START = Math.PI * 0.75;
const SWEEP = Math.PI * 1.5;

interface GaugeView {
  id: Vital['id'];
  cell: Rect;
  /** Where its parts go (layout.ts computes them; the tests check them). */
  spots: GaugeSpots;
  /** The arc, or the row's bar. */
  arc: Baked;
  flash: Phaser.GameObjects.Graphics;
  value: Phaser.GameObjects.Text;
  label: Phaser.GameObjects.Text;
  sub: Phaser.GameObjects.Text;
  word: Phaser.GameObjects.Text;
  /** What the arc or bar shows now; tweened towards the vital's fill. */
  shown: number;
  shownValue: number;
  severity: Severity;
  valueText: string;
  tween: Phaser.Tweens.Tween | null;
}

/** The smallest change of an arc's fill (its share of the sweep) worth animating. */
const VISIBLE_MOVE = 0.02;

export class Gauges extends TitledPanel implements Widget {
  private gauges: GaugeView[] = [];
  private plan: GaugePlan | null = null;

  constructor(ctx: RoomContext) {
    super(ctx, ctx.words('panel.vitals'));
  }

  update(frame: RoomFrame, changes: ViewChanges): void {
    if (changes.reset) {
      this.rebuild(frame);
      return;
    }
    const vitals = frame.view ? vitalsOf(frame.view, frame.scenario, this.ctx.lang) : [];
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
      // A creep too small for the arc to be seen moving steps there: a count-up repaints the
      // arc and the figure every frame (with software GL, frames that missed the display's).
      const creep = !worse && Math.abs(vital.fill - g.shown) < VISIBLE_MOVE;
      if (!frame.motion || creep) {
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
      this.ctx.moveWhile(g.tween, g.arc.image, g.value);
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
    this.plan = plan;
    drawPanel(this.frameG.begin(rect), rect, { title: plan.titled });
    this.frameG.commit();
    this.title.setVisible(plan.titled).setFontSize(Math.round(11 * this.ui)).setPosition(rect.x + 18, rect.y + 13 - this.title.height / 2);

    const vitals = frame.view ? vitalsOf(frame.view, frame.scenario, this.ctx.lang) : placeholderVitals();
    vitals.forEach((vital, i) => {
      const cell = plan.cells[i]!;
      const arc = new Baked(scene, dpr);
      const flash = scene.add.graphics();
      const value = addText(scene, dpr, 0, 0, '', { size: plan.px, colour: PALETTE.text, bold: true, mono: true });
      const label = addText(scene, dpr, 0, 0, '', { size: plan.px, colour: PALETTE.textDim, bold: true, caps: true });
      const sub = addText(scene, dpr, 0, 0, '', { size: plan.px, colour: PALETTE.textDim });
      const word = addText(scene, dpr, 0, 0, '', { size: plan.px, colour: PALETTE.textFaint, bold: true, caps: true });
      this.root.add([flash, arc.image, value, label, sub, word]);
      const g: GaugeView = { id: vital.id, cell, spots: gaugeSpots(plan, cell), arc, flash, value, label, sub, word, shown: vital.fill, shownValue: vital.value, severity: vital.severity, valueText: '', tween: null };
      this.gauges.push(g);
      this.paintArc(g, vital);
      this.setTexts(g, vital, frame);
      this.setValue(g, vital, frame);
    });
  }

  private paintArc(g: GaugeView, vital: Vital): void {
    if (this.plan?.kind === 'rows') {
      this.paintBar(g, vital);
      return;
    }
    const { cx, cy } = g.spots;
    const r = this.plan?.r ?? 0;
    const width = arcStroke(r);
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

  /** A row's bar: the track, and the filled share in the state's colour. */
  private paintBar(g: GaugeView, vital: Vital): void {
    const bar = g.spots.bar!;
    const d = g.arc.begin(bar);
    d.fillStyle(PALETTE.panelEdge, 1);
    d.fillRoundedRect(bar.x, bar.y, bar.w, bar.h, bar.h / 2);
    const fill = Math.min(1, Math.max(0, g.shown));
    if (fill > 0.002) {
      d.fillStyle(SEVERITY_COLOUR[vital.severity], 1);
      d.fillRoundedRect(bar.x, bar.y, Math.max(bar.h, bar.w * fill), bar.h, bar.h / 2);
    }
    g.arc.commit();
  }

  private setValue(g: GaugeView, vital: Vital, frame: RoomFrame): void {
    const currency = frame.view?.currency ?? 'EUR';
    const text = frame.view ? valueText(vital.id, g.shownValue, currency, this.ctx.lang) : '—';
    // A tween asks many times a second; re-rendering an unchanged Text would be wasted work.
    if (text === g.valueText || !this.plan) return;
    g.valueText = text;
    g.value.setText(text);
    const box = g.spots.value;
    if (this.plan.kind === 'rows') {
      // Right-aligned in its column, so the figures line up.
      shrinkToFit(g.value, box.w, this.plan.px + 2, this.plan.px);
      g.value.setPosition(box.x + box.w - g.value.width, g.spots.cy - g.value.height / 2);
      return;
    }
    shrinkToFit(g.value, box.w, Math.min(22, this.plan.r * 0.56), this.plan.px);
    g.value.setPosition(g.spots.cx - g.value.width / 2, g.spots.cy - g.value.height / 2);
  }

  private setTexts(g: GaugeView, vital: Vital, frame: RoomFrame): void {
    const plan = this.plan;
    if (!plan) return;
    const colour = SEVERITY_COLOUR[vital.severity];
    const { name, word, sub } = g.spots;
    // The plan chose forms that fit whole; setFitted only guards a font wider than estimated.
    setFitted(g.label, (plan.shortNames ? vital.shortLabel : vital.label).toUpperCase(), name.w);
    g.word.setColor(css(vital.severity === 'ok' ? PALETTE.textFaint : colour));
    setFitted(g.word, severityWord(vital, plan.shortWords, this.ctx.lang).toUpperCase(), word.w);
    // Under an arc the words are centred; beside it and in a row they start at their column.
    const centred = plan.kind === 'dials' && !plan.beside;
    const place = (t: Phaser.GameObjects.Text, box: Rect): void => {
      t.setPosition(centred ? box.x + (box.w - t.width) / 2 : box.x, box.y + (box.h - t.height) / 2);
    };
    place(g.label, name);
    place(g.word, word);
    // The detail line ("4/6 services up") shows only where it fits whole.
    g.sub.setText(sub ? subText(vital, frame, this.ctx) : '');
    g.sub.setVisible(sub !== null && g.sub.width <= sub.w);
    if (sub) place(g.sub, sub);
  }

  private flash(g: GaugeView, vital: Vital): void {
    const { scene } = this.ctx;
    const colour = vital.id === 'uptime' || vital.severity !== 'ok' ? PALETTE.bad : PALETTE.warn;
    g.flash.clear();
    g.flash.fillStyle(colour, 0.28);
    if (this.plan?.kind === 'rows') g.flash.fillRoundedRect(g.cell.x, g.cell.y, g.cell.w, g.cell.h, 4);
    else g.flash.fillCircle(g.spots.cx, g.spots.cy, (this.plan?.r ?? 0) * 1.35);
    g.flash.setAlpha(1);
    scene.tweens.killTweensOf(g.flash);
    scene.tweens.add({ targets: g.flash, alpha: 0, duration: 900, ease: 'Quad.easeOut', onComplete: () => g.flash.clear() });
  }
}

const rank = (s: Severity): number => (s === 'ok' ? 0 : s === 'warn' ? 1 : 2);

function subText(vital: Vital, frame: RoomFrame, ctx: RoomContext): string {
  const view = frame.view;
  if (!view) return '';
  switch (vital.id) {
    case 'uptime': {
      const up = view.services.filter((s) => s.effective !== 'down').length;
      return ctx.words('servicesUp', { up, total: view.services.length });
    }
    case 'revenue':
      return ctx.words('atRisk', { amount: formatMoney(frame.scenario?.stakes.revenueAtRisk ?? 0, view.currency, ctx.lang) });
    case 'customers':
      return ctx.words('customersOf', { total: formatCompact(frame.scenario?.company.customers ?? 0, ctx.lang), share: formatPercent(vital.fill, ctx.lang) });
    case 'sentiment':
      return ctx.words('moodOverall', { mood: moodLabel(moodOf(vital.value), ctx.lang) });
    default: {
      const unreachable: never = vital.id;
      return unreachable;
    }
  }
}

function valueText(id: Vital['id'], value: number, currency: string, lang: Lang): string {
  switch (id) {
    case 'uptime':
      return formatPercent(value, lang);
    case 'revenue':
      return formatMoney(value, currency, lang);
    case 'customers':
      return formatCompact(value, lang);
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
