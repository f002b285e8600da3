import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/compile.ts';
import { duration, localTime, parseSetting } from '../../src/engine/local-time.ts';
import { timelineOf } from '../../src/engine/playthrough.ts';
import { optionDuration } from '../../src/engine/run-text.ts';
import { Run } from '../../src/engine/runtime.ts';
import { interpolate } from '../../src/engine/text.ts';
import { SCENARIOS_DIR } from '../../src/scenarios/load-file.ts';
import { parseScenario } from '../../src/scenarios/load.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';
import { localizeScenario } from '../../src/scenarios/translation.ts';
import { parseTranslation } from '../../src/scenarios/translation-load.ts';

// The company clock and the run's own placeholders in the run's language: the engine takes the
// language as an input (English when none is given) and reads a German `setting` as well as an English one.

const load = (name: string): { en: Scenario; de: Scenario } => {
  const en = parseScenario(readFileSync(join(SCENARIOS_DIR, `${name}.yaml`)), `${name}.yaml`).scenario!;
  const file = join(SCENARIOS_DIR, 'translations', `${name}.de.yaml`);
  const loaded = parseTranslation(readFileSync(file, 'utf8'), file, en, 'de');
  return { en, de: localizeScenario(en, loaded.translation!, 'de') };
};

describe('the company clock', () => {
  it('abbreviates the weekday in the run’s language', () => {
    const sunday = { weekday: 6, minutes: 4 * 60 + 10 };
    expect(localTime(sunday, 0)).toBe('Sun 04:10');
    expect(localTime(sunday, 0, 'de')).toBe('So 04:10');
    expect(localTime(sunday, 20 * 60 + 10, 'de')).toBe('Mo 00:20');
    expect([0, 1, 2, 3, 4, 5, 6].map((d) => localTime({ weekday: d, minutes: 0 }, 0, 'de').slice(0, 2))).toEqual(['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So']);
  });

  it('finds the start in a German setting as in an English one', () => {
    expect(parseSetting('Sonntag, 02:40, Hauptwerk')).toEqual({ weekday: 6, minutes: 160 });
    expect(parseSetting('Samstag 08:40, das Telefon der Geschäftsführerin')).toEqual({ weekday: 5, minutes: 520 });
    expect(parseSetting('Sonnabend 08:40')).toEqual({ weekday: 5, minutes: 520 });
    expect(parseSetting('Mittwoch, 10:20')).toEqual({ weekday: 2, minutes: 620 });
    expect(parseSetting('Hauptwerk, irgendwann')).toBeNull();
  });

  it.each(['ransomware-manufacturer', 'payments-friday-night', 'cloud-region-sale'])('reads the German setting of %s as the English one', (name) => {
    const { en, de } = load(name);
    expect(parseSetting(de.setting)).not.toBeNull();
    expect(parseSetting(de.setting)).toEqual(parseSetting(en.setting));
  });
});

describe('a German run', () => {
  it('shows the clock and states {duration} in German, and an English run as before', () => {
    const { en, de } = load('ransomware-manufacturer');
    const german = compileScenario(de);
    const run = Run.start(german, { seed: 7, partner: de.partners[0]!.id });
    expect(run.view('de').localTime).toBe('So 02:40');
    expect(run.view().localTime).toBe('Sun 02:40');
    expect(Run.start(compileScenario(en), { seed: 7, partner: en.partners[0]!.id }).view().localTime).toBe('Sun 02:40');

    const beat = de.beats.find((b) => b.decision?.options.some((o) => o.id === 'insurer-panel'))!;
    const option = beat.decision!.options.find((o) => o.id === 'insurer-panel')!;
    const said = interpolate(option.outcome, { vars: {} }, { duration: optionDuration(german.index, de.partners[0]!.id, option, 'de') });
    expect(said).toMatch(/^Die Hotline meldet sich sofort\. Innerhalb von \d+ (Std\.|Min\.)( \d+ Min\.)? sind/);
    expect(said).not.toContain('{duration}');
  });

  it('writes spans as German does', () => {
    expect([45, 60, 125].map((m) => duration(m, 'de'))).toEqual(['45 Min.', '1 Std.', '2 Std. 5 Min.']);
    expect([45, 60, 125].map((m) => duration(m))).toEqual(['45 min', '1 h', '2 h 5 min']);
  });

  it('keeps the timeline’s regulator events as data for the edge to word', () => {
    const { de } = load('ransomware-manufacturer');
    const compiled = compileScenario(de);
    const run = Run.start(compiled, { seed: 7, partner: de.partners[0]!.id });
    run.commitPreparation([]);
    for (let i = 0; i < 60 && !run.isOver; i++) {
      run.advance(5);
      const d = run.view('de').decision;
      if (d) run.choose(d.options.find((o) => o.available)!.id);
    }
    const timeline = timelineOf(compiled, run.log, 'de');
    const regulators = timeline.filter((e) => e.kind === 'regulator');
    expect(regulators.length).toBeGreaterThan(0);
    for (const e of regulators) expect(['clock-started', 'notified', 'missed']).toContain(e.event.kind);
    const beats = timeline.filter((e) => e.kind === 'beat');
    expect(beats.every((e) => !e.narrative.includes('{now}'))).toBe(true);
  });
});
