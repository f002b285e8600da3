import type { Lang } from '../i18n/lang.ts';
import type { RoomText } from './words.ts';
import type * as Phaser from 'phaser';
import type { GameView } from '../engine/view.ts';
import type { Scenario } from '../scenarios/schema.ts';
import type { ViewChanges } from './changes.ts';
import type { Rect } from './layout.ts';

// What every widget of the room shares: the frame of data it draws and its small life cycle.

/** The part of the store's state the room reads (see scratch/STORE-CONTRACT.md). */
export interface RoomState {
  /** The language the room speaks (English when the source has none: the presenter before it is translated). */
  lang?: Lang;
  scenario: Scenario | null;
  view: GameView | null;
  paused: boolean;
  speed: 1 | 2 | 4;
  reducedMotion: boolean;
}

/** Only reading and subscribing: the room never writes to the store. A zustand StoreApi fits. */
export interface RoomSource<S extends RoomState = RoomState> {
  getState(): S;
  subscribe(listener: (state: S, previous: S) => void): () => void;
}

export interface RoomFrame {
  view: GameView | null;
  scenario: Scenario | null;
  paused: boolean;
  speed: 1 | 2 | 4;
  /** False when the player prefers reduced motion: no tweens, no flashes, instant updates. */
  motion: boolean;
}

export function frameOf(state: RoomState): RoomFrame {
  return { view: state.view, scenario: state.scenario, paused: state.paused, speed: state.speed, motion: !state.reducedMotion };
}

export interface RoomContext {
  scene: Phaser.Scene;
  /** The device pixel ratio the camera zooms by; Text renders at this resolution. */
  dpr: number;
  /**
   * Declares objects a widget changes every frame in tick(), so the screen draws them and the
   * static layer leaves them out (tweened objects need no declaring).
   */
  keepMoving(...objects: Phaser.GameObjects.GameObject[]): void;
  /** Declares objects a counter tween repaints, drawn by the screen while it plays (see keepMoving). */
  moveWhile(tween: Phaser.Tweens.Tween, ...objects: Phaser.GameObjects.GameObject[]): void;
  /** The room's words in the language it was opened in (the switch is on the title screen, never mid-incident). */
  words: RoomText;
  lang: Lang;
}

/** How panels look at the current size. */
export interface PanelStyle {
  /** Text and icon scale: 1 on a desktop, smaller on a phone. */
  ui: number;
  /** Title bars on panels; a phone leaves them out to give the content the room. */
  titles: boolean;
}

export interface Widget {
  /** Places the widget in `rect` (null hides it) and redraws it from `frame` without animation. */
  layout(rect: Rect | null, style: PanelStyle, frame: RoomFrame): void;
  /** Shows a new frame; `changes` says what moved so only that is animated. */
  update(frame: RoomFrame, changes: ViewChanges): void;
  /** Per-frame motion (ticker scroll, flowing data); only called while motion is allowed. */
  tick?(time: number, delta: number, frame: RoomFrame): void;
  destroy(): void;
}
