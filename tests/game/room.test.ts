import { describe, expect, it } from 'vitest';
import type * as Game from '../../src/game/index.ts';
import { frameOf } from '../../src/game/room.ts';
import type { WarRoomModule } from '../../src/ui/context.ts';

// The scene module must fit the store contract (scratch/STORE-CONTRACT.md): `npm test` runs
// tsc first, so a mismatch fails here even though Phaser itself never loads in Node.
const contract: WarRoomModule['mountWarRoom'] = null as unknown as typeof Game.mountWarRoom;

describe('frameOf', () => {
  it('turns the store state into what the room draws, with motion off for reduced motion', () => {
    const state = { scenario: null, view: null, paused: true, speed: 4 as const, reducedMotion: true };
    expect(frameOf(state)).toEqual({ view: null, scenario: null, paused: true, speed: 4, motion: false });
    expect(frameOf({ ...state, reducedMotion: false }).motion).toBe(true);
    expect(contract).toBeNull();
  });
});
