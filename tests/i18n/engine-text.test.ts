import { describe, expect, it } from 'vitest';
import type { PartnerLesson } from '../../src/engine/partner-comparison.ts';
import type { RegulatorEvent } from '../../src/engine/playthrough.ts';
import { RATINGS, VERDICT_IDS, type ScoreReason } from '../../src/engine/scoring.ts';
import {
  lessonText,
  objectiveReasonText,
  ratingLabel,
  reasonText,
  regulatorEventText,
  rubricMarkdown,
  unavailableText,
  verdictText,
} from '../../src/i18n/engine-text.ts';

// The engine's data in words: English exactly as the engine wrote it before it returned data,
// German complete (placeholders filled, German numbers and money, no English left in).
// Intl writes German money with a no-break space before the sign: "80.000\u00a0€".

const REASONS: ScoreReason[] = [
  { kind: 'scenario', text: 'Told customers early' },
  { kind: 'timeout', beat: 'outage', title: 'The database falls over' },
  { kind: 'regulator-on-time', regulator: 'dpa', name: 'Datenschutzbehörde' },
  { kind: 'regulator-late', regulator: 'dpa', name: 'Datenschutzbehörde' },
  { kind: 'regulator-missed', regulator: 'dpa', name: 'Datenschutzbehörde' },
  { kind: 'revenue-lost', lost: 80000, atRisk: 1250000, currency: 'EUR' },
  { kind: 'customers-affected', affected: 12500, customers: 40000 },
  { kind: 'downtime', minutes: 125.4, tolerance: 1440 },
  { kind: 'compliance-exposure', exposure: 42.6 },
  { kind: 'stakeholder-confidence', start: 61.2, end: 38.7 },
];

/** Words that would show an English sentence left in a German text. */
const ENGLISH = /\b(the|of|at|and|with|lost|against|notified|missed|deadline|points|earned|would|ended|cost|revenue|customers|downtime)\b/i;

describe('score reasons', () => {
  it('read in English as the engine wrote them', () => {
    expect(REASONS.map((r) => reasonText(r, 'en'))).toEqual([
      'Told customers early',
      'Let the clock decide at "The database falls over"',
      'Notified Datenschutzbehörde within the deadline',
      'Notified Datenschutzbehörde late, which still beats silence',
      'Missed the notification deadline of Datenschutzbehörde',
      'Revenue lost: 80,000 EUR of 1,250,000 EUR at risk',
      'Customers affected: 12,500 of 40,000',
      'Downtime: 125 min against 1440 min the business can tolerate',
      'Compliance exposure: 43 of 100',
      'Stakeholder confidence: 61 at the start, 39 at the end',
    ]);
  });

  it('read in German, with German numbers and money and nothing left in English', () => {
    const de = REASONS.map((r) => reasonText(r, 'de'));
    expect(de).toEqual([
      'Told customers early', // the scenario's own words: a German scenario carries them in German
      'Die Uhr entscheiden lassen bei „The database falls over“',
      'Datenschutzbehörde fristgerecht informiert',
      'Datenschutzbehörde verspätet informiert – immer noch besser als Schweigen',
      'Meldefrist versäumt: Datenschutzbehörde',
      'Umsatzverlust: 80.000\u00a0€ von 1.250.000\u00a0€ gefährdetem Umsatz',
      'Betroffene Kunden: 12.500 von 40.000',
      'Ausfallzeit: 125 Min.; verkraftbar wären 1440 Min.',
      'Compliance-Risiko: 43 von 100',
      'Vertrauen der Beteiligten: 61 zu Beginn, 39 am Ende',
    ]);
    for (const text of de.slice(2)) {
      expect(text).not.toMatch(/[{}]/);
      expect(text).not.toMatch(ENGLISH);
    }
  });
});

describe('ratings, objectives and verdicts', () => {
  it('name every rating and verdict in both languages, differently', () => {
    for (const r of RATINGS) expect(ratingLabel(r, 'de')).not.toBe(ratingLabel(r, 'en'));
    expect(ratingLabel('S', 'en')).toBe('Performed with some challenges');
    expect(ratingLabel('S', 'de')).toBe('Mit einigen Schwierigkeiten erfüllt');
    for (const id of VERDICT_IDS) {
      const de = verdictText(id, 'de');
      expect(de.label).not.toBe(verdictText(id, 'en').label);
      expect(`${de.label} ${de.text}`).not.toMatch(ENGLISH);
    }
    expect(verdictText({ id: 'strategic-partner' }, 'de').label).toBe('Strategischer Partner');
    expect(verdictText('biggest-regret', 'de').label).toBe('Größter Fehlgriff');
    expect(verdictText('biggest-regret', 'en')).toEqual({ label: 'Biggest regret', text: 'On hold when it mattered: the business would not call them again.' });
  });

  it('say why an objective got its rating', () => {
    expect(objectiveReasonText({ dimension: 'communication', basis: { kind: 'evidence', gained: 8, lost: 3 } }, 'en')).toBe(
      '8 points earned and 3 lost on decisions that tested this.',
    );
    expect(objectiveReasonText({ dimension: 'businessImpact', basis: { kind: 'score', score: 62 } }, 'en')).toBe(
      'No decision tested this directly; rated from the business impact score (62).',
    );
    expect(objectiveReasonText({ dimension: 'businessImpact', basis: { kind: 'score', score: 62 } }, 'de')).toBe(
      'Keine Entscheidung hat dieses Ziel direkt geprüft; bewertet nach dem Wert für Geschäftsauswirkung (62).',
    );
    expect(objectiveReasonText({ dimension: 'communication', basis: { kind: 'evidence', gained: 8, lost: 3 } }, 'de')).toMatch(/^Punkte gewonnen: 8, verloren: 3/);
  });

  it('say "not possible" only where the scenario gives no reason of its own', () => {
    expect(unavailableText({ unavailable: null }, 'en')).toBe('Not possible with what you have in place');
    expect(unavailableText({ unavailable: null }, 'de')).toBe('Mit dem, was bei Ihnen vorhanden ist, nicht möglich');
    expect(unavailableText({ unavailable: 'Keine Standby-Umgebung' }, 'en')).toBe('Keine Standby-Umgebung');
  });

  it('word regulator events on the timeline', () => {
    const events: RegulatorEvent[] = [{ kind: 'clock-started', deadline: 1440 }, { kind: 'notified', when: 'on-time' }, { kind: 'notified', when: 'late' }, { kind: 'notified', when: 'early' }, { kind: 'missed' }];
    expect(events.map((e) => regulatorEventText(e, 'en'))).toEqual(['notification due by T+1440 min', 'on time', 'after the deadline', 'before the clock started', 'notification deadline missed']);
    expect(events.map((e) => regulatorEventText(e, 'de'))).toEqual(['Meldung fällig bis T+1440 Min.', 'fristgerecht', 'nach Ablauf der Frist', 'bevor die Frist lief', 'Meldefrist versäumt']);
  });
});

describe('the partner lesson', () => {
  const lesson = (over: Partial<PartnerLesson>): PartnerLesson => ({
    partner: { id: 'meridian', name: 'Meridian Partners', tier: 'strategic' },
    minutesSooner: 125,
    revenueLess: 80000,
    downtimeLess: 90,
    staffHoursLess: 1200,
    overallGain: 18,
    ...over,
  });

  it('is the sentence it always was in English', () => {
    expect(lessonText(lesson({}), 'en', 'EUR')).toBe(
      'With Meridian Partners the same decisions would have ended 2 h 5 min sooner, idled 1,200 fewer staff-hours and cost €80,000 less in lost revenue.',
    );
    expect(lessonText(lesson({ minutesSooner: 0, revenueLess: 0, staffHoursLess: 0 }), 'en', 'EUR')).toBe(
      'With Meridian Partners the same decisions would have ended at the same time and cost the same in lost revenue.',
    );
  });

  it('reads as German, each way round, with German money and spans', () => {
    expect(lessonText(lesson({}), 'de', 'EUR')).toBe(
      'Mit Meridian Partners hätten dieselben Entscheidungen den Vorfall 2 Std. 5 Min. früher beendet, 1.200 Personenstunden weniger Arbeitsausfall verursacht und 80.000\u00a0€ weniger Umsatz gekostet.',
    );
    expect(lessonText(lesson({ minutesSooner: -45, revenueLess: -2500.5, staffHoursLess: -3 }), 'de', 'EUR')).toBe(
      'Mit Meridian Partners hätten dieselben Entscheidungen den Vorfall 45 Min. später beendet, 3 Personenstunden mehr Arbeitsausfall verursacht und 2.501\u00a0€ mehr Umsatz gekostet.',
    );
    expect(lessonText(lesson({ minutesSooner: 0, revenueLess: 0, staffHoursLess: 0 }), 'de', 'CHF')).toBe(
      'Mit Meridian Partners hätten dieselben Entscheidungen den Vorfall zur selben Zeit beendet und gleich viel Umsatz gekostet.',
    );
  });
});

describe('the rubric', () => {
  it('is complete in German: every section, every number, no placeholder or English sentence left', () => {
    const en = rubricMarkdown('en');
    const de = rubricMarkdown('de');
    const kind = (l: string): string => (l === '' ? '' : l.startsWith('## ') ? 'h2' : l.startsWith('# ') ? 'h1' : l.startsWith('- ') ? 'li' : l.startsWith('<!--') ? 'comment' : 'p');
    const skeleton = (md: string): string[] => md.split('\n').map(kind);
    expect(skeleton(de)).toEqual(skeleton(en));
    expect(de).not.toMatch(/\{[a-zA-Z]+\}/);
    for (const line of de.split('\n').filter((l) => l && !l.startsWith('<!--'))) expect(line).not.toMatch(/\b(the|and|with|points|score)\b/);
    expect(de).toContain('Die Frist einer Aufsichtsbehörde verstreichen lassen: −15; eine verspätete Meldung bringt immer noch +5');
    expect(de).toContain('- ab 85: Strategischer Partner.');
    expect(de).toContain('P ab 85\u00a0%, S ab 60\u00a0%, M ab 30\u00a0%, U ab 0\u00a0%');
    expect(de).toContain('## Geschäftsauswirkung');
  });
});
