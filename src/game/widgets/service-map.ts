import type * as Phaser from 'phaser';
import type { GameView } from '../../engine/view.ts';
import type { ServiceStatusName } from '../../scenarios/schema.ts';
import { iconTexture } from '../assets.ts';
import type { ViewChanges } from '../changes.ts';
import { serviceKind } from '../kinds.ts';
import { dependencyCurve, mapBody, mapTitled, nodeNameRoom, NODE_NAME_PX, NODE_TWO_LINES_H, pointOnCurve, type Curve, type MapOrientation, type NodeBox, type Rect } from '../layout.ts';
import { fittedServiceMap } from '../map-fit.ts';
import { mix, PALETTE, STATUS_COLOUR } from '../palette.ts';
import type { PanelStyle, RoomContext, RoomFrame, Widget } from '../room.ts';
import { drawStatusIcon } from './icons.ts';
import { drawPanel } from './panel.ts';
import { addText, setFitted, setWrapped } from './text.ts';
import { Baked } from './baked.ts';
import { Halo } from './halo.ts';
import { TitledPanel } from './titled-panel.ts';

// The company's systems and what depends on what. Status is told three ways: colour, icon
// shape and a word. Data flows along healthy connectors; a broken dependency goes dashed red.

type Service = GameView['services'][number];

/** A service's status in the room's words, whole or short. */
const statusWord = (ctx: RoomContext, status: ServiceStatusName, short = false): string => ctx.words(`status.${status}${short ? '.short' : ''}` as `status.${ServiceStatusName}`);

interface NodeView {
  id: string;
  box: NodeBox;
  root: Phaser.GameObjects.Container;
  glow: Halo;
  card: Baked;
  painted: string;
  name: Phaser.GameObjects.Text;
  status: Phaser.GameObjects.Text;
  /** full: name (maybe two lines) over status; tight: two small lines; single: one line. */
  density: 'full' | 'single';
  glowTween: Phaser.Tweens.Tween | null;
}

interface EdgeView {
  from: string;
  to: string;
  curve: Curve;
  dots: Phaser.GameObjects.Image[];
  phase: number;
}

export const DOT_TEXTURE = 'war-room-dot';
/** How far a down service's halo reaches beyond its card, CSS pixels. */
const HALO_BAND = 12;

export class ServiceMap extends TitledPanel implements Widget {
  private readonly edgesG: Baked;
  private edgesPainted = '';
  private readonly hint: Phaser.GameObjects.Text;
  private legendLeft = 0;
  private readonly legend: Phaser.GameObjects.Container;
  private readonly dotLayer: Phaser.GameObjects.Container;
  private readonly nodeLayer: Phaser.GameObjects.Container;
  private nodes = new Map<string, NodeView>();
  private edges: EdgeView[] = [];
  private signature = '';

  constructor(ctx: RoomContext) {
    super(ctx, ctx.words('panel.map'));
    const { scene, dpr } = ctx;
    this.edgesG = new Baked(scene, dpr);
    this.hint = addText(scene, ctx.dpr, 0, 0, '', { size: 10, colour: PALETTE.textFaint });
    this.legend = scene.add.container(0, 0);
    this.dotLayer = scene.add.container(0, 0);
    this.nodeLayer = scene.add.container(0, 0);
    this.root.add([this.hint, this.legend, this.edgesG.image, this.dotLayer, this.nodeLayer]);
    ctx.keepMoving(this.dotLayer);
  }

  update(frame: RoomFrame, changes: ViewChanges): void {
    const services = frame.view?.services ?? [];
    if (changes.reset || this.signatureOf(services) !== this.signature) {
      this.rebuild(frame);
      return;
    }
    for (const s of services) this.paintNode(s, frame.motion);
    this.paintEdges(services);
    if (!frame.motion) return;
    for (const change of changes.services) {
      const node = this.nodes.get(change.id);
      if (node) this.pulse(node, change.to);
    }
  }

  tick(time: number, _delta: number, frame: RoomFrame): void {
    const byId = new Map((frame.view?.services ?? []).map((s) => [s.id, s]));
    for (const edge of this.edges) {
      const source = byId.get(edge.from);
      const status = source?.effective ?? 'up';
      const flowing = status !== 'down';
      // Degraded links trickle; healthy ones stream.
      const period = status === 'degraded' ? 5200 : 2600;
      edge.dots.forEach((dot, i) => {
        dot.setVisible(flowing && !frame.paused);
        if (!flowing) return;
        const t = (time / period + edge.phase + i / edge.dots.length) % 1;
        const p = pointOnCurve(edge.curve, t);
        dot.setPosition(p.x, p.y);
        dot.setAlpha(Math.sin(t * Math.PI) * 0.95);
      });
    }
  }

  destroy(): void {
    this.clearNodes();
    this.frameG.destroy();
    this.edgesG.destroy();
    this.root.destroy(true);
  }

  private clearNodes(): void {
    for (const n of this.nodes.values()) {
      n.glowTween?.remove();
      this.ctx.scene.tweens.killTweensOf(n.root);
      n.card.destroy();
      n.glow.destroy();
    }
    this.nodeLayer.removeAll(true);
    this.nodes.clear();
  }

  private signatureOf(services: readonly Service[]): string {
    return services.map((s) => `${s.id}:${s.name}>${s.dependsOn.join(',')}`).join('|');
  }

  protected rebuild(frame: RoomFrame): void {
    const { scene } = this.ctx;
    this.clearNodes();
    this.dotLayer.removeAll(true);
    this.legend.removeAll(true);
    this.edges = [];
    this.edgesPainted = '';
    const services = frame.view?.services ?? [];
    this.signature = this.signatureOf(services);
    const rect = this.rect;
    if (!rect) {
      this.frameG.hide();
      this.edgesG.hide();
      return;
    }

    const g = this.frameG.begin(rect);
    const titled = mapTitled(rect, this.titled);
    drawPanel(g, rect, { title: titled });
    this.title.setVisible(titled).setFontSize(Math.round(11 * this.ui)).setPosition(rect.x + 18, rect.y + 13 - this.title.height / 2);
    if (titled) this.drawLegend(rect, g);
    this.frameG.commit();

    const body = mapBody(rect, this.titled);
    // The layered drawing when every name shows whole in it, else a list-like grid (map-fit.ts).
    const plan = fittedServiceMap(services, body, this.ui);
    this.axisHint(rect, titled && services.length > 1 ? plan.orientation : null);
    const layered = plan.orientation === 'grid' ? null : plan.orientation;
    const byId = new Map(services.map((s) => [s.id, s]));
    const boxes = new Map(plan.nodes.map((n) => [n.id, n]));

    // The grid has no connectors: its cells are not laid out along the dependencies.
    for (const s of layered ? services : []) {
      for (const dep of s.dependsOn) {
        const from = boxes.get(dep);
        const to = boxes.get(s.id);
        if (!from || !to || dep === s.id || !layered) continue;
        const curve = dependencyCurve(from, to, layered);
        const dots = [0, 1, 2].map(() => {
          const dot = scene.add.image(curve.x0, curve.y0, DOT_TEXTURE).setDisplaySize(9 * this.ui, 9 * this.ui).setVisible(false);
          this.dotLayer.add(dot);
          return dot;
        });
        this.edges.push({ from: dep, to: s.id, curve, dots, phase: ((this.edges.length * 0.37) % 1 + 1) % 1 });
      }
    }
    for (const box of plan.nodes) {
      const s = byId.get(box.id);
      if (s) this.createNode(s, box);
    }
    for (const s of services) this.paintNode(s, frame.motion);
    this.paintEdges(services);
  }

  /** Says which way dependencies run, when the title bar has room for it. */
  private axisHint(rect: Rect, orientation: MapOrientation | null): void {
    const words = this.ctx.words;
    const text = orientation === 'columns' ? words('map.axisColumns') : orientation === 'rows' || orientation === 'grid' ? words('map.axisRows') : '';
    this.hint.setFontSize(Math.round(10 * this.ui)).setText(text);
    this.hint.setPosition(this.title.x + this.title.width + 12, rect.y + 13 - this.hint.height / 2);
    const legendLeft = this.legendLeft;
    this.hint.setVisible(text !== '' && this.hint.x + this.hint.width + 12 < legendLeft);
  }

  private drawLegend(rect: Rect, g: Phaser.GameObjects.Graphics): void {
    const { scene, dpr } = this.ctx;
    const size = Math.round(10 * this.ui);
    const y = rect.y + 13;
    const statuses: ServiceStatusName[] = ['down', 'degraded', 'up'];
    const words = statuses.map((status) => addText(scene, dpr, 0, 0, statusWord(this.ctx, status), { size, colour: PALETTE.textDim }));
    const iconR = 5 * this.ui;
    const total = words.reduce((sum, t) => sum + t.width + iconR * 2 + 5 + 14 * this.ui, 0);
    const right = rect.x + rect.w - 10;
    // Leave the legend out when it would run into the title.
    if (right - total <= this.title.x + this.title.width + 8) {
      for (const t of words) t.destroy();
      this.legendLeft = right;
      return;
    }
    let x = right;
    statuses.forEach((status, i) => {
      const t = words[i]!;
      x -= t.width;
      t.setPosition(x, y - t.height / 2);
      x -= iconR + 5;
      drawStatusIcon(g, status, x, y, iconR, STATUS_COLOUR[status]);
      x -= iconR + 14 * this.ui;
      this.legend.add(t);
    });
    this.legendLeft = x;
  }

  private createNode(s: Service, box: NodeBox): void {
    const { scene, dpr } = this.ctx;
    // Two lines of 12 px text fit from NODE_TWO_LINES_H up; below that, one line.
    const density = box.h >= NODE_TWO_LINES_H ? 'full' : 'single';
    const root = scene.add.container(box.x + box.w / 2, box.y + box.h / 2);
    const glow = new Halo(scene, dpr);
    const card = new Baked(scene, dpr);
    const name = addText(scene, dpr, 0, 0, s.name, { size: NODE_NAME_PX * this.ui, colour: PALETTE.text, bold: true });
    const status = addText(scene, dpr, 0, 0, '', { size: 12 * this.ui, colour: PALETTE.textDim, bold: true, caps: true });
    root.add([glow.root, card.image]);
    // What kind of system it is (assets/icons/), faint at the card's right end: a watermark the
    // words may run over, so it takes no room from them.
    const icon = iconTexture(serviceKind(s));
    const iconSize = Math.min(box.h - 8, 30 * this.ui);
    if (scene.textures.exists(icon) && iconSize >= 14) {
      root.add(scene.add.image(box.w / 2 - 6 - iconSize / 2, 0, icon).setDisplaySize(iconSize, iconSize).setTint(PALETTE.accent).setAlpha(0.3));
    }
    root.add([name, status]);
    this.nodeLayer.add(root);
    this.nodes.set(s.id, { id: s.id, box, root, glow, card, painted: '', name, status, density, glowTween: null });
  }

  private paintNode(s: Service, motion: boolean): void {
    const node = this.nodes.get(s.id);
    if (!node) return;
    const { box, name, status, density } = node;
    const compact = density !== 'full';
    const look = `${s.status}/${s.effective}/${motion}`;
    if (node.painted === look) return;
    node.painted = look;
    const colour = STATUS_COLOUR[s.effective];
    const w = box.w;
    const h = box.h;
    const left = -w / 2;
    const top = -h / 2;
    const radius = Math.min(8, h / 3);

    const card = node.card.begin({ x: left - 1, y: top - 1, w: w + 2, h: h + 2 });
    card.fillStyle(s.effective === 'up' ? PALETTE.panelRaised : mix(PALETTE.panelRaised, colour, 0.14), 1);
    card.fillRoundedRect(left, top, w, h, radius);
    card.fillStyle(colour, 1);
    card.fillRoundedRect(left, top, Math.min(5, w / 8), h, { tl: radius, bl: radius, tr: 0, br: 0 });
    card.lineStyle(s.effective === 'up' ? 1 : 1.5, colour, s.effective === 'up' ? 0.45 : 0.95);
    card.strokeRoundedRect(left + 0.5, top + 0.5, w - 1, h - 1, radius);
    const iconR = Math.max(5, Math.min(10, h * 0.22));
    const iconX = left + 8 + iconR + 2;
    drawStatusIcon(card, s.effective, iconX, 0, iconR, colour);
    node.card.commit();

    const textX = iconX + iconR + 7;
    const room = nodeNameRoom(box, this.ui);
    const textW = room.width;
    const word = statusWord(this.ctx, s.effective) + (s.effective !== s.status ? this.ctx.words('upstream') : '');
    status.setColor(`#${colour.toString(16).padStart(6, '0')}`);
    if (density === 'single') {
      // One line: the whole name comes first; the status word joins it where it fits (the icon
      // and the colour say the status anyway).
      status.setFontSize(Math.round(Math.max(8.5, 9.5 * this.ui)));
      status.setText(statusWord(this.ctx, s.effective).toUpperCase());
      if (status.width > textW * 0.5) status.setText(statusWord(this.ctx, s.effective, true));
      name.setText(s.name);
      const beside = name.width + 6 + status.width <= textW;
      status.setVisible(beside);
      if (!beside) setFitted(name, s.name, textW);
      name.setPosition(textX, -name.height / 2);
      status.setPosition(w / 2 - 6 - status.width, -status.height / 2);
    } else {
      // Long names wrap rather than being cut, on as many lines as the card has room for.
      setWrapped(name, s.name, textW, room.lines);
      // "DOWN · UPSTREAM" where it fits, else the status alone rather than "DOWN · U…" (the
      // systems list beside the room says what a service is waiting on).
      status.setText(word.toUpperCase());
      setFitted(status, status.width <= textW ? word.toUpperCase() : statusWord(this.ctx, s.effective).toUpperCase(), textW);
      const withStatus = name.height + status.height <= h - 4;
      status.setVisible(withStatus);
      const block = name.height + (withStatus ? status.height : 0);
      name.setPosition(textX, -block / 2);
      status.setPosition(textX, -block / 2 + name.height);
    }

    node.glowTween?.remove();
    node.glowTween = null;
    node.glow.root.setAlpha(1);
    if (s.effective === 'down') {
      // A halo of outlines rather than a filled glow: only the strokes' pixels are drawn, within
      // HALO_BAND of its edge.
      node.glow.paint({ x: left - HALO_BAND, y: top - HALO_BAND, w: w + 2 * HALO_BAND, h: h + 2 * HALO_BAND }, HALO_BAND, (glow) => {
        for (let i = 1; i <= (compact ? 1 : 3); i++) {
          glow.lineStyle(2, colour, 0.5 - i * 0.12);
          glow.strokeRoundedRect(left - i * 3, top - i * 3, w + i * 6, h + i * 6, radius + i * 3);
        }
      });
      if (motion) {
        node.glowTween = this.ctx.scene.tweens.add({ targets: node.glow.root, alpha: 0.3, duration: 900, yoyo: true, repeat: -1, ease: 'Sine.easeInOut' });
      }
    } else {
      node.glow.hide();
    }
  }

  private paintEdges(services: readonly Service[]): void {
    const byId = new Map(services.map((s) => [s.id, s]));
    // No connectors (a grid, or no dependencies): nothing of an earlier layout may stay drawn.
    if (this.edges.length === 0 || !this.rect) {
      // Hidden once: hiding marks the static layer for a re-bake.
      if (this.edgesG.image.visible) this.edgesG.hide();
      return;
    }
    const look = this.edges.map((e) => byId.get(e.from)?.effective ?? 'up').join(',');
    if (look === this.edgesPainted) return;
    this.edgesPainted = look;
    const g = this.edgesG.begin(this.rect);
    for (const edge of this.edges) {
      const status = byId.get(edge.from)?.effective ?? 'up';
      const colour = status === 'up' ? PALETTE.accentSoft : STATUS_COLOUR[status];
      const points = Array.from({ length: 33 }, (_, i) => pointOnCurve(edge.curve, i / 32));
      g.lineStyle(status === 'up' ? 2 : 2.5, colour, status === 'up' ? 0.9 : 0.95);
      if (status === 'down') {
        // Dashed: the link is broken, not merely coloured differently.
        for (let i = 0; i < points.length - 1; i += 2) g.lineBetween(points[i]!.x, points[i]!.y, points[i + 1]!.x, points[i + 1]!.y);
      } else {
        g.beginPath();
        points.forEach((p, i) => (i === 0 ? g.moveTo(p.x, p.y) : g.lineTo(p.x, p.y)));
        g.strokePath();
      }
      // An arrowhead at the dependant's end: the direction the service flows.
      const end = points[points.length - 1]!;
      const before = points[points.length - 4]!;
      const a = Math.atan2(end.y - before.y, end.x - before.x);
      const k = 7 * this.ui;
      g.fillStyle(colour, 1);
      g.fillTriangle(end.x, end.y, end.x - Math.cos(a - 0.45) * k, end.y - Math.sin(a - 0.45) * k, end.x - Math.cos(a + 0.45) * k, end.y - Math.sin(a + 0.45) * k);
      g.fillCircle(edge.curve.x0, edge.curve.y0, 2.5 * this.ui);
      for (const dot of edge.dots) dot.setTint(status === 'degraded' ? PALETTE.warn : PALETTE.accent);
    }
    this.edgesG.commit();
  }

  private pulse(node: NodeView, to: ServiceStatusName): void {
    const { scene } = this.ctx;
    const colour = STATUS_COLOUR[to];
    const ring = scene.add.graphics();
    const { w, h } = node.box;
    ring.lineStyle(3, colour, 1);
    ring.strokeRoundedRect(-w / 2, -h / 2, w, h, Math.min(8, h / 3));
    node.root.addAt(ring, 0);
    scene.tweens.add({ targets: ring, scaleX: 1 + 24 / w, scaleY: 1 + 24 / h, alpha: 0, duration: 850, ease: 'Cubic.easeOut', onComplete: () => ring.destroy() });
    scene.tweens.killTweensOf(node.root);
    node.root.setScale(1).setX(node.box.x + node.box.w / 2);
    if (to === 'down') {
      // A shudder: the service just broke.
      scene.tweens.add({ targets: node.root, x: node.root.x + 4, duration: 50, yoyo: true, repeat: 4, ease: 'Sine.easeInOut' });
    } else {
      scene.tweens.add({ targets: node.root, scale: 1.07, duration: 160, yoyo: true, ease: 'Quad.easeOut' });
    }
  }
}
