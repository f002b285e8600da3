import type { GameView } from '../engine/view.ts';

// The decision ring shrinks from full to empty. The view gives the minutes remaining but not
// the limit it started from, so the first remaining value seen for a decision is its full ring.

export interface RingState {
  /** No decision pending, or one without a time limit. */
  kind: 'idle' | 'open' | 'timed';
  /** 0..1 of the ring left. */
  fraction: number;
  remaining: number | null;
}

export class DecisionCountdown {
  private key: string | null = null;
  private total = 0;

  read(view: GameView | null): RingState {
    const decision = view?.decision ?? null;
    if (!view || !decision) {
      this.key = null;
      return { kind: 'idle', fraction: 0, remaining: null };
    }
    if (decision.deadline === null || decision.remaining === null) {
      this.key = null;
      return { kind: 'open', fraction: 1, remaining: null };
    }
    const key = `${view.scenarioId}/${view.seed}/${view.beat?.id ?? ''}/${decision.deadline}`;
    if (key !== this.key) {
      this.key = key;
      this.total = Math.max(1, decision.remaining);
    }
    this.total = Math.max(this.total, decision.remaining);
    return { kind: 'timed', fraction: Math.min(1, Math.max(0, decision.remaining / this.total)), remaining: decision.remaining };
  }
}
