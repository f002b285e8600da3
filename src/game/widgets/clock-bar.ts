import type * as Phaser from 'phaser';
import type { ViewChanges } from '../changes.ts';
import { DecisionCountdown, type RingState } from '../countdown.ts';
import { clockReadout } from '../../store/format.ts';
import { formatRingTime } from '../format.ts';
import { clockBarPlan, PILL_LABELS, type ClockBarPlan, type Rect } from '../layout.ts';
import { css, PALETTE } from '../palette.ts';
import type { PanelStyle, RoomContext, RoomFrame, Widget } from '../room.ts';
import { drawPanel } from './panel.ts';
import { addText, setWrapped } from './text.ts';
import { Baked } from './baked.ts';

// The header: a radar mark, the scenario, the company's local time ("Sun 04:10") with T+ under
// it (T+ alone when the setting names no time), whether time runs and how fast, and the decision countdown as a ring that empties as the deadline nears.

/** Under the local time: how long the incident has run. */

export class ClockBar implements Widget {
  private readonly root: Phaser.GameObjects.Container;
  private readonly frameG: Baked;
  private readonly sweep: Baked;
  private readonly brand: Phaser.GameObjects.Text;
  private readonly title: Phaser.GameObjects.Text;
  private readonly clock: Phaser.GameObjects.Text;
  private readonly clockCaption: Phaser.GameObjects.Text;
  private readonly pill: Baked;
  private pillLook = '';
  private readonly pillText: Phaser.GameObjects.Text;
  private readonly ring: Baked;
  private readonly ringText: Phaser.GameObjects.Text;
  private readonly ringCaption: Phaser.GameObjects.Text;
  private readonly countdown = new DecisionCountdown();
  private rect: Rect | null = null;
  private ui = 1;
  private ringAt = { x: 0, y: 0, r: 16 };
  private pillAt = { x: 0, y: 0 };
  private compact = false;
  private plan: ClockBarPlan | null = null;
  private lastRing: RingState = { kind: 'idle', fraction: 0, remaining: null };
  private shownFraction = 0;
  private ringTween: Phaser.Tweens.Tween | null = null;

  constructor(private readonly ctx: RoomContext) {
    const { scene, dpr } = ctx;
    this.root = scene.add.container(0, 0);
    this.frameG = new Baked(scene, dpr);
    this.sweep = new Baked(scene, dpr);
    this.brand = addText(scene, dpr, 0, 0, 'War Room', { size: 15, colour: PALETTE.text, bold: true, caps: true });
    this.title = addText(scene, dpr, 0, 0, '', { size: 12, colour: PALETTE.textDim });
    this.clock = addText(scene, dpr, 0, 0, 'T+00:00', { size: 26, colour: PALETTE.text, bold: true, mono: true });
    this.clockCaption = addText(scene, dpr, 0, 0, ctx.words('gameClock'), { size: 9.5, colour: PALETTE.textFaint, bold: true, caps: true });
    this.pill = new Baked(scene, dpr);
    this.pillText = addText(scene, dpr, 0, 0, '', { size: 10, colour: PALETTE.background, bold: true, caps: true });
    this.ring = new Baked(scene, dpr);
    this.ringText = addText(scene, dpr, 0, 0, '', { size: 12, colour: PALETTE.text, bold: true, mono: true });
    this.ringCaption = addText(scene, dpr, 0, 0, '', { size: 10, colour: PALETTE.textDim, bold: true, caps: true });
    this.root.add([this.frameG.image, this.sweep.image, this.brand, this.title, this.clock, this.clockCaption, this.pill.image, this.pillText, this.ring.image, this.ringText, this.ringCaption]);
    ctx.keepMoving(this.sweep.image);
  }

  layout(rect: Rect | null, style: PanelStyle, frame: RoomFrame): void {
    const ui = style.ui;
    this.rect = rect;
    this.ui = ui;
    this.root.setVisible(rect !== null);
    this.pillLook = '';
    if (!rect) return;
    this.compact = rect.h < 50;
    const midY = rect.y + rect.h / 2;
    this.brand.setFontSize(Math.round(15 * ui));
    this.title.setFontSize(Math.round(12 * ui));
    this.clock.setFontSize(Math.round((this.compact ? 21 : 26) * ui));
    this.clockCaption.setFontSize(Math.round(9.5 * ui));
    this.pillText.setFontSize(Math.round(10 * ui));
    this.ringCaption.setFontSize(Math.round(10 * ui));
    // Measure the widest each text may read, then let the pure plan place them (layout.ts).
    const widest = (t: Phaser.GameObjects.Text, texts: readonly string[]): number => {
      const shown = t.text;
      const w = Math.max(...texts.map((x) => t.setText(x).width));
      t.setText(shown);
      return w;
    };
    const widestClock = widest(this.clock, ['Wed 88:88', 'T+888:88']);
    const words = this.ctx.words;
    const widestCaption = this.compact ? 0 : widest(this.clockCaption, [words('sinceItBegan', { elapsed: 'T+888:88' }).toUpperCase()]) + 1;
    const plan = clockBarPlan(rect, ui, {
      brand: this.brand.width,
      clock: Math.max(widestClock, widestCaption),
      pill: widest(this.pillText, PILL_LABELS.map((l) => l.toUpperCase())) + 22,
      ringCaption: widest(this.ringCaption, [words('ring.timed'), words('ring.open'), words('ring.none')].map((c) => c.toUpperCase())),
    });
    this.plan = plan;
    const frameG = this.frameG.begin({ x: rect.x - 2, y: rect.y - 2, w: rect.w + 4, h: rect.h + 4 });
    // A dark plate under the clock and its small caption: the backdrop's charts ran behind them.
    if (!this.compact) drawPanel(frameG, rect, { plate: 0.75 });

    // Radar mark: rings baked with the panel, the sweep is its own image so it can turn.
    const rr = plan.radar.r;
    const rx = plan.radar.x;
    frameG.fillStyle(PALETTE.accentSoft, 0.25);
    frameG.fillCircle(rx, midY, rr);
    frameG.lineStyle(1.5, PALETTE.accent, 0.9);
    frameG.strokeCircle(rx, midY, rr);
    frameG.lineStyle(1, PALETTE.accent, 0.45);
    frameG.strokeCircle(rx, midY, rr * 0.6);
    frameG.lineBetween(rx - rr, midY, rx + rr, midY);
    frameG.lineBetween(rx, midY - rr, rx, midY + rr);
    this.frameG.commit();
    const sweep = this.sweep.begin({ x: -rr - 1, y: -rr - 1, w: 2 * rr + 2, h: 2 * rr + 2 });
    for (let i = 0; i < 6; i++) {
      sweep.fillStyle(PALETTE.accent, 0.07 * (i + 1));
      sweep.slice(0, 0, rr - 1, -0.9 + i * 0.15, 0, false);
      sweep.fillPath();
    }
    sweep.fillStyle(PALETTE.accent, 1);
    sweep.fillCircle(rr * 0.55, -rr * 0.35, 1.8);
    this.sweep.commit();
    // Rotation turns the image around its origin, so the origin sits at the radar's centre.
    this.sweep.image.setOrigin(0.5, 0.5).setPosition(rx, midY);

    // Right end: the decision ring and its caption.
    this.ringAt = { x: plan.ring.x, y: midY, r: plan.ring.r };

    const x = plan.clockX;
    this.brand.setVisible(plan.brand);
    this.title.setVisible(plan.brand);
    if (plan.brand) {
      const bx = rx + rr + 12;
      this.brand.setPosition(bx, midY - this.brand.height + 2);
      this.title.setPosition(bx, midY + 1);
    }
    if (this.compact) {
      this.clock.setPosition(x, midY - this.clock.height / 2);
      this.clockCaption.setVisible(false);
    } else {
      const block = this.clock.height + this.clockCaption.height - 6;
      this.clock.setPosition(x, midY - block / 2 - 1);
      this.clockCaption.setVisible(true).setPosition(x + 1, this.clock.y + this.clock.height - 6);
    }
    this.pillAt = { x: plan.pillX, y: midY };
    this.titleRoom(frame);
    this.paint(frame, false);
  }

  update(frame: RoomFrame, _changes: ViewChanges): void {
    this.titleRoom(frame);
    this.paint(frame, frame.motion);
  }

  tick(time: number, _delta: number, frame: RoomFrame): void {
    // The radar keeps sweeping while game time runs.
    if (!frame.paused) this.sweep.image.setRotation((time / 1400) % (Math.PI * 2));
  }

  destroy(): void {
    this.ringTween?.remove();
    for (const b of [this.frameG, this.sweep, this.pill, this.ring]) b.destroy();
    this.root.destroy(true);
  }

  private titleRoom(frame: RoomFrame): void {
    if (!this.plan?.brand || !this.rect) return;
    // Under the brand: what is happening now (the beat), else the scenario's title. A title too
    // long for one line takes two in the brand's place; one too long for two is left out (the
    // page shows it), never cut (layout.ts's headerTitleLines is the same rule, estimated).
    const view = frame.view;
    const text = view?.ending?.title ?? view?.beat?.title ?? view?.title ?? frame.scenario?.title ?? this.ctx.words('standingBy');
    const midY = this.rect.y + this.rect.h / 2;
    this.title.setText(text);
    const oneLine = this.title.width <= this.plan.titleW;
    if (!oneLine) setWrapped(this.title, text, this.plan.titleW, 2);
    const whole = oneLine || this.title.text.replace(/\s+/g, ' ') === text.replace(/\s+/g, ' ');
    this.title.setVisible(whole);
    this.brand.setVisible(oneLine || !whole);
    if (oneLine) this.title.setPosition(this.brand.x, midY + 1);
    else this.title.setPosition(this.brand.x, midY - this.title.height / 2);
  }

  private paint(frame: RoomFrame, animate: boolean): void {
    const view = frame.view;
    const readout = view ? clockReadout(view.localTime, view.clock) : null;
    this.clock.setText(readout ? readout.main : 'T+--:--');
    const words = this.ctx.words;
    this.clockCaption.setText(readout?.elapsed ? words('sinceItBegan', { elapsed: readout.elapsed }) : words('gameClock'));

    // Pill: whether the clock runs, and how fast.
    const running = view?.phase === 'incident';
    const label = !view
      ? words('pill.standby')
      : view.phase === 'ended'
        ? words('pill.ended')
        : frame.paused
          ? words('pill.paused')
          : running
            ? words('pill.live', { speed: String(frame.speed) })
            : words('pill.briefing');
    const colour = !running ? PALETTE.textFaint : frame.paused ? PALETTE.warn : PALETTE.good;
    this.pillText.setText(label.toUpperCase());
    const pw = this.pillText.width + 22;
    const ph = this.pillText.height + 4;
    const look = `${label}/${pw}/${this.pillAt.x}`;
    if (look !== this.pillLook) {
      this.pillLook = look;
      const pill = this.pill.begin({ x: this.pillAt.x, y: this.pillAt.y - ph / 2, w: pw, h: ph });
      pill.fillStyle(colour, 1);
      pill.fillRoundedRect(this.pillAt.x, this.pillAt.y - ph / 2, pw, ph, ph / 2);
      // A pause glyph or a play triangle, so the state is not told by colour alone.
      pill.fillStyle(PALETTE.background, 1);
      const gx = this.pillAt.x + 9;
      if (frame.paused && running) {
        pill.fillRect(gx - 3, this.pillAt.y - 3.5, 2, 7);
        pill.fillRect(gx + 1, this.pillAt.y - 3.5, 2, 7);
      } else if (running) {
        pill.fillTriangle(gx - 3, this.pillAt.y - 4, gx - 3, this.pillAt.y + 4, gx + 4, this.pillAt.y);
      } else {
        pill.fillCircle(gx, this.pillAt.y, 3);
      }
      this.pill.commit();
    }
    this.pillText.setPosition(this.pillAt.x + 16, this.pillAt.y - this.pillText.height / 2);

    const ring = this.countdown.read(view);
    const sameDecision = ring.kind === 'timed' && this.lastRing.kind === 'timed' && ring.fraction <= this.shownFraction + 1e-6;
    this.lastRing = ring;
    this.ringTween?.remove();
    this.ringTween = null;
    if (animate && sameDecision && ring.fraction !== this.shownFraction) {
      const from = this.shownFraction;
      this.ringTween = this.ctx.scene.tweens.addCounter({
        from: 0,
        to: 1,
        duration: 450,
        ease: 'Sine.easeOut',
        onUpdate: (t) => {
          this.shownFraction = from + (ring.fraction - from) * (t.getValue() ?? 1);
          this.paintRing(ring);
        },
      });
      // Only the ring changes while it empties: its time and caption are the same words.
      this.ctx.moveWhile(this.ringTween, this.ring.image);
    } else {
      this.shownFraction = ring.fraction;
      this.paintRing(ring);
    }
  }

  private paintRing(ring: RingState): void {
    const { x, y, r } = this.ringAt;
    const width = Math.max(3, r * 0.22);
    const g = this.ring.begin({ x: x - r - width, y: y - r - width, w: 2 * (r + width), h: 2 * (r + width) });
    g.lineStyle(width, PALETTE.grid, 1);
    g.strokeCircle(x, y, r);
    const f = this.shownFraction;
    const colour = ring.kind !== 'timed' ? PALETTE.textFaint : f <= 0.25 ? PALETTE.bad : f <= 0.5 ? PALETTE.warn : PALETTE.accent;
    if (ring.kind !== 'idle' && f > 0.001) {
      g.lineStyle(width, colour, ring.kind === 'open' ? 0.5 : 1);
      g.beginPath();
      // The ring empties clockwise from twelve o'clock.
      g.arc(x, y, r, -Math.PI / 2, -Math.PI / 2 + Math.PI * 2 * f, false);
      g.strokePath();
    }
    this.ring.commit();
    const text = ring.kind === 'timed' ? formatRingTime(ring.remaining ?? 0) : ring.kind === 'open' ? '∞' : '–';
    this.ringText.setText(text).setFontSize(Math.round((text.length > 4 ? 9 : 12) * this.ui)).setColor(css(ring.kind === 'timed' ? PALETTE.text : PALETTE.textDim));
    this.ringText.setPosition(x - this.ringText.width / 2, y - this.ringText.height / 2);
    const caption = this.ctx.words(ring.kind === 'timed' ? 'ring.timed' : ring.kind === 'open' ? 'ring.open' : 'ring.none');
    this.ringCaption.setText(caption.toUpperCase()).setColor(css(ring.kind === 'timed' ? colour : PALETTE.textFaint));
    this.ringCaption.setPosition(x - r - 10 - this.ringCaption.width, y - this.ringCaption.height / 2);
    // Where the caption would collide with the pill, the ring alone stays.
    this.ringCaption.setVisible(this.plan?.ringCaption ?? false);
  }
}
