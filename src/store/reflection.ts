import type { DimensionName } from '../scenarios/schema.ts';

// Questions a player takes back to their own organisation. They rest on a few ideas: IT is a
// business risk rather than plumbing; a partner who explains options and costs up front is worth
// more than one who reports after the fact; planning ahead and rehearsing beats fixing; and
// results are measured in business terms. The wording is ours.

export interface ReflectionQuestion {
  theme: DimensionName | 'run';
  text: string;
}

const BANK: Record<DimensionName, string[]> = {
  communication: [
    'When a system fails, who tells your customers and staff what is going on, how soon, and is that agreed before it happens?',
    'Does your IT partner lay out the options, costs and likely timelines while a problem is still unfolding, or do you hear the details once it is over?',
    'Which regulator, insurer or key customer expects to hear from you within hours of a breach, and who in your organisation owns that call?',
  ],
  proactivity: [
    'Which two systems would hurt most if they stopped tonight, and when did you last rehearse bringing them back?',
    'Does your partner bring you risks you had not thought to ask about, or only answer the tickets you raise?',
    'Is your partner in the room when you plan next year’s budget and projects, or only when something needs fixing?',
  ],
  businessImpact: [
    'Do you know what an hour without your main systems costs you in revenue, in customers and in goodwill?',
    'Do the reports you get from IT speak in business results, such as the availability of what customers use, or in tickets closed?',
    'If your board asked what good value from IT looks like for you, could you answer in a sentence they would accept?',
  ],
};

/**
 * Five questions: the weakest score's first, then the others in order, and one about the first
 * decision where the player parted from the strategic partner's advice.
 */
export function reflectionQuestions(
  scores: Record<DimensionName, number>,
  divergence: { beatTitle: string; chosen: string } | null,
): ReflectionQuestion[] {
  const order = (Object.keys(BANK) as DimensionName[]).sort((a, b) => scores[a] - scores[b]);
  const [weakest, middle, strongest] = order as [DimensionName, DimensionName, DimensionName];
  const picks: ReflectionQuestion[] = [
    ...BANK[weakest].slice(0, 2).map((text) => ({ theme: weakest, text })),
    { theme: middle, text: BANK[middle][0]! },
    { theme: strongest, text: BANK[strongest][1]! },
  ];
  if (divergence) {
    picks.push({
      theme: 'run',
      text: `At “${divergence.beatTitle}” you chose “${divergence.chosen}”. In your organisation, who would make that call, with what information, and how long would it take them?`,
    });
  } else {
    picks.push({ theme: weakest, text: BANK[weakest][2]! });
  }
  return picks;
}
