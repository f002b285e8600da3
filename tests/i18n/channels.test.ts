import { describe, expect, it } from 'vitest';
import { channelLabel } from '../../src/i18n/channels.ts';
import { CHANNELS } from '../../src/scenarios/schema.ts';

describe('channel names', () => {
  it('names every channel in English and German, each name once per language', () => {
    for (const lang of ['en', 'de'] as const) {
      const names = CHANNELS.map((c) => channelLabel(c, lang));
      expect(names.every((n) => n.length > 0 && !CHANNELS.includes(n as never))).toBe(true);
      expect(new Set(names).size).toBe(CHANNELS.length);
    }
    expect(channelLabel('call', 'en')).toBe('Phone call');
    expect(channelLabel('call', 'de')).toBe('Anruf');
    expect(channelLabel('regulator', 'de')).toBe('Aufsichtsbehörde');
  });

  it('shows a channel id it does not know as it is, never a blank or an inherited property', () => {
    expect(channelLabel('fax', 'de')).toBe('fax');
    expect(channelLabel('constructor', 'en')).toBe('constructor');
  });
});
