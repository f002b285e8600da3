import type { DimensionName, PartnerTierName } from '../scenarios/schema.ts';
import type { Lang } from './lang.ts';

// The few words every surface shares (the three scores, the partner tiers, the mood scale), in
// one place so the game, the console, the presenter, the phones and the reports name them alike.

export const MOODS = ['confident', 'uneasy', 'worried', 'angry'] as const;
export type Mood = (typeof MOODS)[number];

type Words = {
  readonly dimension: { readonly [D in DimensionName]: string };
  readonly tier: { readonly [T in PartnerTierName]: string };
  readonly mood: { readonly [M in Mood]: string };
};

const WORDS: { readonly [L in Lang]: Words } = {
  en: {
    dimension: { communication: 'Communication', proactivity: 'Proactivity', businessImpact: 'Business impact' },
    tier: { 'break-fix': 'Break-fix vendor', managed: 'Managed service', strategic: 'Strategic partner' },
    mood: { confident: 'confident', uneasy: 'uneasy', worried: 'worried', angry: 'angry' },
  },
  de: {
    dimension: { communication: 'Kommunikation', proactivity: 'Proaktivität', businessImpact: 'Geschäftsauswirkung' },
    tier: { 'break-fix': 'Reparaturdienstleister', managed: 'Managed-Service-Anbieter', strategic: 'Strategischer Partner' },
    mood: { confident: 'zuversichtlich', uneasy: 'verunsichert', worried: 'besorgt', angry: 'verärgert' },
  },
};

export const dimensionLabel = (d: DimensionName, lang: Lang): string => WORDS[lang].dimension[d];
export const tierLabel = (t: PartnerTierName, lang: Lang): string => WORDS[lang].tier[t];
export const moodLabel = (m: Mood, lang: Lang): string => WORDS[lang].mood[m];

/** The one mood scale for stakeholders' confidence (0–100): the same number always reads as the same word. */
export function moodOf(sentiment: number): Mood {
  if (sentiment >= 65) return 'confident';
  if (sentiment >= 40) return 'uneasy';
  if (sentiment >= 20) return 'worried';
  return 'angry';
}
