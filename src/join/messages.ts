import type { Catalogue } from '../i18n/messages.ts';

// Everything the phone page says in its own words. The scenario's text (situation, injects,
// options) comes from the room in the language the room runs.
// Other languages live in their own files (messages-de.json), fetched only by a phone that shows
// them: the page's first load has a 60 KB budget, and most of it is the room client. The types
// hold each translation to this catalogue in tests/i18n/catalogues.test.ts.

const en = {
  pageTitle: '{title} · War Room',
  language: 'Language',
  joinTitle: 'Join a workshop',
  codeLabel: 'Workshop code',
  codeHelp: 'Six letters and digits, as shown on the projector.',
  codeInvalid: 'A code is six characters: letters and digits, without 0, 1, I or O.',
  next: 'Next',
  noWorkshop: 'No workshop with that code.',
  unreachable: 'Could not reach the workshop: check the Wi-Fi and try again.',
  tooManyAttempts: 'Too many join attempts from this network: wait a minute and try again.',
  workshopFull: 'This workshop is full.',
  serverAnswered: 'The server answered {status}.',
  workshopTitle: 'Workshop {code}',
  yourName: 'Your name',
  nameMissing: 'Type the name the others know you by.',
  yourRole: 'Your role',
  roleMissing: 'Choose your role.',
  roleNoSeat: '{title} — no seat left',
  detailsMissing: 'Choose your name and role first.',
  join: 'Join',
  joining: 'Joining…',
  takingSeat: 'Taking your seat…',
  reconnecting: 'Reconnecting… your seat and vote are kept.',
  left: 'You left the workshop.',
  otherTab: 'This phone’s seat is open in another tab or window.',
  closedRoom: 'The workshop has closed.',
  lostConnection: 'Lost the connection to the workshop.',
  whoAmI: '{name} · {role} · code {code}',
  lobby: 'You are in. The exercise starts when the facilitator begins; keep this page open.',
  briefing: 'Briefing: read the company and its stakes on the projector. The incident starts soon.',
  roomChoseLabel: 'What the room chose',
  roomChose: 'The room chose: {label}',
  beatHeading: 'T+{clock} min · {title}',
  sinceLastDecision: 'Since the last decision',
  onlyForYou: 'Only for you',
  discussing: 'The room is discussing. The next question comes soon.',
  optionCost: '{cost} · {minutes} min',
  notAvailable: 'Not available: {why}',
  confidence: 'How sure are you? (optional)',
  rationale: 'Why? One line (optional)',
  options: 'Options',
  yourVoteOpen: 'Your vote: {label} — you can change it until the vote closes.',
  yourVoteClosed: 'Your vote: {label}.',
  notVotedYet: 'You have not voted yet.',
  didNotVote: 'You did not vote on this one.',
  votingClosed: 'Voting is closed. {status}',
  chooseFirst: 'Choose an option first.',
  vote: 'Vote',
  changeVote: 'Change my vote',
  votes: { one: '{count} vote', other: '{count} votes' },
  optionCount: '{key}. {label}: {count}',
  thanksTitle: 'Thank you for taking part',
  thanksText: 'The exercise has ended. The facilitator will take you through the debrief.',
  scores: 'Scores',
  score: '{name}: {score}',
} as const satisfies Catalogue;

export type JoinMessages = typeof en;

export const JOIN_EN: JoinMessages = en;
