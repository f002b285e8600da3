import { browTilt, mouthCurve, type Mood } from './mood.ts';

// The geometry of a stakeholder's drawn face, separate from Phaser so it can be tested:
// an avatar is a deterministic function of the stakeholder's id and their mood.

export interface AvatarLook {
  skin: number;
  hair: number;
  clothes: number;
  hairStyle: 'short' | 'long' | 'bun' | 'bald';
  /** A group ("Customers", "the public") is drawn as three people. */
  crowd: boolean;
}

/** A small stable hash (FNV-1a), so the same stakeholder always gets the same face. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const HAIR_STYLES: AvatarLook['hairStyle'][] = ['short', 'long', 'bun', 'bald'];
// Groups are recognised by their name ("Sale shoppers", "Staff forum"), or by a role that is
// only a group word; a person whose role merely mentions customers stays one person.
const CROWD = /\b(customers|clients|public|users|patients|citizens|passengers|members|guests|residents|shoppers|staff|employees|team|forum|travellers|diners|managers)\b/i;
const GROUP_ROLE = /^(customers|clients|the public|users|patients|passengers|guests|staff|employees|travellers)$/i;

export function avatarLook(
  stakeholder: { id: string; name: string; role: string },
  tones: { skin: readonly number[]; hair: readonly number[]; clothes: readonly number[] },
): AvatarLook {
  const h = hashString(stakeholder.id);
  return {
    skin: tones.skin[h % tones.skin.length]!,
    hair: tones.hair[(h >>> 4) % tones.hair.length]!,
    clothes: tones.clothes[(h >>> 8) % tones.clothes.length]!,
    hairStyle: HAIR_STYLES[(h >>> 12) % HAIR_STYLES.length]!,
    crowd: CROWD.test(stakeholder.name) || GROUP_ROLE.test(stakeholder.role.trim()),
  };
}

export interface Point {
  x: number;
  y: number;
}

/**
 * The mouth as a polyline for a face of radius r centred at (0, 0): a smile bends down in the
 * middle (screen y grows downwards), a frown bends up.
 */
export function mouthPoints(mood: Mood, r: number, segments = 10): Point[] {
  const half = r * 0.16;
  const baseY = r * 0.2;
  const bend = mouthCurve(mood) * r * 0.12;
  return Array.from({ length: segments + 1 }, (_, i) => {
    const t = i / segments;
    const x = -half + 2 * half * t;
    // A parabola through both corners with its extreme at the centre.
    const y = baseY + bend * (1 - (2 * t - 1) ** 2) - bend * 0.35;
    return { x, y };
  });
}

/** The two brows: [outer end, inner end] per eye. Angry brows drop to the nose, worried ones rise. */
export function browLines(mood: Mood, r: number): [Point, Point][] {
  const tilt = browTilt(mood) * r * 0.14;
  const y = -r * 0.3;
  return [-1, 1].map((side) => [
    { x: side * r * 0.3, y: y - tilt * 0.3 },
    { x: side * r * 0.08, y: y + tilt },
  ]) as [Point, Point][];
}
