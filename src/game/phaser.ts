import type * as Phaser from 'phaser';
import core from 'phaser-src/phaser-core.js';
import loaderEvents from 'phaser-src/loader/events/index.js';
// What the room uses beyond the core build; each registers itself with Phaser when loaded.
import 'phaser-src/gameobjects/container/ContainerFactory.js';
import 'phaser-src/loader/filetypes/BinaryFile.js';
import 'phaser-src/loader/filetypes/SVGFile.js';

// The Phaser the war room runs on: Phaser's own core build (its sources' phaser-core.js: game,
// scenes, cameras, loader, tweens, text, graphics, images, both renderers) plus the containers,
// the SVG and binary file types it loads its assets with. The whole library (physics, tilemaps,
// particles, meshes, shapes, filters and more) is 1.4 MB minified; evaluating it on the page took
// about a quarter of the time to the room's first frame (see docs/phaser-notes.md). The build
// flags Phaser's sources read are set by phaserCore() in ./phaser-core-plugin.ts.
//
// Types come from the 'phaser' package as before (`import type`); the values the room uses come
// from here, typed as Phaser declares them, so anything the core build lacks must be added here
// and a value used from 'phaser' itself fails the architecture test instead of loading it all.

export const Game: typeof Phaser.Game = core.Game;
export const Scene: typeof Phaser.Scene = core.Scene;
export const WEBGL: typeof Phaser.WEBGL = core.WEBGL;
export const CANVAS: typeof Phaser.CANVAS = core.CANVAS;
export const Scale: Pick<typeof Phaser.Scale, 'FIT' | 'NO_CENTER' | 'Events'> = core.Scale;
export const CoreEvents: typeof Phaser.Core.Events = core.Core.Events;
export const SceneEvents: typeof Phaser.Scenes.Events = core.Scenes.Events;
export const LoaderEvents: typeof Phaser.Loader.Events = loaderEvents;
export const GameObject: typeof Phaser.GameObjects.GameObject = core.GameObjects.GameObject;
export const Graphics: typeof Phaser.GameObjects.Graphics = core.GameObjects.Graphics;
export const TransformMatrix: typeof Phaser.GameObjects.Components.TransformMatrix = core.GameObjects.Components.TransformMatrix;
export const WebGLRenderer: typeof Phaser.Renderer.WebGL.WebGLRenderer = core.Renderer.WebGL.WebGLRenderer;
