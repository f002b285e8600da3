import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../src/facilitator/idb.ts';
import { readFrame, writeFrame } from '../../src/facilitator/frame-store.ts';
import { latestUnfinished, newerCopy, readCurrent, writeCurrent, FACILITATOR_KEYS } from '../../src/facilitator/persist.ts';
import type { Session } from '../../src/facilitator/session.ts';
import { memoryStorage } from '../../src/store/storage.ts';
import { ok, running, sampleFrame } from './helpers.ts';

describe('session persistence', () => {
  it('keeps the current session in local storage and reads back only a valid one', () => {
    const storage = memoryStorage();
    const { ex } = running();
    expect(writeCurrent(storage, ex.session)).toBe(true);
    expect(readCurrent(storage)).toEqual(ex.session);
    storage.setItem(FACILITATOR_KEYS.current, '{"format":"war-room.facilitator-session","rev":"x"}');
    expect(readCurrent(storage)).toBeNull();
    storage.setItem(FACILITATOR_KEYS.current, 'not json');
    expect(readCurrent(storage)).toBeNull();
  });

  it('reports a refused write instead of throwing', () => {
    const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => {} };
    const { ex } = running();
    expect(writeCurrent(full, ex.session)).toBe(false);
  });

  it('resumes the copy with the higher revision', () => {
    const { ex } = running();
    const older = ex.session;
    ok(ex.addNote({ text: 'later', objective: null, kind: 'observation' }));
    const newer = ex.session;
    expect(newerCopy(older, newer)).toBe(newer);
    expect(newerCopy(newer, older)).toBe(newer);
    expect(newerCopy(null, older)).toBe(older);
    expect(newerCopy(older, { ...newer, id: 'someone-else' })).toBe(older);
  });

  it('finds the latest unfinished session when none is current', () => {
    const s = (id: string, updatedAt: string, stage: Session['stage']) => ({ id, updatedAt, stage }) as Session;
    expect(latestUnfinished([s('a', '2025-01-01', 'incident'), s('b', '2025-03-01', 'debrief'), s('c', '2025-02-01', 'briefing')])?.id).toBe('c');
    expect(latestUnfinished([s('b', '2025-03-01', 'debrief')])).toBeNull();
  });

  it('keeps the presenter’s last frame for a window that reopens', () => {
    const storage = memoryStorage();
    writeFrame(storage, sampleFrame('s', 3));
    expect(readFrame(storage)).toMatchObject({ sessionId: 's', rev: 3 });
    // A frame an older version kept (no display settings, no inject list) is not shown.
    const { display: _display, injects: _injects, ...older } = sampleFrame('s', 4);
    writeFrame(storage, older as unknown as ReturnType<typeof sampleFrame>);
    expect(readFrame(storage)).toBeNull();
    storage.setItem(FACILITATOR_KEYS.frame, '[]');
    expect(readFrame(storage)).toBeNull();
  });

  it('archives sessions by id, as copies', async () => {
    const store = memoryStore<Session>((s) => s.id);
    const { ex } = running();
    await store.put(ex.session);
    const back = await store.get(ex.session.id);
    expect(back).toEqual(ex.session);
    expect(back).not.toBe(ex.session);
    await store.delete(ex.session.id);
    expect(await store.getAll()).toEqual([]);
  });
});
