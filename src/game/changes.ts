import type { InjectView, GameView } from '../engine/view.ts';
import type { ServiceStatusName } from '../scenarios/schema.ts';

// What changed between two views, so the room can animate exactly those things.

export interface StatusChange {
  id: string;
  from: ServiceStatusName;
  to: ServiceStatusName;
}

export interface SentimentChange {
  id: string;
  by: number;
  value: number;
}

export interface ViewChanges {
  services: StatusChange[];
  injects: InjectView[];
  sentiment: SentimentChange[];
  /** The run is a different one (new scenario or restart): redraw from scratch, animate nothing. */
  reset: boolean;
}

/** Stable identity of a delivered inject: the same id may be reused in different beats. */
export function injectKey(inject: Pick<InjectView, 'beat' | 'id' | 't'>): string {
  return `${inject.beat ?? '*'}/${inject.id}@${inject.t}`;
}

function sameRun(prev: GameView, next: GameView): boolean {
  return prev.scenarioId === next.scenarioId && prev.seed === next.seed && next.clock >= prev.clock && next.injects.length >= prev.injects.length;
}

export function diffViews(prev: GameView | null, next: GameView): ViewChanges {
  if (!prev || !sameRun(prev, next)) return { services: [], injects: [], sentiment: [], reset: true };
  const before = new Map(prev.services.map((s) => [s.id, s.effective]));
  const services: StatusChange[] = [];
  for (const s of next.services) {
    const from = before.get(s.id);
    if (from !== undefined && from !== s.effective) services.push({ id: s.id, from, to: s.effective });
  }
  const seen = new Set(prev.injects.map(injectKey));
  const injects = next.injects.filter((i) => !seen.has(injectKey(i)));
  const mood = new Map(prev.stakeholders.map((s) => [s.id, s.sentiment]));
  const sentiment: SentimentChange[] = [];
  for (const s of next.stakeholders) {
    const was = mood.get(s.id);
    if (was !== undefined && was !== s.sentiment) sentiment.push({ id: s.id, by: s.sentiment - was, value: s.sentiment });
  }
  return { services, injects, sentiment, reset: false };
}
