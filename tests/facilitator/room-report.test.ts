import { describe, expect, it } from 'vitest';
import { roomVotesMarkdown, roomVotesReport } from '../../src/facilitator/room/room-report.ts';
import type { VoteRecord } from '../../src/protocol/views.ts';

const record = (anonymous: boolean): VoteRecord => ({
  decision: 'contain@12',
  beat: 'contain',
  prompt: 'Isolate the plant network?',
  options: [
    { id: 'isolate', label: 'Isolate now' },
    { id: 'wait', label: 'Wait for the vendor' },
  ],
  anonymous,
  tally: { counts: { isolate: 2, wait: 1 }, total: 3 },
  ballots: [
    { name: anonymous ? null : 'Ana', role: anonymous ? null : 'cio', option: 'isolate', confidence: 5, rationale: 'Stop the spread' },
    { name: anonymous ? null : '<b>Bo</b>', role: anonymous ? null : 'cfo', option: 'isolate', confidence: 2, rationale: '' },
    { name: anonymous ? null : 'Cy', role: anonymous ? null : 'ceo', option: 'wait', confidence: null, rationale: 'Production *matters*' },
  ],
});

describe('room votes in the report', () => {
  it('gives the split, the confidence spread and the rationales per decision', () => {
    const [d] = roomVotesReport([record(true)]);
    expect(d!.distribution.map((o) => [o.label, o.count])).toEqual([
      ['Isolate now', 2],
      ['Wait for the vendor', 1],
    ]);
    expect(d!.confidence).toMatchObject({ count: 2, min: 2, max: 5, median: 3.5, byValue: [0, 1, 0, 0, 1] });
    expect(d!.rationales.map((r) => [r.text, r.name])).toEqual([
      ['Stop the spread', null],
      ['Production *matters*', null],
    ]);
  });

  it('names people only when the vote was named, and escapes what they typed in Markdown', () => {
    const anonymous = roomVotesMarkdown(roomVotesReport([record(true)]), 'en');
    expect(anonymous).not.toContain('Ana');
    expect(anonymous).toContain('(anonymous)');
    const named = roomVotesMarkdown(roomVotesReport([record(false)]), 'en');
    expect(named).toContain('Ana: “Stop the spread”');
    expect(named).toContain('Production \\*matters\\*');
    expect(named).not.toContain('<b>');
  });
});
