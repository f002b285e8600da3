import { describe, expect, it } from 'vitest';
import { csvField, csvText, decisionsCsv, notesCsv } from '../../src/facilitator/csv.ts';
import { buildReport } from '../../src/facilitator/report.ts';
import { ok, running } from './helpers.ts';

describe('CSV escaping', () => {
  it('quotes fields with commas, quotes or line breaks and doubles the quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(' padded ')).toBe('" padded "');
    expect(csvField(null)).toBe('');
    expect(csvField(42)).toBe('42');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(true)).toBe('true');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+1 555')).toBe("'+1 555");
    expect(csvField('-dash')).toBe("'-dash");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tTab')).toBe("'\tTab");
  });

  it('ends every row with CRLF', () => {
    expect(csvText(['a', 'b'], [[1, 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
  });

  it('exports decisions and notes of a run, one row each', () => {
    const h = running();
    ok(h.ex.setVotes('failover', 3));
    ok(h.ex.setVotes('wait', 1));
    ok(h.ex.record('failover'));
    ok(h.ex.addNote({ text: 'Quick, "decisive", call', objective: 'prepared', kind: 'strength' }));
    const r = buildReport(h.compiled, h.ex.session, h.ex.state!, h.ex.score()!, '2025-03-14T10:00:00.000Z', 'en');
    const decisions = decisionsCsv(r).split('\r\n');
    expect(decisions[0]).toBe('n,game_time,beat,prompt,choice,decided_by,votes,advised,followed_advice,status,undone_at');
    expect(decisions[1]).toBe('1,T+0:00,The database falls over,What now?,Fail over to the standby,player,Fail over to the standby: 3; Wait and see: 1,Fail over to the standby,true,kept,');
    const notes = notesCsv(r).split('\r\n');
    expect(notes[1]).toBe('2025-03-14T09:00:00.000Z,T+0:10,Customers ask,Strength,Have a failover ready.,"Quick, ""decisive"", call"');
  });
});
