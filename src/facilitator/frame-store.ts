import { tryRead, tryWrite, type KeyValueStorage } from '../store/storage.ts';
import type { PresenterFrame } from './frame.ts';
import { isPresenterFrame } from './sync.ts';

// The presenter's last frame, kept in localStorage so a reopened projector window shows the room
// at once, before the console answers. Apart from the session storage (persist.ts), so the
// presenter's page does not load the session schema.

export const FRAME_KEY = 'war-room.facilitator.frame';

export function writeFrame(storage: KeyValueStorage, frame: PresenterFrame): boolean {
  return tryWrite(storage, FRAME_KEY, JSON.stringify(frame));
}

export function readFrame(storage: KeyValueStorage): PresenterFrame | null {
  try {
    const data: unknown = JSON.parse(tryRead(storage, FRAME_KEY) ?? 'null');
    return isPresenterFrame(data) ? data : null;
  } catch {
    return null;
  }
}
