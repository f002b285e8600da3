import type { Lang } from '../i18n/lang.ts';
import type * as Phaser from 'phaser';
import { CoreEvents, LoaderEvents, Scale, Scene, SceneEvents } from './phaser.ts';
import { diffViews, type ViewChanges } from './changes.ts';
import type { RoomLayout } from './layout.ts';
import { fittedRoomLayout, type RoomContent } from './room-fit.ts';
import { PALETTE } from './palette.ts';
import { loadedSounds, queueRoomImages, queueRoomSounds } from './assets.ts';
import { PACE_FPS, roomPace, type RoomPace } from './pace.ts';
import { roomText } from './words.ts';
import { frameOf, type RoomContext, type RoomFrame, type RoomSource, type Widget } from './room.ts';
import { Backdrop } from './widgets/backdrop.ts';
import { ClockBar } from './widgets/clock-bar.ts';
import { ComplianceClock } from './widgets/compliance-clock.ts';
import { Gauges } from './widgets/gauges.ts';
import { Inbox } from './widgets/inbox.ts';
import { Portraits } from './widgets/portraits.ts';
import { DOT_TEXTURE, ServiceMap } from './widgets/service-map.ts';
import { StaticLayer } from './widgets/static-layer.ts';
import { flushTextUploads } from './widgets/text.ts';
import { Ticker } from './widgets/ticker.ts';
import { generateTexture } from './widgets/baked.ts';

// The one scene of the war room. It reads the store, hands each widget its panel of the
// layout and the latest frame, and never sends anything back.

export const WAR_ROOM_SCENE = 'war-room';

/**
 * How long one task may spend building the room before it leaves the rest to the next task: on an
 * idle machine the groups of panels take 5-30 ms each and the room is built in one task; on a busy
 * one a group can take 100 ms and each gets its own task, so no task grows by the whole build.
 */
const BUILD_SLICE_MS = 80;
/** A task that built panels for longer leaves the room's first drawing (the bake) to the next task. */
const BAKE_WITHIN_MS = 10;

/** What the page hears from the room while it loads its files. */
export interface RoomLoadHooks {
  /** Loading progress, 0..1. */
  onProgress?(fraction: number): void;
  /** The loaded sounds (assets/sounds/), by name, as encoded files. */
  onSounds?(sounds: Record<string, ArrayBuffer>): void;
  /** The room's pictures have loaded (or failed, leaving their drawn stand-ins) and are on screen. */
  onPictures?(): void;
}

/** The names the room must show whole: its services and its people. */
function contentOf(frame: RoomFrame, lang: Lang): RoomContent {
  const services = frame.view?.services ?? frame.scenario?.company.services ?? [];
  const people = frame.view?.stakeholders ?? frame.scenario?.stakeholders ?? [];
  const regulators = (frame.view?.regulators ?? []).filter((r) => r.deadline !== null).map((r) => r.name);
  return { services: services.map((s) => ({ id: s.id, name: s.name, dependsOn: s.dependsOn ?? [] })), people: people.map((p) => p.name), regulators, lang };
}

/** How many regulators' clocks run: the room's strip changes with it. */
function clocksRunning(frame: RoomFrame): number {
  return (frame.view?.regulators ?? []).filter((r) => r.deadline !== null).length;
}

export class WarRoomScene extends Scene {
  /** The language the room speaks, fixed when it is opened. */
  private lang: Lang = 'en';
  private frame!: RoomFrame;
  private room!: RoomLayout;
  private layer!: StaticLayer;
  private backdrop!: Backdrop;
  private clock!: ClockBar;
  private compliance!: ComplianceClock;
  private map!: ServiceMap;
  private gauges!: Gauges;
  private portraits!: Portraits;
  private inbox!: Inbox;
  private ticker!: Ticker;
  private widgets: Widget[] = [];
  /** The room's first build, a task at a time, until it is done (see buildSlice). */
  private building: Array<() => void> | null = null;
  /** The store changed during the first build. */
  private stale = false;
  private unsubscribe: (() => void) | null = null;
  /** The game size (device pixels) the room was last laid out for. */
  private laidOut = { width: 0, height: 0 };
  /** How often the loop draws now (see pace.ts); null until the first frame after a start. */
  private pace: RoomPace | null = null;

  // One scene per run (see mountWarRoom): it is removed, and let go, when its screen closes.
  constructor(
    private readonly source: RoomSource,
    private readonly dpr: number,
    private readonly onFirstFrame: () => void,
    private readonly hooks: RoomLoadHooks = {},
  ) {
    super({ key: WAR_ROOM_SCENE });
  }

  create(): void {
    const camera = this.cameras.main;
    // World units are CSS pixels; the canvas has dpr device pixels per CSS pixel.
    // No camera background: the game's clear colour and the baked backdrop already cover it.
    camera.setOrigin(0, 0).setZoom(this.dpr);
    this.makeTextures();
    this.hooks.onProgress?.(1);

    this.pace = null;
    this.layer = new StaticLayer(this, this.dpr, () => this.wake());
    const lang = this.source.getState().lang ?? 'en';
    this.lang = lang;
    const ctx: RoomContext = {
      scene: this,
      dpr: this.dpr,
      keepMoving: (...objects) => this.layer.keepMoving(...objects),
      moveWhile: (tween, ...objects) => this.layer.moveWhile(tween, ...objects),
      words: roomText(lang),
      lang,
    };
    this.backdrop = new Backdrop(this);
    this.clock = new ClockBar(ctx);
    this.compliance = new ComplianceClock(ctx);
    this.map = new ServiceMap(ctx);
    this.gauges = new Gauges(ctx);
    this.portraits = new Portraits(ctx);
    this.inbox = new Inbox(ctx);
    this.ticker = new Ticker(ctx);
    this.widgets = [this.clock, this.compliance, this.map, this.gauges, this.portraits, this.inbox, this.ticker];

    this.frame = frameOf(this.source.getState());
    // The room is built over a few tasks, not in the task that boots the game: on a busy machine
    // one build of every panel blocked the page for over half a second. Meanwhile the game is
    // paused and draws nothing: with software GL every frame, even of a hidden scene, costs its
    // commit (built in game steps, the longest task before the first frame was 40 ms longer).
    // Hidden until built: a half-built room is neither shown nor baked into the static layer.
    this.stale = false;
    this.building = this.layoutSteps();
    this.sys.setVisible(false);
    this.game.pause();
    this.nextBuildSlice();
    // A reused game's canvas still shows the last run's room until it draws again.
    this.game.canvas.style.visibility = 'hidden';
    this.scale.on(Scale.Events.RESIZE, this.resized, this);

    this.unsubscribe = this.source.subscribe((state, previous) => {
      const next = frameOf(state);
      const prev = this.frame;
      if (
        state.view === previous.view &&
        state.scenario === previous.scenario &&
        next.paused === prev.paused &&
        next.speed === prev.speed &&
        next.motion === prev.motion
      ) {
        return;
      }
      this.frame = next;
      if (this.building) return void (this.stale = true);
      this.layer.markDirty();
      // A regulator's clock starting (or a new scenario) changes which panels the room has.
      if (state.scenario !== previous.scenario || clocksRunning(next) !== clocksRunning(prev)) {
        this.relayout();
        return;
      }
      const changes: ViewChanges = next.view
        ? diffViews(prev.view, next.view)
        : { services: [], injects: [], sentiment: [], reset: true };
      if (next.motion !== prev.motion) {
        // Switching reduced motion on stops running tweens at once; a redraw leaves a still room.
        if (!next.motion) this.tweens.killAll();
        this.relayout();
        return;
      }
      for (const w of this.widgets) w.update(next, changes);
      // Pausing or resuming changes no drawing of its own but does change the pace.
      this.wake();
    });

    this.game.events.on(CoreEvents.POST_RENDER, this.setPace, this);
    this.events.once(SceneEvents.SHUTDOWN, this.teardown, this);
    this.events.once(SceneEvents.DESTROY, this.teardown, this);
  }

  override update(time: number, delta: number): void {
    if (this.building || !this.frame.motion) return;
    for (const w of this.widgets) w.tick?.(time, delta, this.frame);
  }

  /** After each drawn frame: sleeps, slows or speeds the game loop to what the room needs next (pace.ts). */
  private setPace(): void {
    const pace = roomPace({
      busy: this.building !== null || this.layer.dirty || this.load.isLoading(),
      ambient: this.frame.motion && !this.frame.paused,
      tweens: this.tweens
        .getTweens()
        .filter((t) => t.isPlaying())
        .map((t) => ({ isInfinite: t.isInfinite, repaints: this.layer.repaints(t) })),
    });
    if (pace === this.pace) return;
    this.pace = pace;
    const loop = this.game.loop;
    if (pace === 'still') return loop.sleep();
    loop.setFPSLimit(PACE_FPS[pace]);
  }

  /**
   * Something changed: a sleeping loop draws it and then decides its pace again. Waking steps the
   * game at once, so it waits for the code that made the change (a store update, a relayout) to
   * finish: a frame drawn halfway through would show a half-updated room.
   */
  private wake(): void {
    if (this.pace !== 'still') return;
    this.pace = null;
    queueMicrotask(() => {
      if (this.pace === null && this.sys.isActive()) this.game.loop.wake();
    });
  }

  /** The next slice of the first build, in a task of its own once the current one has ended. */
  private nextBuildSlice(): void {
    setTimeout(() => {
      if (this.building && this.sys.isActive()) this.buildSlice();
    }, 0);
  }

  /**
   * One task of the room's first build: its groups of panels, one after another while the next is
   * likely to end within BUILD_SLICE_MS; then the whole room drawn into the static layer while
   * still hidden (the bake), and the game resumed to show it. A task that took long leaves what
   * follows to the next task: with software GL the bake, and the shaders it compiles the first
   * time, is a long task of its own on a busy machine.
   */
  private buildSlice(): void {
    const started = performance.now();
    let slowest = 0;
    while (this.building?.length) {
      const before = performance.now();
      this.building.shift()!();
      const now = performance.now();
      slowest = Math.max(slowest, now - before);
      if (now - started + slowest > BUILD_SLICE_MS) break;
    }
    // Its labels go to the GPU a slice at a time, rather than all in the task that draws the first frame.
    flushTextUploads(this);
    if (this.building?.length || performance.now() - started > BAKE_WITHIN_MS) return this.nextBuildSlice();
    this.layer.bake();
    this.building = null;
    // The store changed while the room was being built (the clock waits, so only a player's action).
    if (this.stale) this.relayout();
    this.stale = false;
    this.sys.setVisible(true);
    // The opaque static layer covers every pixel from now on: the canvas need not be cleared first.
    this.clearCanvas(false);
    this.game.events.once(CoreEvents.POST_RENDER, this.shown, this);
    this.game.resume();
  }

  /**
   * The room's first frame is drawn: the page hears of it at once, and the room's files start
   * loading in a task of their own, so setting up the loader and its ~25 requests is not part of
   * the task that puts that frame on screen.
   */
  private shown(): void {
    this.game.canvas.style.visibility = '';
    this.onFirstFrame();
    setTimeout(() => {
      if (this.sys.isActive()) this.loadFiles();
    }, 0);
  }

  /**
   * The scale manager also reports a RESIZE when only the canvas moved on the page (its
   * getParentBounds compares the canvas's position too): the page around the stage settling while
   * the room is built restarted the build for nothing. Only a new game size lays the room out again.
   */
  private resized(gameSize: Phaser.Structs.Size): void {
    if (gameSize.width === this.laidOut.width && gameSize.height === this.laidOut.height) return;
    this.relayout();
  }

  private relayout(): void {
    // A resize during the first build (the game reads its parent's size once booted) starts the
    // build again at the new size, still a step at a time.
    if (this.building) {
      this.building = this.layoutSteps();
      return;
    }
    for (const step of this.layoutSteps()) step();
  }

  /** Lays the room out for the canvas size and the latest frame: the first step sizes it, the others fill its panels. */
  private layoutSteps(): Array<() => void> {
    this.laidOut = { width: this.scale.gameSize.width, height: this.scale.gameSize.height };
    const width = this.scale.gameSize.width / this.dpr;
    const height = this.scale.gameSize.height / this.dpr;
    this.cameras.main.setSize(this.scale.gameSize.width, this.scale.gameSize.height);
    this.layer.resize(width, height);
    const content = contentOf(this.frame, this.lang);
    this.room = fittedRoomLayout(width, height, { compliance: content.regulators.length > 0 }, content);
    const { room, frame } = this;
    const style = { ui: room.ui, titles: room.titles };
    return [
      () => {
        this.backdrop.layout(width, height);
        this.clock.layout(room.header, style, frame);
        this.compliance.layout(room.compliance, style, frame);
      },
      () => this.map.layout(room.map, style, frame),
      () => this.gauges.layout(room.gauges, style, frame),
      () => this.portraits.layout(room.portraits, style, frame),
      () => {
        this.inbox.layout(room.inbox, style, frame);
        this.ticker.layout(room.ticker, style, frame);
      },
    ];
  }

  /**
   * The room's files load after the scene has started, so nothing holds up its first frame (nor
   * the game clock, which waits for that frame): the room is first drawn with its code-drawn
   * stand-ins, the ones it keeps should a file fail to load. Once every picture is in (or has
   * failed), the room is laid out again once, with the pictures; one rebuild rather than one per
   * file. The sounds are not drawn; the page gets them when they are in.
   */
  private loadFiles(): void {
    const load = this.load;
    const pictures = new Set(queueRoomImages(load, this.textures, this.source.getState().scenario));
    const sounds = queueRoomSounds(load, this.cache);
    const swapIn = (): void => {
      pictures.clear();
      this.relayout();
      this.hooks.onPictures?.();
    };
    const settled = (key: string): void => {
      if (pictures.delete(key) && pictures.size === 0) swapIn();
    };
    const failed = (file: Phaser.Loader.File): void => {
      console.warn(`War room: ${file.key} did not load from ${String(file.url)}`);
      settled(file.key);
    };
    const done = (): void => {
      load.off(LoaderEvents.FILE_COMPLETE, settled);
      load.off(LoaderEvents.FILE_LOAD_ERROR, failed);
      // A file that loaded but could not be read completes nothing: its stand-in stays.
      if (pictures.size > 0) swapIn();
      this.hooks.onSounds?.(loadedSounds(this.cache));
    };
    if (pictures.size === 0) this.hooks.onPictures?.();
    if (pictures.size === 0 && sounds === 0) return done();
    load.on(LoaderEvents.FILE_COMPLETE, settled);
    load.on(LoaderEvents.FILE_LOAD_ERROR, failed);
    load.once(LoaderEvents.COMPLETE, done);
    load.start();
  }

  /** Whether the renderer clears the canvas before each frame (its config, read every frame). */
  private clearCanvas(clear: boolean): void {
    const config = (this.renderer as { config?: { clearBeforeRender: boolean } }).config;
    if (config) config.clearBeforeRender = clear;
  }

  private makeTextures(): void {
    if (this.textures.exists(DOT_TEXTURE)) return;
    const g = this.make.graphics({}, false);
    g.fillStyle(PALETTE.white, 0.35);
    g.fillCircle(8, 8, 8);
    g.fillStyle(PALETTE.white, 1);
    g.fillCircle(8, 8, 4.5);
    generateTexture(g, DOT_TEXTURE, 16, 16);
    g.destroy();
  }

  private teardown(): void {
    this.building = null;
    // Closed while still being built: the game, kept for the next run, draws again.
    this.game.resume();
    this.game.canvas.style.visibility = '';
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.scale.off(Scale.Events.RESIZE, this.resized, this);
    this.game.events.off(CoreEvents.POST_RENDER, this.shown, this);
    this.game.events.off(CoreEvents.POST_RENDER, this.setPace, this);
    // The next start (see mountWarRoom) wakes the loop itself, at the display's rate.
    this.game.loop.setFPSLimit(0);
    this.clearCanvas(true);
    for (const w of this.widgets) w.destroy();
    this.widgets = [];
    this.backdrop.destroy();
    this.layer.destroy();
  }
}
