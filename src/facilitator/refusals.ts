import type { SeedProblem } from '../engine/rng.ts';
import type { RunRefusal } from '../engine/run-refusal.ts';
import type { Catalogue, MessageRef } from '../i18n/messages.ts';
import type { TailoringProblem } from '../scenarios/tailoring.ts';

// Why the exercise refused a command, as data: a key of this catalogue and the values its text
// needs. The exercise model says nothing in words; the console words a refusal in its own
// language (these keys are part of the console's catalogue, German in its messages-de.json).
// Placeholders are typed from the English text, so a refusal without a value its text needs does
// not compile. The run's, the seed check's and the tailoring's own reasons come as their data
// (`Reasoned`), worded by the engine's catalogue in the console's language; `passedOn` carries a
// thrown error's message, which is still English.

const en = {
  'refused.participantName': 'give the participant a name',
  'refused.noParticipant': 'no such participant',
  'refused.scenarioFixed': 'the scenario is fixed once the briefing has started',
  'refused.noScenarioFile': 'the scenario file "{name}" is not in this browser',
  'refused.noScenario': 'no scenario "{id}"',
  'refused.langFixed': 'the scenario’s language is fixed once the briefing has started',
  'refused.chooseScenario': 'choose a scenario first',
  'refused.tailoringRun': 'the tailoring cannot apply to the running exercise: {reason}',
  'refused.partnerFixed': 'the IT partner is fixed once the briefing has started',
  'refused.noPartner': 'no partner "{id}" in this scenario',
  'refused.seedFixed': 'the seed is fixed once the briefing has started',
  'refused.noPace': 'no pace "{pace}"',
  'refused.noClockMode': 'no clock mode "{mode}"',
  'refused.noBriefingPage': 'no briefing page "{page}"',
  'refused.discussionRange': 'a discussion timer is from 0 to {max} minutes',
  'refused.discussionUnset': 'set the discussion time first',
  'refused.briefingOpen': 'the briefing is already open',
  'refused.teamName': 'give the team a name first (it heads the report)',
  'refused.cannotStart': '"{title}" cannot start: {reason}',
  'refused.noWayBack': 'the exercise has started; it can no longer go back to set-up',
  'refused.prepInBriefing': 'preparation is bought during the briefing',
  'refused.noMeasure': 'no preparation measure "{id}"',
  'refused.overBudget': '"{name}" costs {cost} but only {left} of the budget is left',
  'refused.openBriefing': 'open the briefing first',
  'refused.incidentStarted': 'the incident has already started',
  'refused.notRunning': 'the incident is not running',
  'refused.noSpeed': 'speed is 1×, 2× or 4×',
  'refused.clockStopped': 'the clock is stopped',
  'refused.timeSteps': 'time passes in steps of {short} or {long} minutes',
  'refused.decisionDue': "the decision is due at {time}: record the team's choice, or skip the beat to apply its default",
  'refused.noOption': 'no option "{id}" in this decision',
  'refused.optionUnavailable': 'option {key} is not available: {reason}',
  'refused.noVote': 'no decision is open for a vote',
  'refused.voteRange': 'a vote count is a whole number from 0 to {max}',
  'refused.markOption': 'mark the option the team chose first (keys 1–5)',
  'refused.nothingToReveal': 'there is no recorded choice waiting to be revealed',
  'refused.revealFirst': 'reveal the consequences first (R)',
  'refused.decisionOpen': 'the current decision is still open',
  'refused.undoLive': 'undo works while the incident runs',
  'refused.alreadyEnded': 'the exercise has already ended',
  'refused.notStarted': 'the incident has not started',
  'refused.notInDebrief': 'the exercise is not in its debrief',
  'refused.runOver': 'the run has reached its ending; there is nothing left to play',
  'refused.noteEmpty': 'the note is empty',
  'refused.noteTooLong': 'a note is at most {max} characters (this one has {length})',
  'refused.noNoteKind': 'no note kind "{kind}"',
  'refused.noNote': 'no such note',
  'refused.noteCleared': 'a note cannot be empty; delete it instead',
  'refused.noRating': 'a rating is P, S, M or U',
  'refused.noAction': 'no such corrective action',
  'refused.noReportField': 'no report field "{field}"',
  'refused.textTooLong': 'that text is at most {max} characters',
  'refused.reasonTooLong': 'a reason is at most {max} characters',
  'refused.noFinding': 'no such finding',
  'refused.selfMerge': 'a finding cannot be merged into itself',
  'refused.ended': 'the exercise has ended',
  'refused.startIncident': 'start the incident first',
  'refused.choiceWaiting': 'a choice is waiting: reveal its consequences first (R)',
  'refused.moveOn': 'move on to the next decision first (N)',
  'refused.notStartedRun': 'the exercise has not started',
  'refused.noObjective': 'no learning objective "{id}" in this scenario',
  'refused.dueNotDate': 'the completion date "{date}" is not a date (use the date picker, or YYYY-MM-DD)',
  'refused.startNotDate': 'the start date "{date}" is not a date (use the date picker, or YYYY-MM-DD)',
  'refused.startAfterDue': 'the start date is after the completion date',
  'refused.noElement': 'no capability element "{element}"',
  'refused.noStatus': 'no status "{status}"',
  'refused.passedOn': '{reason}',
} as const satisfies Catalogue;

export type RefusalMessages = typeof en;
export const REFUSALS_EN: RefusalMessages = en;

export type RefusalKey = keyof RefusalMessages;

/** A refusal of the console's catalogue: its key, and `params` when its text has placeholders (typed from the English). */
type Keyed = MessageRef<RefusalMessages>;

/** A refusal the run, the seed check or the tailoring made, as their data (src/i18n/refusal-text.ts words it). */
type Reasoned =
  | { readonly key: 'run'; readonly run: RunRefusal }
  | { readonly key: 'seed'; readonly seed: SeedProblem }
  | { readonly key: 'tailoring'; readonly tailoring: TailoringProblem };

export type Refused = Keyed | Reasoned;

/** A command's answer: null when it was taken, else why not. */
export type Refusal = Refused | null;

/** A thrown error's message (the engine's, the scenario checker's), passed on as it is. */
export const passedOn = (reason: string): Refused => ({ key: 'refused.passedOn', params: { reason } });
