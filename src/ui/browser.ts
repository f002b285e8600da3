import { memoryStorage, type KeyValueStorage } from '../store/storage.ts';

// Browser services both entry pages (the game and facilitator mode) hand to what they mount.

/** localStorage when the browser allows it; private modes can refuse, and play goes on without saves. */
export function browserStorage(): KeyValueStorage {
  try {
    const probe = '__war-room-probe__';
    window.localStorage.setItem(probe, '1');
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return memoryStorage();
  }
}

/** Saves text as a file through the browser's download. */
export function downloadText(fileName: string, mime: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
