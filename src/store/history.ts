import type { RunEvent } from '../engine/machine.ts';
import type { Lang } from '../i18n/lang.ts';
import type { ScoreReport } from '../engine/scoring.ts';
import { verdictLabel } from '../i18n/engine-text.ts';
import type { OutcomeName } from '../scenarios/schema.ts';
import { STORAGE_KEYS, tryRead, tryWrite, type KeyValueStorage } from './storage.ts';

// Past runs with their scores, newest first, so the title and picker can show progress. A run
// keeps its seed, partner and inputs, so its full debrief can be rebuilt by replaying them, and a
// what-if branch keeps the run and decision it branched from.

export interface HistoryEntry {
  scenarioId: string;
  title: string;
  seed: number;
  partner: string;
  outcome: OutcomeName | null;
  overall: number;
  communication: number;
  proactivity: number;
  businessImpact: number;
  verdict: string;
  /** ISO date and time the run ended. */
  endedAt: string;
  /** Unique within the history; older entries (before runs could be reopened) have none. */
  id?: string;
  partnerId?: string;
  /** The scenario's fingerprint when played: a changed scenario cannot replay the inputs. */
  fingerprint?: string;
  /** The language the scenario was played in, when not English: its fingerprint is of the localized scenario. */
  lang?: Lang;
  inputs?: RunEvent[];
  figures?: { revenueLost: number; downtimeMinutes: number; customersAffected: number; clock: number; ending: string | null };
  /** Set on a what-if branch: the run it branched from and the decision (1-based) it changed. */
  parent?: { id: string; decision: number };
}

/** Runs kept; each holds its inputs (a few kB), so fifty stay well inside the browser's storage. */
export const HISTORY_LIMIT = 50;

export function readHistory(storage: KeyValueStorage): HistoryEntry[] {
  try {
    const data = JSON.parse(tryRead(storage, STORAGE_KEYS.history) ?? '[]') as unknown;
    return Array.isArray(data) ? data.filter(isEntry) : [];
  } catch {
    return [];
  }
}

export function recordRun(storage: KeyValueStorage, history: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const next = [entry, ...history].slice(0, HISTORY_LIMIT);
  tryWrite(storage, STORAGE_KEYS.history, JSON.stringify(next));
  return next;
}

/** Removes one run, or every run when `id` is null; returns the history left. */
export function deleteRuns(storage: KeyValueStorage, history: readonly HistoryEntry[], id: string | null): HistoryEntry[] {
  const next = id === null ? [] : history.filter((e) => e.id !== id);
  tryWrite(storage, STORAGE_KEYS.history, JSON.stringify(next));
  return next;
}

export function historyEntry(
  run: { scenarioId: string; title: string; seed: number; partner: string; outcome: OutcomeName | null },
  report: ScoreReport,
  endedAt: string,
): HistoryEntry {
  return {
    ...run,
    overall: report.overall,
    communication: report.communication.score,
    proactivity: report.proactivity.score,
    businessImpact: report.businessImpact.score,
    // Kept in English words, as every saved entry has it; a screen words it anew from `overall` (verdictFor).
    verdict: verdictLabel(report.verdict, 'en'),
    endedAt,
  };
}

/** The best overall score per scenario, for the picker's cards. */
export function bestScores(history: readonly HistoryEntry[]): Map<string, number> {
  const best = new Map<string, number>();
  for (const h of history) best.set(h.scenarioId, Math.max(best.get(h.scenarioId) ?? -1, h.overall));
  return best;
}

function isEntry(x: unknown): x is HistoryEntry {
  const e = x as Partial<HistoryEntry> | null;
  return (
    typeof e === 'object' && e !== null &&
    typeof e.scenarioId === 'string' && typeof e.title === 'string' &&
    typeof e.overall === 'number' && typeof e.endedAt === 'string' && typeof e.seed === 'number'
  );
}
