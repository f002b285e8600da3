import { describe, expect, it } from 'vitest';
import type { PresenterFrame } from '../../src/facilitator/frame.ts';
import {
  byeMessage,
  consoleClosedMessage,
  consoleOpenMessage,
  consoleReceive,
  consoleStart,
  frameMessage,
  helloMessage,
  parseSyncMessage,
  presenterReceive,
  presenterStart,
} from '../../src/facilitator/sync.ts';
import { sampleFrame } from './helpers.ts';

const frame = (sessionId: string, rev: number): PresenterFrame => sampleFrame(sessionId, rev);

describe('sync messages', () => {
  it('ignores anything that is not a message of this protocol', () => {
    expect(parseSyncMessage(null)).toBeNull();
    expect(parseSyncMessage('hello')).toBeNull();
    expect(parseSyncMessage({ v: 1, kind: 'hello', presenter: 'p' })).toBeNull();
    expect(parseSyncMessage({ v: 2, kind: 'shout', presenter: 'p' })).toBeNull();
    expect(parseSyncMessage({ v: 2, kind: 'hello', presenter: '' })).toBeNull();
    expect(parseSyncMessage({ v: 2, kind: 'frame', console: 'c', frame: { sessionId: 's' } })).toBeNull();
    expect(parseSyncMessage(helloMessage('p1'))).toEqual({ v: 2, kind: 'hello', presenter: 'p1' });
    expect(parseSyncMessage(frameMessage('c1', frame('s', 3)))?.kind).toBe('frame');
  });

  it('drops a frame with a missing field, a wrong type or an absurd revision', () => {
    const good = frame('s', 3);
    const bad: [string, unknown][] = [
      ['rev 1e9', { ...good, rev: 1e9 }],
      ['rev -1', { ...good, rev: -1 }],
      ['no stage', { ...good, stage: undefined }],
      ['an unknown stage', { ...good, stage: 'party' }],
      ['participants that are not a list', { ...good, participants: 'all' }],
      ['a view without services', { ...good, view: { ...good.view!, services: undefined } }],
      ['votes with a negative count', { ...good, votes: [{ option: 'a', key: 1, label: 'A', count: -3 }] }],
      ['an inject at time NaN', { ...good, latestInject: { ...(good.view!.injects[0] ?? { id: 'x', channel: 'alert', from: 'x', text: 'x' }), t: Number.NaN } }],
      ['speed 3', { ...good, speed: 3 }],
    ];
    for (const [what, f] of bad) expect(parseSyncMessage({ v: 1, kind: 'frame', console: 'c', frame: f }), what).toBeNull();
  });

  it('lets the next good frame through after a bad one', () => {
    let s = presenterStart(null);
    for (const data of [{ v: 1, kind: 'frame', console: 'c1', frame: { ...frame('s1', 1e9) } }, frameMessage('c1', frame('s1', 2))]) {
      const message = parseSyncMessage(data);
      if (message) s = presenterReceive(s, message);
    }
    expect(s.frame).toMatchObject({ sessionId: 's1', rev: 2 });
  });
});

describe('presenter side', () => {
  it('shows newer frames of a session and never goes back to an older one', () => {
    let s = presenterStart(null);
    expect(s.link).toBe('waiting');
    s = presenterReceive(s, frameMessage('c1', frame('s1', 5)));
    expect(s).toMatchObject({ link: 'connected', console: 'c1', frame: { rev: 5 } });
    s = presenterReceive(s, frameMessage('c1', frame('s1', 4)));
    expect(s.frame?.rev).toBe(5);
    s = presenterReceive(s, frameMessage('c1', frame('s1', 6)));
    expect(s.frame?.rev).toBe(6);
  });

  it('follows the console to another session, even one with a lower revision', () => {
    let s = presenterReceive(presenterStart(frame('s1', 40)), frameMessage('c1', frame('s2', 1)));
    expect(s.frame).toMatchObject({ sessionId: 's2', rev: 1 });
    s = presenterReceive(s, consoleClosedMessage('c-other'));
    expect(s.link).toBe('connected');
    s = presenterReceive(s, consoleClosedMessage('c1'));
    expect(s.link).toBe('closed');
    expect(s.frame?.sessionId).toBe('s2');
  });
});

describe('console side', () => {
  it('answers a presenter’s hello with the current frame and counts presenters', () => {
    const f = frame('s1', 9);
    let step = consoleReceive(consoleStart('c1'), helloMessage('p1'), f);
    expect(step.reply).toEqual(frameMessage('c1', f));
    step = consoleReceive(step.state, helloMessage('p2'), f);
    step = consoleReceive(step.state, helloMessage('p2'), f);
    expect(step.state.presenters).toEqual(['p1', 'p2']);
    step = consoleReceive(step.state, byeMessage('p1'), f);
    expect(step.state.presenters).toEqual(['p2']);
    expect(consoleReceive(consoleStart('c1'), helloMessage('p1'), null).reply).toBeNull();
  });

  it('steps back when a console opened later takes over, and stops answering', () => {
    let step = consoleReceive(consoleStart('c1'), consoleOpenMessage('c1'), null);
    expect(step.state.authority).toBe(true);
    step = consoleReceive(step.state, consoleOpenMessage('c2'), null);
    expect(step.state.authority).toBe(false);
    expect(consoleReceive(step.state, helloMessage('p1'), frame('s1', 1)).reply).toBeNull();
  });
});
