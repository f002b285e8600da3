import { describe, expect, it } from 'vitest';
import { avatarLook, browLines, hashString, mouthPoints } from '../../src/game/avatar.ts';

const tones = { skin: [1, 2, 3], hair: [4, 5], clothes: [6, 7, 8, 9] };

describe('avatarLook', () => {
  it('gives a stakeholder the same face every time', () => {
    const ada = { id: 'ceo', name: 'Ada', role: 'CEO' };
    expect(avatarLook(ada, tones)).toEqual(avatarLook({ ...ada }, tones));
    expect(hashString('ceo')).toBe(hashString('ceo'));
    expect(hashString('ceo')).not.toBe(hashString('cfo'));
  });

  it('draws groups as a crowd but a person whose role mentions customers as one person', () => {
    expect(avatarLook({ id: 'a', name: 'Sale shoppers', role: 'Customers' }, tones).crowd).toBe(true);
    expect(avatarLook({ id: 'b', name: 'Guests', role: 'Diners tonight' }, tones).crowd).toBe(true);
    expect(avatarLook({ id: 'c', name: 'Pieter Vos', role: 'Head of supply chain at the largest customer' }, tones).crowd).toBe(false);
  });
});

describe('expressions', () => {
  const middle = (points: { y: number }[]): number => points[Math.floor(points.length / 2)]!.y;
  const corner = (points: { y: number }[]): number => points[0]!.y;

  it('smiles when happy and frowns when angry (screen y grows downwards)', () => {
    const happy = mouthPoints('confident', 40);
    const angry = mouthPoints('angry', 40);
    expect(middle(happy)).toBeGreaterThan(corner(happy));
    expect(middle(angry)).toBeLessThan(corner(angry));
  });

  it('drops angry brows towards the nose', () => {
    for (const [outer, inner] of browLines('angry', 40)) expect(inner.y).toBeGreaterThan(outer.y);
    for (const [outer, inner] of browLines('worried', 40)) expect(inner.y).toBeLessThan(outer.y);
  });
});
