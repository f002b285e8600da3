import { roleName } from '../../i18n/roles.ts';
import { consoleLang, t } from '../console/i18n.ts';
import type { ConsoleRoomView, ParticipantEntry } from '../../protocol/views.ts';
import { h, replace } from '../../ui/dom.ts';
import type { ConsoleStore } from '../console/console-store.ts';
import { DEFAULT_ROOM_SETTINGS, RoomLink, type LinkState } from './room-link.ts';
import './room.css';

// The console's room panel: "Open a room", then the code and address, who has joined (connected
// or not), the live vote count on the open decision, the vote's controls and the room's settings.
// Names and rationales go in as text, never markup.

export interface RoomPanelEnv {
  download(fileName: string, mime: string, text: string): void;
}

export function roomPanel(store: ConsoleStore, env: RoomPanelEnv): { el: HTMLElement; destroy(): void } {
  const link = new RoomLink(store);
  const exportLog = async (): Promise<void> => {
    const file = await link.exportLog();
    if (typeof file === 'string') store.getState().notify({ tone: 'error', text: file });
    else env.download(file.fileName, 'application/json', file.text);
  };
  const el = h('section', { class: 'room-panel', attrs: { 'aria-labelledby': 'room-panel-title' } });

  const render = (state: LinkState): void => {
    const title = h('h2', { id: 'room-panel-title', class: 'room-panel__title', text: t('roomTitle') });
    switch (state.kind) {
      case 'none':
        replace(
          el,
          title,
          h('p', { class: 'room-panel__hint', text: t('roomHint') }),
          h('button', { class: 'btn btn--small btn--primary', attrs: { type: 'button' }, text: t('openRoom'), on: { click: () => void link.open(undefined, store.getState().lang) } }),
        );
        return;
      case 'opening':
        replace(el, title, h('p', { attrs: { role: 'status' }, text: t('openingRoom') }));
        return;
      case 'failed':
        replace(
          el,
          title,
          h('p', { class: 'room-panel__error', attrs: { role: 'alert' }, text: t('roomOpenFailed', { reason: state.reason }) }),
          h('button', { class: 'btn btn--small', attrs: { type: 'button' }, text: t('tryAgain'), on: { click: () => void link.open(undefined, store.getState().lang) } }),
        );
        return;
      case 'open':
        replace(el, title, ...openRoom(link, state, () => void exportLog()));
        return;
      default: {
        const unreachable: never = state;
        throw new Error(`unknown room state ${JSON.stringify(unreachable)}`);
      }
    }
  };
  const off = link.onChange(render);
  // Said again in the console's new language when it changes; the room (phones that never chose
  // a language of their own, and the presenter's room card) follows the console.
  const offLang = store.subscribe((s, prev) => {
    if (s.lang === prev.lang) return;
    link.setLanguage(s.lang);
    render(link.state);
  });
  render(link.state);
  void link.resume();
  return {
    el,
    destroy() {
      off();
      offLang();
    },
  };
}

function openRoom(link: RoomLink, state: Extract<LinkState, { kind: 'open' }>, exportLog: () => void): Node[] {
  const room = state.room;
  const settings = room?.settings ?? DEFAULT_ROOM_SETTINGS;
  const head = h(
    'p',
    { class: 'room-panel__code' },
    t('roomCode'),
    h('strong', { class: 'room-panel__code-value', text: state.info.code }),
    ' · ',
    h('a', { attrs: { href: state.info.joinUrl, target: '_blank', rel: 'noopener' }, text: state.info.joinUrl }),
    state.connected ? null : h('span', { class: 'room-panel__warn', text: t('reconnectingRoom') }),
  );
  const toggle = (label: string, key: keyof typeof settings) =>
    h(
      'label',
      { class: 'room-panel__toggle' },
      h('input', {
        attrs: { type: 'checkbox', checked: settings[key] },
        on: { change: (e) => link.setSettings({ ...settings, [key]: (e.target as HTMLInputElement).checked }) },
      }),
      ` ${label}`,
    );
  const controls = h(
    'div',
    { class: 'room-panel__settings' },
    toggle(t('resultsVisible'), 'resultsVisible'),
    toggle(t('anonymous'), 'anonymous'),
    toggle(t('debriefToPhones'), 'debriefToPhones'),
  );
  const exportButton = h('button', { class: 'btn btn--small', attrs: { type: 'button' }, text: t('exportRoomLog'), on: { click: exportLog } });
  const close = h('button', { class: 'btn btn--small btn--ghost', attrs: { type: 'button' }, text: t('closeRoom'), on: { click: () => link.close() } });
  if (room?.readOnly) {
    // Nothing the console sends is taken any more: say why, keep the log exportable, and offer no controls that would be refused.
    return [
      head,
      h(
        'div',
        { class: 'room-panel__read-only', attrs: { role: 'alert' } },
        h('p', { class: 'room-panel__read-only-title', text: t('readOnlyTitle') }),
        h('p', { text: t('readOnlyText', { why: `${room.readOnly.charAt(0).toUpperCase()}${room.readOnly.slice(1)}` }) }),
      ),
      h('div', { class: 'room-panel__actions' }, exportButton, close),
    ];
  }
  const parts: Node[] = [head, controls, voteBlock(link, room)];
  const people = room?.participants ?? [];
  parts.push(
    h(
      'details',
      { class: 'room-panel__people', attrs: { open: people.length > 0 && people.length <= 12 } },
      h('summary', { text: t('joined', { count: people.length, connected: people.filter((p) => p.connected).length }) }),
      h('ul', { class: 'room-panel__list' }, ...people.map(personRow)),
    ),
  );
  parts.push(h('div', { class: 'room-panel__actions' }, exportButton, close));
  return parts;
}

function personRow(p: ParticipantEntry): Node {
  return h(
    'li',
    { class: `room-panel__person${p.connected ? '' : ' room-panel__person--away'}` },
    h('span', { class: 'room-panel__name', text: p.name }),
    h('span', { class: 'room-panel__role', text: roleName(p.role, consoleLang()).label }),
    h('span', { class: 'room-panel__state', text: `${p.connected ? t('connected') : t('away')}${p.voted ? t('voted') : ''}` }),
  );
}

function voteBlock(link: RoomLink, room: ConsoleRoomView | null): Node {
  const vote = room?.vote ?? null;
  if (!vote) return h('p', { class: 'room-panel__vote', text: t('noVote') });
  const button = (text: string, action: 'close' | 'reopen' | 'reveal' | 'hide') =>
    h('button', { class: 'btn btn--small', attrs: { type: 'button' }, text, on: { click: () => link.voteAction(action) } });
  const joined = room?.participants.length ?? 0;
  return h(
    'div',
    { class: 'room-panel__vote' },
    h('p', { attrs: { role: 'status' }, text: `${t(vote.open ? 'voteOpen' : 'voteClosed', { voted: vote.tally.total, joined })}${vote.revealed ? t('resultsShown') : ''}` }),
    vote.open ? button(t('closeVote'), 'close') : button(t('reopenVote'), 'reopen'),
    vote.revealed ? button(t('hideResults'), 'hide') : button(t('showResults'), 'reveal'),
    vote.ballots.some((b) => b.name !== null || b.rationale)
      ? h(
          'ul',
          { class: 'room-panel__ballots' },
          ...vote.ballots.map((b) =>
            h(
              'li',
              { text: `${b.name ?? t('anonymousVoter')}: ${b.option}${b.confidence ? t('confidence', { confidence: b.confidence }) : ''}${b.rationale ? ` — ${b.rationale}` : ''}` },
            ),
          ),
        )
      : null,
  );
}
