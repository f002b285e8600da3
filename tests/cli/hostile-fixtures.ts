import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { ROOT } from './run-cli.ts';

// Hostile scenarios from issue 13, generated at test time (some are megabytes) from the
// minimal fixture, so nothing large is committed.

type Doc = Record<string, any>;

const minimal = (): Doc => parse(readFileSync(join(ROOT, 'tests/fixtures/scenarios/minimal.yaml'), 'utf8')) as Doc;

export function writeFixture(name: string, doc: Doc | string): string {
  const dir = mkdtempSync(join(tmpdir(), 'war-room-hostile-'));
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, typeof doc === 'string' ? doc : stringify(doc, { lineWidth: 0 }));
  return file;
}

const decisionBeat = (id: string, options: { id: string; next: string }[]): Doc => ({
  id,
  title: `Beat ${id}`,
  narrative: 'Something happens.',
  decision: {
    prompt: 'What now?',
    options: options.map((o) => ({ label: `Do ${o.id}`, outcome: 'Done.', ...o })),
    advice: { option: options[0]!.id, why: 'It is the only sensible thing.' },
  },
});

const ending = (id: string): Doc => ({ id, title: 'The end', narrative: 'It is over.', ending: { outcome: 'good' } });

/** Two beats that lead to each other forever, and an ending nothing leads to. */
export function twoBeatCycle(): Doc {
  const doc = minimal();
  doc.id = 'two-beat-cycle';
  doc.start = 'ping';
  doc.beats = [
    decisionBeat('ping', [{ id: 'go', next: 'pong' }, { id: 'run', next: 'pong' }]),
    decisionBeat('pong', [{ id: 'back', next: 'ping' }, { id: 'run', next: 'ping' }]),
    ending('never'),
  ];
  return doc;
}

/**
 * The same cycle, but every lap moves revenue lost (up one way, down the other) and a
 * condition reads it: no two laps merge, so the search can only stop at a limit.
 */
export function growingCycle(): Doc {
  const doc = twoBeatCycle();
  doc.id = 'growing-cycle';
  const adjust = (by: number) => [{ type: 'adjust', params: { metric: 'revenueLost', by } }];
  doc.beats[0].decision.options = [
    { id: 'go', label: 'Go', outcome: 'Gone.', effects: adjust(7), next: 'pong' },
    { id: 'exit', label: 'Leave', outcome: 'Left.', requires: { metric: 'revenueLost', lte: -1 }, next: 'never' },
  ];
  doc.beats[1].decision.options = [
    { id: 'back', label: 'Back', outcome: 'Back.', effects: adjust(-3), next: 'ping' },
    { id: 'run', label: 'Run', outcome: 'Ran.', effects: adjust(1), next: 'ping' },
  ];
  return doc;
}

/** A straight chain of `length` decision beats, then an ending, written compactly (2,705 beats fit in 512 KiB). */
export function chain(length: number): string {
  const head = stringify({ ...minimal(), id: 'long-chain', start: 'b0', beats: undefined }, { lineWidth: 0 });
  const beat = (i: number): string => {
    const next = i + 1 < length ? `b${i + 1}` : 'end';
    return `  - {id: b${i}, title: t, narrative: n, decision: {prompt: p, options: [{id: a, label: a, outcome: o, next: ${next}}, {id: b, label: b, outcome: o, next: ${next}}], advice: {option: a, why: w}}}\n`;
  };
  return `${head}beats:\n${Array.from({ length }, (_, i) => beat(i)).join('')}  - {id: end, title: t, narrative: n, ending: {outcome: good}}\n`;
}

/** `themes:` with `count` items that are not ids. */
export function invalidThemes(count: number): string {
  const text = readFileSync(join(ROOT, 'tests/fixtures/scenarios/minimal.yaml'), 'utf8');
  return text.replace('themes: [cloud]', `themes: [${Array.from({ length: count }, () => 'X').join(',')}]`);
}

/** A difficulty that is `length` characters of nonsense. */
export function hugeEnumValue(length: number): string {
  const text = readFileSync(join(ROOT, 'tests/fixtures/scenarios/minimal.yaml'), 'utf8');
  return text.replace('difficulty: introductory', `difficulty: ${'x'.repeat(length)}`);
}
