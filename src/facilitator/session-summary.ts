import type { ScoreReport } from '../engine/scoring.ts';
import { verdictLabel } from '../i18n/engine-text.ts';
import type { Session, SessionSummary } from './session.ts';

// The session history lists every stored session with its scores. Working them out means
// replaying the session's run, which for a long session takes seconds, so the scores are
// stored with the session when it is saved and the listing reads them from there.
// The verdict is stored as its English label (stored data is not in the reader's language; the
// verdict's id would be the better thing to store once the listing translates it).

export function summaryOf(score: ScoreReport | null): SessionSummary | null {
  if (!score) return null;
  return {
    communication: score.communication.score,
    proactivity: score.proactivity.score,
    businessImpact: score.businessImpact.score,
    overall: score.overall,
    verdict: verdictLabel(score.verdict, 'en'),
  };
}

/** The session with its summary for `score` (the score of its own run, or null before the incident). */
export function withSummary(session: Session, score: ScoreReport | null): Session {
  return { ...session, summary: session.stage === 'incident' || session.stage === 'debrief' ? summaryOf(score) : null };
}

/** The session as it is compared and replayed: the summary is derived from the rest, so it is left out. */
export function withoutSummary(session: Session): Session {
  if (session.summary === undefined) return session;
  const { summary: _summary, ...rest } = session;
  return rest;
}
