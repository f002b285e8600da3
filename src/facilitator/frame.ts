import { summarise, type ScoreReport, type ScoreSummary } from '../engine/scoring.ts';
import type { ChoiceSource, RunState } from '../engine/state.ts';
import type { GameView, InjectView } from '../engine/view.ts';
import type { Pace, Speed } from '../store/pace.ts';
import type { Lang } from '../i18n/lang.ts';
import { roleName } from '../i18n/roles.ts';
import type { Tailoring } from '../scenarios/tailoring.ts';
import type { ClockMode } from './clock-policy.ts';
import type { BriefingPage, DecisionStage, PresenterDisplay, Session, Stage } from './session.ts';

// What the projector may show, and nothing else. The console builds a frame after every change
// and sends it to the presenter; advice, facilitator notes, scores so far, evaluator notes and the
// option the facilitator has marked but not recorded never go into one.

export interface FrameVote {
  option: string;
  key: number;
  label: string;
  count: number;
}

export interface OnTheSpot {
  role: string;
  label: string;
  people: string[];
}

export interface PresenterFrame {
  /** The console's language: the presenter speaks it too. */
  lang: Lang;
  /** The language the scenario's text runs in (the session's): the presenter localizes its copy alike. */
  scenarioLang: Lang;
  sessionId: string;
  rev: number;
  stage: Stage;
  decision: DecisionStage;
  scenarioId: string;
  /** The key of a scenario opened from a file (the presenter reads it from the browser's store), or null. */
  scenarioFile: string | null;
  /** The client's names and currency over the scenario: the presenter lays them over its copy too. */
  tailoring: Tailoring;
  teamName: string;
  participants: { name: string; role: string; roleLabel: string }[];
  paused: boolean;
  speed: Speed;
  pace: Pace;
  clock: ClockMode;
  /** When the room's discussion time runs out (real time, ISO), while the facilitator runs it. */
  discussionEndsAt: string | null;
  display: PresenterDisplay;
  /** The half of the briefing to show when both do not fit the projector. */
  briefingPage: BriefingPage;
  /** The room's view of the run: before a recorded choice until it is revealed. */
  view: GameView | null;
  /** Preparation the room is buying during the briefing. */
  prep: string[];
  /** The vote tally of the open decision, when anyone has voted. */
  votes: FrameVote[] | null;
  /** The team's recorded choice, once recorded and until the next decision opens. */
  recorded: { option: string; label: string; by: ChoiceSource; votes: Record<string, number> | null } | null;
  /** What the choice caused: only once the facilitator reveals it. */
  outcome: { label: string; text: string } | null;
  /** Roles the current beat's injects are aimed at, and who holds them. */
  onTheSpot: OnTheSpot[];
  /** The newest inject the room has seen in this beat. */
  latestInject: InjectView | null;
  /** Every inject since the last decision, oldest first. */
  injects: InjectView[];
  /** Scores and verdict: only when the facilitator chose to show them. */
  debrief: ScoreSummary | null;
}

export interface FrameInput {
  session: Session;
  /** What the room may see (Exercise.shown()). */
  shown: { view: GameView; state: RunState } | null;
  /** The live run, for the recorded choice once revealed. */
  live: { view: GameView; state: RunState } | null;
  report: ScoreReport | null;
  /** The console's language, for the presenter's own words and the role names. */
  lang: Lang;
}

export function presenterFrame({ session, shown, live, report, lang }: FrameInput): PresenterFrame {
  const view = shown?.view ?? null;
  const decisionOpen = session.stage === 'incident' && session.decision === 'open' && view?.decision;
  const votes =
    decisionOpen && view?.decision && Object.values(session.votes).some((n) => n > 0)
      ? view.decision.options.map((o) => ({ option: o.id, key: o.key, label: o.label, count: session.votes[o.id] ?? 0 }))
      : null;
  const inBeat = shown ? injectsInBeat(shown.view, shown.state) : [];
  const roles = [...new Set(inBeat.slice().reverse().flatMap((i) => i.audience))];

  return {
    lang,
    scenarioLang: session.scenarioLang,
    sessionId: session.id,
    rev: session.rev,
    stage: session.stage,
    decision: session.decision,
    scenarioId: session.scenarioId,
    scenarioFile: session.scenarioFile?.key ?? null,
    tailoring: structuredClone(session.tailoring),
    teamName: session.team.name,
    participants: session.team.participants.map((p) => ({ name: p.name, role: p.role, roleLabel: roleName(p.role, lang).label })),
    paused: session.paused,
    speed: session.speed,
    pace: session.pace,
    clock: session.clock,
    discussionEndsAt: session.stage === 'incident' && session.decision === 'open' ? session.discussion.endsAt : null,
    display: { ...session.display },
    briefingPage: session.briefingPage,
    view,
    prep: session.stage === 'briefing' ? [...session.prep] : [],
    votes,
    recorded: session.stage === 'incident' && session.decision !== 'open' ? recordedChoice(live, view) : null,
    outcome:
      session.decision === 'revealed' && live?.view.lastChoice && session.stage !== 'setup'
        ? { label: live.view.lastChoice.label, text: live.view.lastChoice.outcome }
        : null,
    onTheSpot: roles.map((role) => ({
      role,
      label: roleName(role, lang).label,
      people: session.team.participants.filter((p) => p.role === role).map((p) => p.name),
    })),
    latestInject: inBeat.at(-1) ?? null,
    injects: inBeat,
    debrief: session.stage === 'debrief' && report && session.display.scores ? summarise(report) : null,
  };
}

/** The recorded choice as the run logged it (who made it and the votes). */
function recordedChoice(live: FrameInput['live'], view: GameView | null): PresenterFrame['recorded'] {
  if (!live) return null;
  const made = live.state.log.findLast((e) => e.type === 'decision.made');
  if (!made || made.type !== 'decision.made') return null;
  const label =
    view?.decision?.options.find((o) => o.id === made.option)?.label ??
    (live.view.lastChoice?.option === made.option ? live.view.lastChoice.label : made.option);
  return { option: made.option, label, by: made.by, votes: made.votes ?? null };
}

/** Injects delivered since the current beat began: the beat's own and scenario-wide ones. */
function injectsInBeat(view: GameView, state: RunState): InjectView[] {
  const entered = state.log.findLast((e) => e.type === 'beat.entered');
  const since = entered?.t ?? 0;
  const beat = view.beat?.id ?? null;
  return view.injects.filter((i) => i.beat === beat || (i.beat === null && i.t >= since));
}
