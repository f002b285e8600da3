import type { GameView } from '../engine/view.ts';

// How a regulator's notification clock should look. Pure, so it is tested in Node.

export type Regulator = GameView['regulators'][number];

export type ComplianceState = 'running' | 'urgent' | 'notified' | 'late' | 'missed';

/** `fraction` is the share of the deadline still left, 0..1; urgent from the last quarter. */
export function complianceState(r: Regulator, deadlineMinutes: number): { state: ComplianceState; fraction: number } {
  const fraction = r.remaining === null || deadlineMinutes <= 0 ? 0 : Math.min(1, r.remaining / deadlineMinutes);
  // Notified after the deadline had passed: never shown as a success.
  if (r.notified && r.missed) return { state: 'late', fraction: 0 };
  if (r.notified) return { state: 'notified', fraction };
  if (r.missed) return { state: 'missed', fraction: 0 };
  return { state: fraction <= 0.25 ? 'urgent' : 'running', fraction };
}
