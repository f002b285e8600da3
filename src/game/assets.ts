import type * as Phaser from 'phaser';
import type { Scenario } from '../scenarios/schema.ts';
import { portraitKinds, serviceKind, type PortraitKind, type ServiceKind } from './kinds.ts';

// The war room's files from assets/ (see assets/README.md), queued on Phaser's loader. Vite gives
// each file a hashed URL (never inlined: Phaser's loader fetches URLs), and the service worker
// precaches the built copies. Only what the scenario on screen uses is loaded; textures stay in
// the reused game for later runs.

const url = (files: Record<string, string>, folder: string): Map<string, string> =>
  new Map(Object.entries(files).map(([path, href]) => [path.slice(path.lastIndexOf(`/${folder}/`) + folder.length + 2).replace(/\.\w+$/, ''), href]));

const PORTRAIT_URLS = url(import.meta.glob<string>('../../assets/portraits/*.svg', { query: '?url&no-inline', import: 'default', eager: true }), 'portraits');
const ICON_URLS = url(import.meta.glob<string>('../../assets/icons/*.svg', { query: '?url&no-inline', import: 'default', eager: true }), 'icons');
const SOUND_URLS = url(import.meta.glob<string>('../../assets/sounds/*.wav', { query: '?url&no-inline', import: 'default', eager: true }), 'sounds');
// The backdrop comes rasterised (assets/scripts/make-backdrop.mjs): a browser rasterises an SVG on
// the main thread, and this big one held it for one long task while the room was starting.
const IMAGE_URLS = url(import.meta.glob<string>('../../assets/images/*.png', { query: '?url&no-inline', import: 'default', eager: true }), 'images');

export const BACKDROP_TEXTURE = 'war-room-backdrop';
export const portraitTexture = (kind: PortraitKind): string => `war-room-portrait-${kind}`;
export const iconTexture = (kind: ServiceKind): string => `war-room-icon-${kind}`;
export const soundKey = (name: string): string => `war-room-sound-${name}`;

/** Rasterised sizes: sharp at the largest size the room draws them at 2 device pixels per CSS pixel. */
const PORTRAIT_PX = 192;
const ICON_PX = 96;

/** Queues the pictures `scenario` needs and that are not loaded yet; returns their texture keys. */
export function queueRoomImages(load: Phaser.Loader.LoaderPlugin, textures: Phaser.Textures.TextureManager, scenario: Scenario | null): string[] {
  const queued: string[] = [];
  const svg = (key: string, href: string | undefined, size: { width: number; height: number }): void => {
    if (!href || textures.exists(key)) return;
    load.svg(key, href, size);
    queued.push(key);
  };
  const backdrop = IMAGE_URLS.get('backdrop');
  if (backdrop && !textures.exists(BACKDROP_TEXTURE)) {
    load.image(BACKDROP_TEXTURE, backdrop);
    queued.push(BACKDROP_TEXTURE);
  }
  if (scenario) {
    for (const kind of new Set(portraitKinds(scenario.stakeholders))) svg(portraitTexture(kind), PORTRAIT_URLS.get(kind), { width: PORTRAIT_PX, height: PORTRAIT_PX });
    for (const kind of new Set(scenario.company.services.map(serviceKind))) svg(iconTexture(kind), ICON_URLS.get(kind), { width: ICON_PX, height: ICON_PX });
  }
  return queued;
}

/** Queues the sounds not loaded yet; returns how many were queued. */
export function queueRoomSounds(load: Phaser.Loader.LoaderPlugin, cache: Phaser.Cache.CacheManager): number {
  let queued = 0;
  for (const [name, href] of SOUND_URLS) {
    if (cache.binary.exists(soundKey(name))) continue;
    load.binary(soundKey(name), href);
    queued++;
  }
  return queued;
}

/** The loaded sounds, by name, as encoded files for the page's audio output. */
export function loadedSounds(cache: Phaser.Cache.CacheManager): Record<string, ArrayBuffer> {
  const out: Record<string, ArrayBuffer> = {};
  for (const name of SOUND_URLS.keys()) {
    const data: unknown = cache.binary.get(soundKey(name));
    if (data instanceof ArrayBuffer) out[name] = data;
  }
  return out;
}

/** Every kind with a file, for tests that check kinds.ts and assets/ agree. */
export const ASSET_NAMES = { portraits: [...PORTRAIT_URLS.keys()], icons: [...ICON_URLS.keys()], sounds: [...SOUND_URLS.keys()], images: [...IMAGE_URLS.keys()] };
