// Stakeholder mood from sentiment (0-100). Thresholds from the war-room brief:
// happy >= 65, neutral 40-64, worried 20-39, angry < 20.

export const MOODS = ['happy', 'neutral', 'worried', 'angry'] as const;
export type Mood = (typeof MOODS)[number];

export function moodOf(sentiment: number): Mood {
  if (sentiment >= 65) return 'happy';
  if (sentiment >= 40) return 'neutral';
  if (sentiment >= 20) return 'worried';
  return 'angry';
}

export const MOOD_LABEL: Record<Mood, string> = {
  happy: 'Happy',
  neutral: 'Neutral',
  worried: 'Worried',
  angry: 'Angry',
};

/** Mouth curvature for a portrait: +1 a full smile, 0 flat, -1 a full frown. */
export function mouthCurve(mood: Mood): number {
  switch (mood) {
    case 'happy':
      return 1;
    case 'neutral':
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
    case 'happy':
      return 0;
    case 'neutral':
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
