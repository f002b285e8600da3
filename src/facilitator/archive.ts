import { keyedStore, memoryStore, openDatabase } from './idb.ts';
import type { SessionArchive } from './persist.ts';
import type { ScenarioFile, ScenarioFileStore } from './scenario-files.ts';
import type { Session } from './session.ts';

// The browser's facilitator archive (IndexedDB): the console keeps its sessions and scenario files
// there, and the presenter reads a scenario file a frame names. Without IndexedDB, stores in
// memory stand in and `problem` says what that means.

/** Version 2 added the scenario files opened from disk (scenario-files.ts), keyed by their fingerprint. */
const ARCHIVE_DB = { name: 'war-room-facilitator', version: 2, store: 'sessions', files: 'scenarios' } as const;

const ARCHIVE_STORES = [
  { name: ARCHIVE_DB.store, keyPath: 'id' },
  { name: ARCHIVE_DB.files, keyPath: 'key' },
];

export async function openArchive(): Promise<{ archive: SessionArchive; files: ScenarioFileStore; problem: string | null }> {
  try {
    const db = await openDatabase(ARCHIVE_DB.name, ARCHIVE_DB.version, ARCHIVE_STORES);
    return { archive: keyedStore<Session>(db, ARCHIVE_DB.store), files: keyedStore<ScenarioFile>(db, ARCHIVE_DB.files), problem: null };
  } catch (error) {
    return {
      archive: memoryStore<Session>((s) => s.id),
      files: memoryStore<ScenarioFile>((f) => f.key),
      problem: `The session history is not available in this browser (${(error as Error).message}). The current exercise is still saved; export it from Sessions to keep it.`,
    };
  }
}
