// The game's paces and speeds: plain constants in a module of their own, so pages that only show
// a run (the presenter) can name them without loading the engine that autosave.ts brings.

export const PACES = ['relaxed', 'standard', 'intense'] as const;
export type Pace = (typeof PACES)[number];

/** Real seconds one game minute lasts at 1×, per pace. Standard is the game's reference pace. */
export const PACE_SECONDS: Record<Pace, number> = { relaxed: 5, standard: 3, intense: 2 };

export type Speed = 1 | 2 | 4;
