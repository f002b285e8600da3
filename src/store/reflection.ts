import type { Lang } from '../i18n/lang.ts';
import type { DimensionName } from '../scenarios/schema.ts';
import { debriefText } from './debrief-text.ts';

// Questions a player takes back to their own organisation. They rest on a few ideas: IT is a
// business risk rather than plumbing; a partner who explains options and costs up front is worth
// more than one who reports after the fact; planning ahead and rehearsing beats fixing; and
// results are measured in business terms. The wording is ours, in each language
// (src/store/debrief-messages.ts).

export interface ReflectionQuestion {
  theme: DimensionName | 'run';
  text: string;
}

/** Three questions per score, in the debrief catalogue (src/store/debrief-messages.ts). */
const BANK: Record<DimensionName, readonly ['1', '2', '3']> = {
  communication: ['1', '2', '3'],
  proactivity: ['1', '2', '3'],
  businessImpact: ['1', '2', '3'],
};

/**
 * Five questions: the weakest score's first, then the others in order, and one about the first
 * decision where the player parted from the strategic partner's advice.
 */
export function reflectionQuestions(
  scores: Record<DimensionName, number>,
  divergence: { beatTitle: string; chosen: string } | null,
  lang: Lang = 'en',
): ReflectionQuestion[] {
  const t = debriefText(lang);
  const q = (theme: DimensionName, n: '1' | '2' | '3'): ReflectionQuestion => ({ theme, text: t(`q.${theme}.${n}`) });
  const order = (Object.keys(BANK) as DimensionName[]).sort((a, b) => scores[a] - scores[b]);
  const [weakest, middle, strongest] = order as [DimensionName, DimensionName, DimensionName];
  const picks: ReflectionQuestion[] = [
    ...BANK[weakest].slice(0, 2).map((n) => q(weakest, n)),
    q(middle, BANK[middle][0]),
    q(strongest, BANK[strongest][1]),
  ];
  if (divergence) {
    picks.push({
      theme: 'run',
      text: t('q.divergence', { beat: divergence.beatTitle, chosen: divergence.chosen }),
    });
  } else {
    picks.push(q(weakest, BANK[weakest][2]));
  }
  return picks;
}
