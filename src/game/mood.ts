// Stakeholder mood from sentiment (0-100): the one scale in src/store/format.ts, shared with the
// HTML panels, drawn here as faces.
import { moodOf, MOODS, type Mood } from '../i18n/vocabulary.ts';

export { moodOf, MOODS, type Mood };

/** Mouth curvature for a portrait: +1 a full smile, 0 flat, -1 a full frown. */
export function mouthCurve(mood: Mood): number {
  switch (mood) {
    case 'confident':
      return 1;
    case 'uneasy':
      return 0.1;
    case 'worried':
      return -0.45;
    case 'angry':
      return -1;
    default: {
      const unreachable: never = mood;
      return unreachable;
    }
  }
}

/** Brow tilt in radians: worried brows rise in the middle, angry ones slope down to the nose. */
export function browTilt(mood: Mood): number {
  switch (mood) {
    case 'confident':
      return 0;
    case 'uneasy':
      return 0;
    case 'worried':
      return -0.35;
    case 'angry':
      return 0.45;
    default: {
      const unreachable: never = mood;
      return unreachable;
    }
  }
}

/** The mean sentiment of all stakeholders, or null when there are none. */
export function averageSentiment(stakeholders: readonly { sentiment: number }[]): number | null {
  if (stakeholders.length === 0) return null;
  return stakeholders.reduce((sum, s) => sum + s.sentiment, 0) / stakeholders.length;
}
