import type * as Phaser from 'phaser';
import type { Rect } from '../layout.ts';
import { PALETTE } from '../palette.ts';
import type { PanelStyle, RoomContext, RoomFrame } from '../room.ts';
import { Baked } from './baked.ts';
import { addText } from './text.ts';

/**
 * What every framed, titled panel of the room shares: a container holding its frame and title,
 * and a layout step that records where it sits and redraws it there.
 */
export abstract class TitledPanel {
  protected readonly root: Phaser.GameObjects.Container;
  protected readonly frameG: Baked;
  protected readonly title: Phaser.GameObjects.Text;
  protected rect: Rect | null = null;
  protected ui = 1;
  protected titled = true;

  constructor(
    protected readonly ctx: RoomContext,
    titleText: string,
  ) {
    this.root = ctx.scene.add.container(0, 0);
    this.frameG = new Baked(ctx.scene, ctx.dpr);
    this.title = addText(ctx.scene, ctx.dpr, 0, 0, titleText, { size: 11, colour: PALETTE.textDim, bold: true, caps: true });
    this.root.add([this.frameG.image, this.title]);
  }

  layout(rect: Rect | null, style: PanelStyle, frame: RoomFrame): void {
    this.titled = style.titles;
    this.rect = rect;
    this.ui = style.ui;
    this.root.setVisible(rect !== null);
    this.rebuild(frame);
  }

  protected abstract rebuild(frame: RoomFrame): void;
}
