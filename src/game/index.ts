import type * as Phaser from 'phaser';
import { CANVAS, CoreEvents, Game, Scale, WEBGL } from './phaser.ts';
import { PALETTE } from './palette.ts';
import type { RoomSource, RoomState } from './room.ts';
import { WAR_ROOM_SCENE, WarRoomScene, type RoomLoadHooks } from './war-room-scene.ts';
import { warmUpDrawing } from './warm-up.ts';

// Entry point of the Phaser chunk: src/main.ts imports this lazily, when the briefing is read
// (to prepare the game, see prepareWarRoom) or when the incident opens.
// The canvas is decorative: every word a player must read is also in the HTML.
//
// One Phaser game serves every run: a Game owns a WebGL context, textures and its loop, and
// creating one per incident grew the heap game after game. The scene is the run's: unmounting
// removes it (it unsubscribes from the store and frees its textures, and nothing keeps it), puts
// the loop to sleep and takes the canvas out of the page; the next mount moves the canvas into
// its new parent and adds a new scene with the new store.

interface Idle {
  game: Phaser.Game;
  dpr: number;
}
let idle: Idle | null = null;

/** The size (CSS pixels) of a game made before its stage is known, or for a stage not laid out yet. */
const DESKTOP = { w: 1280, h: 720 };

/** Up to 2 device pixels per CSS pixel: sharp on phones without tripling the fill cost. */
const devicePixels = (): number => Math.min(2, Math.max(1, window.devicePixelRatio || 1));

/** How the room renders (Phaser's render config, explained in createGame); its WebGL context is made to match. */
const RENDER = { antialias: true, antialiasGL: false, maxTextures: 1, roundPixels: false, powerPreference: 'low-power', batchSize: 1024, preserveDrawingBuffer: true, stencil: false } as const;

/**
 * The game's WebGL context, made here rather than by Phaser: given none, Phaser chooses its
 * renderer from a throwaway context it makes as its module loads (see withLazyWebGLTest in
 * ./phaser-core-plugin.ts), which cost the resumed room's first frame 5% (13 alternating loads:
 * 939 against 894 ms). Null where WebGL is missing.
 *
 * Its drawing buffer has the same format as the render targets the room bakes into (Phaser's
 * DynamicTextures: RGBA, no depth, and no stencil with RENDER's `stencil: false`; the room uses
 * no stencil masks). Software GL (SwiftShader behind ANGLE) compiles its draw states for each
 * target format on first use, so an opaque canvas with depth and stencil (Phaser's own defaults)
 * had every draw state compiled twice before the first frame. Alpha stays 1 everywhere: Phaser
 * clears to the opaque background and blends premultiplied. Eight alternating loads of a resumed
 * room: the first frame's task 163 → 135 ms (median), opaque without depth and stencil 165.
 */
function webGLContext(canvas: HTMLCanvasElement): WebGLRenderingContext | null {
  return canvas.getContext('webgl', {
    alpha: true,
    depth: false,
    stencil: false,
    premultipliedAlpha: true,
    desynchronized: false,
    failIfMajorPerformanceCaveat: false,
    antialias: RENDER.antialiasGL,
    powerPreference: RENDER.powerPreference,
    preserveDrawingBuffer: RENDER.preserveDrawingBuffer,
  });
}

function createGame(parent: HTMLElement, dpr: number, size: { w: number; h: number }): Phaser.Game {
  const canvas = document.createElement('canvas');
  const gl = webGLContext(canvas);
  return new Game({
    // Without WebGL, the canvas renderer on a canvas of Phaser's own. Phaser types the config's
    // context as a 2D one; its WebGL renderer takes the WebGL one from the same field.
    ...(gl ? { type: WEBGL, canvas, context: gl as unknown as CanvasRenderingContext2D } : { type: CANVAS }),
    parent,
    backgroundColor: PALETTE.background,
    banner: false,
    autoFocus: false,
    // The HTML owns the keyboard and the pointer; Phaser listens to nothing.
    input: { keyboard: false, mouse: false, touch: false, gamepad: false },
    audio: { noAudio: true },
    disableContextMenu: false,
    canvasStyle: 'display:block',
    scale: {
      // FIT with a game size of parent size x dpr: the canvas has dpr device pixels per CSS
      // pixel and Phaser scales it back down to exactly fill the parent.
      mode: Scale.FIT,
      width: size.w * dpr,
      height: size.h * dpr,
      expandParent: false,
      autoCenter: Scale.NO_CENTER,
    },
    // No multisampling: it multiplies the fill cost of every frame on software GL, and the
    // room's shapes are rasterised by the canvas, which antialiases them (see widgets/baked.ts).
    // One texture per batch: most pixels come from the one static layer (widgets/static-layer.ts),
    // and a multi-texture shader picks among 16 samplers for every one of them (measured with
    // SwiftShader: about a third less CPU per frame with one).
    // Quads per batch: the room draws a few hundred objects at most, and each batch handler
    // allocates and uploads its vertex buffer for this many when created (Phaser's default 16384
    // makes megabytes per handler, copied to software GL while the room starts).
    // The canvas keeps its pixels between frames: a frame draws the room again only where
    // something moved (src/game/redraw.ts).
    // No stencil buffers: the room has no stencil masks (see webGLContext for why it matters).
    render: RENDER,
  });
}

/**
 * Boots the page's one Phaser game ahead of the war room, off the page, while the player reads
 * the briefing: its renderer (a WebGL context, Phaser's shaders and default textures) is most of
 * what opening the room would otherwise do at once, in tasks of hundreds of ms on a busy machine.
 * The next mountWarRoom takes it over. Does nothing when a game is already kept.
 */
export function prepareWarRoom(): void {
  if (!idle) prepare(devicePixels(), DESKTOP);
}

/** A new game in a detached element, kept as the idle game and asleep once ready (unless a mount took it first). */
function prepare(dpr: number, size: { w: number; h: number }): Phaser.Game {
  // Never created in the room's own parent: the game keeps its config, parent included, for good.
  const game = createGame(document.createElement('div'), dpr, size);
  idle = { game, dpr };
  // Asleep until a mount wakes it; one that came first has the loop already. Still idle a task
  // later, it pays software GL's first-drawing cost (warm-up.ts) before a room needs it.
  game.events.once(CoreEvents.READY, () => {
    if (idle?.game !== game) return;
    game.loop.sleep();
    setTimeout(() => {
      if (idle?.game !== game) return;
      warmUpDrawing(game);
      // The e2e tests wait on this (the bench gives the briefing a fixed reading time instead).
      document.body.dataset.warRoomWarmedUp = '1';
    }, 0);
  });
  return game;
}

/** Fills `parent` with the war room and keeps it sized to it. The parent needs a definite size. `hooks` hear how loading goes. */
export function mountWarRoom<S extends RoomState>(parent: HTMLElement, store: RoomSource<S>, hooks: RoomLoadHooks = {}): { destroy(): void } {
  parent.setAttribute('aria-hidden', 'true');
  const dpr = devicePixels();
  const reused = idle && idle.dpr === dpr && idle.game.isBooted ? idle.game : null;
  if (idle && !reused) idle.game.destroy(true);
  const size = (): { w: number; h: number } => {
    const box = parent.getBoundingClientRect();
    const w = Math.round(box.width);
    const h = Math.round(box.height);
    // A parent not laid out yet (display: none) gets a desktop size until it has one.
    return w > 0 && h > 0 ? { w, h } : DESKTOP;
  };
  const initial = size();
  let destroyed = false;
  const markFirstFrame = (): void => {
    if (!destroyed) document.body.dataset.warRoomFrame = '1';
  };
  // The first frame is drawn with code-drawn stand-ins; the pictures follow (tests and the bench wait on this).
  delete document.body.dataset.warRoomPictures;
  const roomHooks: RoomLoadHooks = {
    ...hooks,
    onPictures: () => {
      if (!destroyed) document.body.dataset.warRoomPictures = '1';
      hooks.onPictures?.();
    },
  };

  const source = store as unknown as RoomSource;
  const game = reused ?? prepare(dpr, initial);
  idle = null;
  parent.append(game.canvas);
  game.scale.parent = parent;
  game.scale.getParentBounds();
  if (game.scale.gameSize.width !== initial.w * dpr || game.scale.gameSize.height !== initial.h * dpr) game.scale.setGameSize(initial.w * dpr, initial.h * dpr);
  // A game prepared moments ago may still be loading Phaser's default textures: its loop starts when they are in.
  if (game.isRunning) game.loop.wake();
  // A scene per run, removed when it closes: a scene kept for the next run held this one's store,
  // room and destroyed panels until then.
  game.scene.add(WAR_ROOM_SCENE, new WarRoomScene(source, dpr, markFirstFrame, roomHooks), true);

  // Development builds expose the game for profiling and test scripts; production does not.
  const devHook = globalThis as { __warRoomGame?: Phaser.Game };
  if (import.meta.env.DEV) devHook.__warRoomGame = game;
  // The scale manager re-reads its parent's size only on window resizes; a ResizeObserver reacts
  // to any layout change at once and keeps the game size (not only the CSS size) in step, so
  // layout happens in real pixels. FIT mode fits into the parent bounds it last read: refresh them.
  const fitTo = (next: { w: number; h: number }): void => {
    game.scale.getParentBounds();
    game.scale.setGameSize(next.w * dpr, next.h * dpr);
  };
  let last = initial;
  const observer = new ResizeObserver(() => {
    const next = size();
    if (next.w === last.w && next.h === last.h) return;
    last = next;
    if (game.isBooted) fitTo(next);
  });
  observer.observe(parent);
  // A game not running yet sizes itself once ready. Only then: READY fires once per game (just
  // before it runs), so a listener added to a running game would stay for good, holding this
  // parent (and the whole incident screen around it) after the screen closed, one more per run.
  const onReady = (): void => {
    const now = size();
    if (now.w !== initial.w || now.h !== initial.h) fitTo(now);
  };
  if (!game.isRunning) game.events.once(CoreEvents.READY, onReady);

  return {
    destroy(): void {
      if (destroyed) return;
      destroyed = true;
      observer.disconnect();
      game.events.off(CoreEvents.READY, onReady);
      delete document.body.dataset.warRoomFrame;
      delete document.body.dataset.warRoomPictures;
      if (devHook.__warRoomGame === game) delete devHook.__warRoomGame;
      // Not running yet (Phaser still loading its default textures): the scene would start later, off the page.
      if (!game.isRunning) {
        game.destroy(true);
        return;
      }
      // Kept for the next mount (see the top of this file).
      game.scene.remove(WAR_ROOM_SCENE);
      game.loop.sleep();
      game.canvas.remove();
      // The scale manager keeps its parent (window resizes still reach it): an element off the
      // page, not this screen's, which would otherwise stay alive until the next run.
      game.scale.parent = document.createElement('div');
      idle = { game, dpr };
    },
  };
}
