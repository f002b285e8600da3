import type { GameStore } from '../store/game-store.ts';
import type { Sound } from './sound.ts';

/** The war room's Phaser module, per scratch/STORE-CONTRACT.md. */
export interface WarRoomModule {
  mountWarRoom(
    parent: HTMLElement,
    store: GameStore,
    hooks?: { onProgress?(fraction: number): void; onSounds?(sounds: Record<string, ArrayBuffer>): void },
  ): { destroy(): void };
  /** Boots the war room's game ahead of time, off the page, so opening the incident does not pay for it. */
  prepareWarRoom?(): void;
}

export interface AppContext {
  store: GameStore;
  sound: Sound;
  /** Loads the Phaser chunk; null when this build has no war room scene. */
  loadWarRoom: (() => Promise<WarRoomModule>) | null;
  /** Triggers a file download of text. */
  download(fileName: string, mime: string, text: string): void;
  print(): void;
  /** A place in the top bar where a screen may put its own controls (the incident's clock and speed). */
  toolbar: HTMLElement;
}

/** A mounted screen. destroy() must remove every listener and subscription it made. */
export interface ScreenView {
  el: HTMLElement;
  /** Puts focus where the player needs it when the screen opens. */
  focus(): void;
  destroy(): void;
}
