import type { Catalogue } from './messages.ts';

// The engine's words in English: score reasons, objective ratings, the verdict scale, the partner
// lesson, regulator events and the scoring rubric. The engine returns kinds and numbers;
// src/i18n/engine-text.ts fills these in. English is the source; engine-text-de.ts translates it.

const en = {
  'reason.timeout': 'Let the clock decide at "{title}"',
  'reason.regulatorOnTime': 'Notified {name} within the deadline',
  'reason.regulatorLate': 'Notified {name} late, which still beats silence',
  'reason.regulatorMissed': 'Missed the notification deadline of {name}',
  'reason.revenueLost': 'Revenue lost: {lost} of {atRisk} at risk',
  'reason.customersAffected': 'Customers affected: {affected} of {customers}',
  'reason.downtime': 'Downtime: {minutes} min against {tolerance} min the business can tolerate',
  'reason.complianceExposure': 'Compliance exposure: {exposure} of 100',
  'reason.stakeholderConfidence': 'Stakeholder confidence: {start} at the start, {end} at the end',

  'objective.fromEvidence': '{gained} points earned and {lost} lost on decisions that tested this.',
  'objective.fromScore': 'No decision tested this directly; rated from the {dimension} score ({score}).',

  'rating.P': 'Performed without challenges',
  'rating.S': 'Performed with some challenges',
  'rating.M': 'Performed with major challenges',
  'rating.U': 'Unable to be performed',

  'verdict.strategic-partner.label': 'Strategic partner',
  'verdict.strategic-partner.text': 'In the war room with you: early, open and a step ahead.',
  'verdict.trusted-advisor.label': 'Trusted advisor',
  'verdict.trusted-advisor.text': 'Dependable under pressure, with a few gaps to close.',
  'verdict.dependable-vendor.label': 'Dependable vendor',
  'verdict.dependable-vendor.text': 'Fixed what broke, but mostly followed instead of leading.',
  'verdict.reactive-fixer.label': 'Reactive fixer',
  'verdict.reactive-fixer.text': 'Busy with tickets while the business carried the risk.',
  'verdict.liability.label': 'Liability',
  'verdict.liability.text': 'The response added to the damage more often than it limited it.',
  'verdict.biggest-regret.label': 'Biggest regret',
  'verdict.biggest-regret.text': 'On hold when it mattered: the business would not call them again.',

  'option.unavailable': 'Not possible with what you have in place',

  'regulator.clockStarted': 'notification due by T+{deadline} min',
  'regulator.notifiedOnTime': 'on time',
  'regulator.notifiedLate': 'after the deadline',
  'regulator.notifiedEarly': 'before the clock started',
  'regulator.missed': 'notification deadline missed',

  'lesson.sentence': 'With {partner} the same decisions would have {time}{staff} and {cost}.',
  'lesson.sooner': 'ended {span} sooner',
  'lesson.later': 'ended {span} later',
  'lesson.sameTime': 'ended at the same time',
  'lesson.staffFewer': ', idled {hours} fewer staff-hours',
  'lesson.staffMore': ', idled {hours} more staff-hours',
  'lesson.costLess': 'cost {money} less in lost revenue',
  'lesson.costMore': 'cost {money} more in lost revenue',
  'lesson.costSame': 'cost the same in lost revenue',

  'rubric.heading': 'How War Room scores a run',
  'rubric.scores.title': 'Three scores, each out of 100',
  'rubric.scores.what':
    'Every run is scored on how the IT partner communicated, how far ahead it looked, and what the incident cost the business. The overall score is the average of the three.',
  'rubric.scores.why':
    'Every point comes from something that happened in your run: a decision, a preparation measure, a deadline, or the final state of the business. The debrief lists each one with its reason.',
  'rubric.communication.start':
    'Starts at {base}. Decisions that give people clear, honest and timely updates about the problem, the options, the costs and the timeline add points; silence, spin and late news take them away.',
  'rubric.communication.onTime': 'Telling a regulator within its deadline: {points}',
  'rubric.communication.missed': "Letting a regulator's deadline pass: {missed}; telling them late still earns {late}, because late beats silence",
  'rubric.communication.early': 'Telling a regulator before anything notifiable has happened earns nothing: the clock had not started',
  'rubric.proactivity.start':
    'Starts at {base}. Preparation bought before the incident, early detection, rehearsed responses and looking ahead to the next problem add points; waiting for things to get worse takes them away.',
  'rubric.proactivity.timeout': 'Letting a timed decision run out so the default happens: {points} each time',
  'rubric.impact.start':
    'Starts at {base} and loses points for what the incident cost by the end, each up to a limit. Revenue and downtime keep growing while services are down, so slow responses cost more.',
  'rubric.impact.downtime':
    "Downtime follows the business: a minute counts by the larger of the shares of revenue and of customers out at that moment (each service's revenue and customer share; a degraded service counts by its own degraded share, half unless the scenario says otherwise). A minute with everything out counts whole; a service that carries neither, such as a database or a network, counts only through the services that depend on it.",
  'rubric.impact.revenue': 'Revenue lost, against the revenue at risk in the scenario: up to {points}',
  'rubric.impact.customers': 'Customers affected at the worst moment, against all customers: up to {points}',
  'rubric.impact.downtimeLimit': 'Downtime, against twice what the business can tolerate: up to {points}',
  'rubric.impact.compliance': 'Compliance exposure (missed deadlines, unreported breaches): up to {points}',
  'rubric.impact.reputation': 'Stakeholder confidence lost (average mood drop, 50 points = the full penalty): up to {points}',
  'rubric.verdict.title': 'The verdict on your partner',
  'rubric.verdict.scale': 'The overall score places the partner you played on a scale from strategic partner to biggest regret.',
  'rubric.verdict.step': '{min}+: {label}. {text}',
  'rubric.objectives.title': 'Learning objectives',
  'rubric.objectives.what':
    'Each scenario names what it wants you to practise, and each objective belongs to one of the three scores. Decisions that test an objective count as evidence for it.',
  'rubric.objectives.how':
    'An objective is rated on the share of evidence points you earned rather than lost: {byEvidence}. With no evidence in your run, it is rated from its score: {byScore}.',
  'rubric.objectives.from': '{rating} from {min}',
  'rubric.objectives.rating': '{rating}: {label}',

  // Why the run, the seed check and the tailoring refuse something (src/i18n/refusal-text.ts).
  'refusal.quoted': '"{text}"',
  'refusal.notAnInput': 'an input must be an object with a type',
  'refusal.extraFields': 'a {type} input has no field {fields}',
  'refusal.measuresNotList': 'the preparation must be a list of at most {max} measure ids',
  'refusal.noOptionId': 'a choice must name an option id',
  'refusal.votesNotMap': 'votes must map option ids to counts',
  'refusal.votesOutOfRange': "votes are whole numbers from 0 to {max} for the decision's options",
  'refusal.tickOutOfRange': 'the clock moves in whole minutes, from 1 to {max} ({days} days) at a time',
  'refusal.extendOutOfRange': 'a timer is extended by whole minutes, from 1 to {max} ({days} days)',
  'refusal.unknownInput': 'unknown input type {type}',
  'refusal.noInputType': '(none)',
  'refusal.prepOver': 'preparation is over: the incident has started',
  'refusal.unknownMeasures': 'no preparation measure {measures}; choose from {known}',
  'refusal.measureTwice': 'a measure can be bought only once',
  'refusal.overBudget': 'these measures cost {cost} but the budget is {budget}',
  'refusal.notStarted': 'the incident has not started: commit the preparation first',
  'refusal.noDecision': 'no decision is waiting for an answer',
  'refusal.unknownOption': 'no option "{option}" in beat "{beat}"; options are {options}',
  'refusal.badVotes': 'votes are whole numbers >= 0 for options of this decision',
  'refusal.optionUnavailable': 'option "{option}" is not available',
  'refusal.optionUnavailableBecause': 'option "{option}" is not available: {reason}',
  'refusal.cannotChooseNow': 'option "{option}" cannot be chosen now',
  'refusal.noTimer': 'no timed decision is running',
  'refusal.noInject': 'no inject is waiting to be released in this beat',
  'refusal.nothingToSkip': 'no decision is waiting that could be skipped',
  'seed.outOfRange': 'the seed must be a whole number from 0 to {max}',
  'tailoring.companyTooLong': 'the company name is longer than {max} characters',
  'tailoring.sectorTooLong': 'the sector is longer than {max} characters',
  'tailoring.unknownCurrency': 'no currency "{currency}" (allowed: {allowed})',
  'tailoring.tooManyPeople': 'at most {max} people can be renamed',
  'tailoring.personNameTooLong': 'the new name for "{id}" is longer than {max} characters',
  'tailoring.unknownPerson': 'no person "{id}" in "{scenario}"',
} as const satisfies Catalogue;

export type EngineMessages = typeof en;

export const ENGINE_TEXT_EN: EngineMessages = en;
