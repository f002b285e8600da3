import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/compile.ts';
import { ReplayIds } from '../../server/storage/replay.ts';
import { Workshop } from '../../server/workshop.ts';
import { CREATE, leakScenario, START_INCIDENT } from './helpers.ts';

// A run input the engine refuses comes back to the console with the engine's reason in the room's
// language (the facilitator's), and the room's run is left as it was.

describe('a room refusing the console’s run inputs', () => {
  it('gives the engine’s reason in the room’s language', () => {
    const compiled = compileScenario(leakScenario());
    const room = new Workshop('REFUSE', compiled, { ...CREATE, lang: 'de' }, 60, new ReplayIds());
    const early = [{ type: 'player.choose', option: 'restore' }] as const;
    expect(room.sync(0, early, 'incident', 'open', null)).toBe(
      'input 1 (player.choose) was refused: der Vorfall hat noch nicht begonnen: Schließen Sie zuerst die Vorbereitung ab',
    );
    expect(room.inputs).toEqual([]);
    room.setLanguage('en');
    expect(room.sync(0, early, 'incident', 'open', null)).toBe('input 1 (player.choose) was refused: the incident has not started: commit the preparation first');
    expect(room.sync(0, START_INCIDENT, 'incident', 'open', null)).toBeNull();
    expect(room.sync(1, [{ type: 'prep.commit', measures: [] }], 'incident', 'open', null)).toBe(
      'input 2 (prep.commit) was refused: preparation is over: the incident has started',
    );
    expect(room.inputs).toEqual(START_INCIDENT);
  });
});
