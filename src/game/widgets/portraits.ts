import type * as Phaser from 'phaser';
import type { GameView } from '../../engine/view.ts';
import { avatarLook, browLines, mouthPoints, type AvatarLook } from '../avatar.ts';
import { portraitTexture } from '../assets.ts';
import type { ViewChanges } from '../changes.ts';
import { PORTRAIT_FACE, portraitKinds, type PortraitKind } from '../kinds.ts';
import { LINE_H, portraitPlan, portraitsBody, portraitsTitled, type PortraitPlan, type Rect } from '../layout.ts';
import { moodOf, type Mood } from '../mood.ts';
import { moodWord } from '../words.ts';
import { CLOTHES_TONES, css, HAIR_TONES, mix, MOOD_COLOUR, PALETTE, SKIN_TONES } from '../palette.ts';
import type { PanelStyle, RoomContext, RoomFrame, Widget } from '../room.ts';
import { drawPanel } from './panel.ts';
import { addText, setFitted, setWrapped } from './text.ts';
import { Baked } from './baked.ts';
import { TitledPanel } from './titled-panel.ts';

// The people watching: one portrait per stakeholder, from assets/portraits/ by the kind of
// stakeholder (kinds.ts), or drawn by code if the file is missing. Mood shows in the mouth and
// brows drawn over the face, in the ring colour and in words; a change makes the face react and
// shows the swing.

type Stakeholder = GameView['stakeholders'][number];
type G = Phaser.GameObjects.Graphics;

interface Portrait {
  id: string;
  look: AvatarLook;
  /** Everything of this portrait, texts included, so a rebuild removes it all. */
  cell: Phaser.GameObjects.Container;
  /** The face, which bounces or shakes when the mood changes. */
  root: Phaser.GameObjects.Container;
  face: Baked;
  /** The portrait from assets/, under the face's ring and expression; null draws the face by code. */
  picture: Phaser.GameObjects.Image | null;
  painted: string;
  name: Phaser.GameObjects.Text;
  mood: Phaser.GameObjects.Text;
  r: number;
  /** Where the face sits (the root's x). */
  cx: number;
  /** The words' left edge beside the face, or null when they are centred under it. */
  textX: number | null;
  maxW: number;
}

export class Portraits extends TitledPanel implements Widget {
  private portraits: Portrait[] = [];
  private signature = '';

  constructor(ctx: RoomContext) {
    super(ctx, ctx.words('panel.stakeholders'));
  }

  update(frame: RoomFrame, changes: ViewChanges): void {
    const people = frame.view?.stakeholders ?? [];
    if (changes.reset || people.map((p) => p.id).join('|') !== this.signature) {
      this.rebuild(frame);
      return;
    }
    for (const person of people) {
      const p = this.portraits.find((x) => x.id === person.id);
      if (p) this.paint(p, person);
    }
    if (!frame.motion) return;
    for (const change of changes.sentiment) {
      const p = this.portraits.find((x) => x.id === change.id);
      if (p) this.react(p, change.by);
    }
  }

  destroy(): void {
    this.clear();
    this.frameG.destroy();
    this.root.destroy(true);
  }

  private clear(): void {
    for (const p of this.portraits) {
      this.ctx.scene.tweens.killTweensOf(p.root);
      p.face.destroy();
      p.cell.destroy();
    }
    this.portraits = [];
  }

  protected rebuild(frame: RoomFrame): void {
    this.clear();
    const people = frame.view?.stakeholders ?? frame.scenario?.stakeholders.map((s) => ({ ...s, start: s.sentiment })) ?? [];
    this.signature = people.map((p) => p.id).join('|');
    const rect = this.rect;
    if (!rect) {
      this.frameG.hide();
      return;
    }
    const titled = portraitsTitled(rect, this.titled);
    drawPanel(this.frameG.begin(rect), rect, { title: titled });
    this.frameG.commit();
    this.title.setVisible(titled).setFontSize(Math.round(11 * this.ui)).setPosition(rect.x + 18, rect.y + 13 - this.title.height / 2);
    const body = portraitsBody(rect, this.titled);
    if (people.length === 0) return;
    // Columns as wide as a name needs, rows after that; words keep 12 px and the faces get
    // what is left (see portraitPlan, which the layout test checks at the common screen sizes).
    const plan = portraitPlan(body, people.map((p) => p.name), 6, this.ui, this.ctx.lang);
    const kinds = portraitKinds(people);
    people.forEach((person, i) => this.portraits.push(this.create(person, kinds[i]!, plan.cells[i]!, plan)));
    for (const person of people) {
      const p = this.portraits.find((x) => x.id === person.id);
      if (p) this.paint(p, person);
    }
  }

  private create(person: Stakeholder, kind: PortraitKind, cell: Rect, plan: PortraitPlan): Portrait {
    const { scene, dpr } = this.ctx;
    const r = plan.r;
    // A short cell has its face at the left, the words beside it; else the face above the words.
    const cx = plan.beside ? cell.x + 2 + r : cell.x + cell.w / 2;
    const group = scene.add.container(0, 0);
    const root = scene.add.container(cx, plan.beside ? cell.y + cell.h / 2 : cell.y + r + 3);
    const face = new Baked(scene, dpr);
    const key = portraitTexture(kind);
    const picture = r > 0 && scene.textures.exists(key) ? scene.add.image(0, 0, key).setDisplaySize(2 * r * PICTURE_SHARE, 2 * r * PICTURE_SHARE) : null;
    if (picture) root.add(picture);
    root.add(face.image);
    root.setVisible(r > 0);
    const maxW = plan.textW;
    const textX = plan.beside ? cell.x + 2 * r + 10 : null;
    // The whole name, wrapped: groups ("Registered patients") and people alike.
    const name = addText(scene, dpr, 0, 0, '', { size: 12 * this.ui, colour: PALETTE.text, bold: true });
    setWrapped(name, person.name, maxW, plan.nameLines);
    let y = cell.y + (r > 0 ? r * 2 + 7 : 2);
    if (textX === null) {
      name.setAlign('center');
      name.setPosition(cx - name.width / 2, y);
    } else {
      // Beside the face: the name and the mood under it, centred on the face's height.
      y = cell.y + Math.max(0, (cell.h - name.height - LINE_H) / 2);
      name.setPosition(textX, y);
    }
    y += name.height;
    const mood = addText(scene, dpr, 0, y, '', { size: 12 * this.ui, colour: PALETTE.textDim, bold: true, caps: true });
    group.add([root, name, mood]);
    this.root.add(group);
    const look = avatarLook(person, { skin: SKIN_TONES, hair: HAIR_TONES, clothes: CLOTHES_TONES });
    return { id: person.id, look, cell: group, root, face, picture, painted: '', name, mood, r, cx, textX, maxW };
  }

  private paint(p: Portrait, person: Stakeholder): void {
    const mood = moodOf(person.sentiment);
    if (p.painted !== mood && p.r > 0) {
      p.painted = mood;
      const pad = Math.max(5, p.r * 0.2);
      const g = p.face.begin({ x: -p.r - pad, y: -p.r - pad, w: 2 * (p.r + pad), h: 2 * (p.r + pad) });
      if (p.picture) drawOverPicture(g, mood, p.r);
      else drawAvatar(g, p.look, mood, p.r);
      p.face.commit();
    }
    const word = moodWord(mood, this.ctx.lang);
    p.mood.setText(`${word} ${Math.round(person.sentiment)}`).setColor(css(MOOD_COLOUR[mood]));
    // The mood word matters more than the number when space is short.
    if (p.mood.width > p.maxW) setFitted(p.mood, word, p.maxW);
    p.mood.setX(p.textX ?? p.cx - p.mood.width / 2);
  }

  private react(p: Portrait, by: number): void {
    const { scene, dpr } = this.ctx;
    const better = by > 0;
    scene.tweens.killTweensOf(p.root);
    p.root.setScale(1).setX(p.cx);
    if (better) scene.tweens.add({ targets: p.root, scale: 1.12, duration: 170, yoyo: true, ease: 'Quad.easeOut' });
    else scene.tweens.add({ targets: p.root, x: p.cx + 3, duration: 45, yoyo: true, repeat: 5 });
    // The swing floats up from the portrait.
    const delta = addText(scene, dpr, 0, 0, `${better ? '+' : '−'}${Math.abs(Math.round(by))}`, {
      size: 13 * this.ui,
      colour: better ? PALETTE.good : PALETTE.bad,
      bold: true,
      mono: true,
    });
    delta.setPosition(p.cx + p.r * 0.55, p.root.y - p.r - 4);
    p.cell.add(delta);
    scene.tweens.add({ targets: delta, y: delta.y - 18, alpha: 0, duration: 1400, ease: 'Cubic.easeOut', onComplete: () => delta.destroy() });
    const ring = scene.add.graphics({ x: p.cx, y: p.root.y });
    ring.lineStyle(3, better ? PALETTE.good : PALETTE.bad, 1);
    ring.strokeCircle(0, 0, p.r);
    p.cell.add(ring);
    scene.tweens.add({ targets: ring, scale: 1.35, alpha: 0, duration: 800, ease: 'Cubic.easeOut', onComplete: () => ring.destroy() });
  }
}

function polyline(g: G, points: { x: number; y: number }[]): void {
  g.beginPath();
  points.forEach((p, i) => (i === 0 ? g.moveTo(p.x, p.y) : g.lineTo(p.x, p.y)));
  g.strokePath();
}

/** One person, head and shoulders, centred at (ox, oy) with head scale s. */
function drawPerson(g: G, look: AvatarLook, mood: Mood, ox: number, oy: number, s: number, clip: number): void {
  const skin = mood === 'angry' ? mix(look.skin, 0xd9463b, 0.28) : look.skin;
  // Shoulders: the top of an ellipse, closed along the bottom of the frame.
  g.fillStyle(look.clothes, 1);
  const pts: { x: number; y: number }[] = [];
  for (let i = 0; i <= 16; i++) {
    const a = Math.PI + (Math.PI * i) / 16;
    pts.push({ x: ox + Math.cos(a) * s * 0.72, y: oy + s * 0.95 + Math.sin(a) * s * 0.42 });
  }
  pts.push({ x: ox + s * 0.72, y: oy + clip }, { x: ox - s * 0.72, y: oy + clip });
  g.beginPath();
  pts.forEach((p, i) => (i === 0 ? g.moveTo(p.x, p.y) : g.lineTo(p.x, p.y)));
  g.closePath();
  g.fillPath();
  g.fillStyle(mix(look.clothes, 0xffffff, 0.25), 1);
  g.fillTriangle(ox - s * 0.14, oy + s * 0.56, ox + s * 0.14, oy + s * 0.56, ox, oy + s * 0.8);

  // Hair behind the head.
  g.fillStyle(look.hair, 1);
  if (look.hairStyle === 'long') g.fillRoundedRect(ox - s * 0.5, oy - s * 0.62, s, s * 0.98, s * 0.4);
  if (look.hairStyle === 'short' || look.hairStyle === 'bun') g.fillCircle(ox, oy - s * 0.1, s * 0.47);
  if (look.hairStyle === 'bun') g.fillCircle(ox, oy - s * 0.58, s * 0.2);

  g.fillStyle(skin, 1);
  g.fillRect(ox - s * 0.12, oy + s * 0.28, s * 0.24, s * 0.3);
  g.fillCircle(ox, oy, s * 0.44);
  if (look.hairStyle === 'bald') {
    g.fillStyle(look.hair, 1);
    g.fillEllipse(ox - s * 0.42, oy - s * 0.04, s * 0.14, s * 0.3);
    g.fillEllipse(ox + s * 0.42, oy - s * 0.04, s * 0.14, s * 0.3);
  } else {
    // A fringe across the forehead.
    g.fillStyle(look.hair, 1);
    g.slice(ox, oy - s * 0.02, s * 0.45, Math.PI * 1.08, Math.PI * 1.92, false);
    g.fillPath();
  }

  drawEyes(g, ox, oy, s);
  drawExpression(g, mood, ox, oy, s);
}

const INK = 0x1b1f2a;

function drawEyes(g: G, ox: number, oy: number, s: number): void {
  g.fillStyle(INK, 1);
  g.fillCircle(ox - s * 0.16, oy - s * 0.06, Math.max(1, s * 0.055));
  g.fillCircle(ox + s * 0.16, oy - s * 0.06, Math.max(1, s * 0.055));
}

/** Brows and mouth (and a blush or a bead of sweat) for the mood, on a head of scale s at (ox, oy). */
function drawExpression(g: G, mood: Mood, ox: number, oy: number, s: number): void {
  const ink = INK;
  g.lineStyle(Math.max(1, s * 0.06), ink, 1);
  for (const [a, b] of browLines(mood, s)) g.lineBetween(ox + a.x, oy + a.y + s * 0.08, ox + b.x, oy + b.y + s * 0.08);
  polyline(
    g,
    mouthPoints(mood, s).map((p) => ({ x: ox + p.x, y: oy + p.y + s * 0.02 })),
  );
  if (mood === 'confident') {
    g.fillStyle(0xff8a8a, 0.35);
    g.fillCircle(ox - s * 0.26, oy + s * 0.12, s * 0.08);
    g.fillCircle(ox + s * 0.26, oy + s * 0.12, s * 0.08);
  }
  if (mood === 'worried') {
    // A bead of sweat at the temple.
    g.fillStyle(0x8fd3ff, 1);
    g.fillCircle(ox + s * 0.36, oy - s * 0.12, s * 0.07);
    g.fillTriangle(ox + s * 0.3, oy - s * 0.14, ox + s * 0.42, oy - s * 0.14, ox + s * 0.36, oy - s * 0.3);
  }
}

/** The share of the ring's diameter the portrait picture fills, inside the ring's stroke. */
const PICTURE_SHARE = 0.9;

/**
 * Over a portrait picture of radius r: the mood's expression on the picture's face (every
 * portrait has its face at PORTRAIT_FACE) and the mood ring around it.
 */
function drawOverPicture(g: G, mood: Mood, r: number): void {
  const unit = (2 * r * PICTURE_SHARE) / PORTRAIT_FACE.size;
  drawExpression(g, mood, (PORTRAIT_FACE.x - PORTRAIT_FACE.size / 2) * unit, (PORTRAIT_FACE.y - PORTRAIT_FACE.size / 2) * unit, PORTRAIT_FACE.s * unit);
  drawRing(g, mood, r);
}

function drawRing(g: G, mood: Mood, r: number): void {
  const ring = MOOD_COLOUR[mood];
  // The mood ring; angry gets a double ring, so the state has a shape too.
  g.lineStyle(Math.max(2, r * 0.1), ring, 1);
  g.strokeCircle(0, 0, r);
  if (mood === 'angry') {
    g.lineStyle(1.5, ring, 0.7);
    g.strokeCircle(0, 0, r + Math.max(3, r * 0.14));
  }
}

/** A framed avatar of radius r centred at (0, 0). */
export function drawAvatar(g: G, look: AvatarLook, mood: Mood, r: number): void {
  const ring = MOOD_COLOUR[mood];
  g.fillStyle(mix(PALETTE.panelRaised, ring, 0.16), 1);
  g.fillCircle(0, 0, r);
  if (look.crowd) {
    const s = r * 0.5;
    drawPerson(g, { ...look, hairStyle: 'short', clothes: mix(look.clothes, 0x000000, 0.2) }, mood, -r * 0.4, -r * 0.05, s, r * 0.75);
    drawPerson(g, { ...look, hairStyle: 'long', skin: mix(look.skin, 0x000000, 0.18) }, mood, r * 0.4, -r * 0.05, s, r * 0.75);
    drawPerson(g, look, mood, 0, r * 0.08, s * 1.15, r * 0.6);
  } else {
    drawPerson(g, look, mood, 0, -r * 0.14, r * 0.95, r * 0.86);
  }
  drawRing(g, mood, r);
}
