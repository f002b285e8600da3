import { isJoinCode, normaliseJoinCode } from '../protocol/join-code.ts';
import { MAX_DISPLAY_NAME, MAX_RATIONALE } from '../protocol/limits.ts';
import { ROLES, roleLabel } from '../scenarios/roles.ts';
import type { JoinInfo, ParticipantView, PhoneOption } from '../protocol/views.ts';
import { fetchJoinInfo, JoinError, Link, type LinkStatus } from './connection.ts';
import { h } from './dom.ts';
import { loadSeat } from './storage.ts';

// The phone page: code → name and role → the room (situation, injects, the vote) → thank you.
// Everything is rebuilt from the last view the server sent, except what the person is typing:
// the draft vote is kept here so an update from the room never wipes it.

interface Draft {
  decision: string;
  option: string | null;
  confidence: number | null;
  rationale: string;
}

export class JoinApp {
  private link: Link | null = null;
  private view: ParticipantView | null = null;
  private status: LinkStatus = 'joining';
  private statusDetail = '';
  private notice = '';
  private draft: Draft | null = null;
  private lastRendered = '';

  constructor(private readonly root: HTMLElement) {}

  start(): void {
    const typed = normaliseJoinCode(new URLSearchParams(location.search).get('code') ?? '');
    if (isJoinCode(typed) && loadSeat(typed)) return void this.enter(typed);
    // Arriving by the QR code: the code is filled in, so go straight to name and role.
    if (isJoinCode(typed)) return void this.checkCode(typed);
    this.codeScreen(typed);
  }

  // ---- before the room ----------------------------------------------------------------------

  private codeScreen(code: string, error = ''): void {
    const input = h('input', {
      id: 'code',
      name: 'code',
      value: code,
      inputmode: 'text',
      autocapitalize: 'characters',
      autocomplete: 'off',
      spellcheck: 'false',
      maxlength: 9,
      required: true,
      'aria-describedby': 'code-help',
      ...(error ? { 'aria-invalid': 'true' } : {}),
    });
    const form = h(
      'form',
      {
        class: 'card',
        onsubmit: (e) => {
          e.preventDefault();
          void this.checkCode(normaliseJoinCode(input.value));
        },
      },
      h('label', { for: 'code' }, 'Workshop code'),
      input,
      h('p', { id: 'code-help', class: 'help' }, 'Six letters and digits, as shown on the projector.'),
      error ? h('p', { class: 'error', role: 'alert' }, error) : null,
      h('button', { type: 'submit', class: 'primary' }, 'Next'),
    );
    this.screen('Join a workshop', form);
    input.focus();
  }

  private async checkCode(code: string): Promise<void> {
    if (!isJoinCode(code)) return this.codeScreen(code, 'A code is six characters: letters and digits, without 0, 1, I or O.');
    try {
      this.detailsScreen(await fetchJoinInfo(code));
    } catch (error) {
      this.codeScreen(code, error instanceof JoinError ? error.message : 'Could not reach the workshop: check the Wi-Fi and try again.');
    }
  }

  private detailsScreen(info: JoinInfo, error = '', name = ''): void {
    const nameInput = h('input', { id: 'name', name: 'name', value: name, maxlength: MAX_DISPLAY_NAME, autocomplete: 'nickname', required: true });
    const free = new Map(info.roles.map((r) => [r.id, r.free]));
    const roles = h(
      'fieldset',
      { class: 'roles' },
      h('legend', {}, 'Your role'),
      ...ROLES.map((r) => {
        const full = (free.get(r.id) ?? 0) <= 0;
        return h(
          'label',
          { class: full ? 'role full' : 'role' },
          h('input', { type: 'radio', name: 'role', value: r.id, required: true, disabled: full }),
          h('span', { class: 'role-label' }, r.label),
          h('span', { class: 'role-title' }, full ? `${r.title} — no seat left` : r.title),
        );
      }),
    );
    const form = h(
      'form',
      {
        class: 'card',
        onsubmit: (e) => {
          e.preventDefault();
          const role = (form.querySelector('input[name=role]:checked') as HTMLInputElement | null)?.value;
          const typed = nameInput.value.trim();
          if (!typed) return this.detailsScreen(info, 'Type the name the others know you by.', nameInput.value);
          if (!role) return this.detailsScreen(info, 'Choose your role.', nameInput.value);
          void this.enter(info.code, { name: typed, role }).catch((err: Error) => this.detailsScreen(info, err.message, typed));
        },
      },
      h('p', { class: 'exercise' }, info.title),
      h('label', { for: 'name' }, 'Your name'),
      nameInput,
      roles,
      error ? h('p', { class: 'error', role: 'alert' }, error) : null,
      h('button', { type: 'submit', class: 'primary' }, 'Join'),
    );
    this.screen(`Workshop ${info.code}`, form);
    nameInput.focus();
  }

  private async enter(code: string, details?: { name: string; role: string }): Promise<void> {
    this.link?.leave();
    const link = new Link(code, {
      status: (status, detail) => {
        this.status = status;
        this.statusDetail = detail ?? '';
        this.render();
      },
      view: (view) => {
        this.view = view;
        this.notice = '';
        this.render();
      },
      error: (message) => {
        this.notice = message;
        this.render();
      },
    });
    this.link = link;
    this.screen('Joining…', h('p', { class: 'card', role: 'status' }, 'Taking your seat…'));
    try {
      await link.join(details);
    } catch (error) {
      this.link = null;
      if (details) throw error;
      this.codeScreen(code, (error as Error).message);
    }
  }

  // ---- in the room --------------------------------------------------------------------------

  private render(): void {
    const view = this.view;
    if (this.status === 'closed' && !view) return this.codeScreen(this.link?.code ?? '', this.statusDetail);
    if (!view) return;
    // Skip a rebuild that would change nothing (it would also reset focus and scrolling).
    const key = JSON.stringify([view, this.status, this.statusDetail, this.notice, this.draft]);
    if (key === this.lastRendered) return;
    this.lastRendered = key;
    const focused = document.activeElement?.id ?? null;
    const banner =
      this.status === 'reconnecting'
        ? h('p', { class: 'banner', role: 'status' }, 'Reconnecting… your seat and vote are kept.')
        : this.status === 'closed'
          ? h('p', { class: 'banner', role: 'status' }, this.statusDetail)
          : null;
    const who = h('p', { class: 'who' }, `${view.you.name} · ${roleLabel(view.you.role)} · code ${view.code}`);
    this.screen(view.title, banner, who, ...this.phase(view));
    if (focused) document.getElementById(focused)?.focus();
  }

  private phase(view: ParticipantView): (Node | null)[] {
    switch (view.phase) {
      case 'lobby':
        return [h('p', { class: 'card', role: 'status' }, 'You are in. The exercise starts when the facilitator begins; keep this page open.')];
      case 'briefing':
        return [h('p', { class: 'card', role: 'status' }, 'Briefing: read the company and its stakes on the projector. The incident starts soon.')];
      case 'incident':
        return this.incident(view);
      case 'ended':
        return this.thanks(view);
      default: {
        const unreachable: never = view.phase;
        return [h('p', {}, String(unreachable))];
      }
    }
  }

  private incident(view: ParticipantView): (Node | null)[] {
    const parts: (Node | null)[] = [];
    if (view.lastChoice) {
      parts.push(h('section', { class: 'card outcome', 'aria-label': 'What the room chose' }, h('h2', {}, `The room chose: ${view.lastChoice.label}`), h('p', {}, view.lastChoice.outcome)));
    }
    if (view.beat) {
      parts.push(h('section', { class: 'card', 'aria-labelledby': 'beat' }, h('h2', { id: 'beat' }, `T+${view.clock} min · ${view.beat.title}`), h('p', {}, view.beat.narrative)));
    }
    if (view.injects.length > 0) {
      parts.push(
        h(
          'section',
          { class: 'injects', 'aria-labelledby': 'injects-title' },
          h('h2', { id: 'injects-title' }, 'Since the last decision'),
          h(
            'ul',
            {},
            ...view.injects.map((i) =>
              h(
                'li',
                { class: i.forYou ? 'inject for-you' : 'inject' },
                h('p', { class: 'inject-meta' }, `T+${i.t} · ${i.channel} · ${i.from}`, i.forYou ? h('strong', { class: 'badge' }, 'Only for you') : null),
                h('p', {}, i.text),
              ),
            ),
          ),
        ),
      );
    }
    if (view.ending) parts.push(this.ending(view));
    else if (view.decision && view.vote) parts.push(this.voteForm(view));
    else parts.push(h('p', { class: 'card', role: 'status' }, 'The room is discussing. The next question comes soon.'));
    return parts;
  }

  private voteForm(view: ParticipantView): Node {
    const vote = view.vote!;
    const decision = view.decision!;
    if (this.draft?.decision !== vote.decision) {
      this.draft = { decision: vote.decision, option: vote.mine?.option ?? null, confidence: vote.mine?.confidence ?? null, rationale: vote.mine?.rationale ?? '' };
    }
    const draft = this.draft;
    const money = new Intl.NumberFormat(undefined, { style: 'currency', currency: view.currency, maximumFractionDigits: 0 });
    const option = (o: PhoneOption) =>
      h(
        'label',
        { class: o.available ? 'option' : 'option unavailable' },
        h('input', {
          type: 'radio',
          name: 'option',
          value: o.id,
          checked: draft.option === o.id,
          disabled: !o.available || !vote.open,
          onchange: () => {
            draft.option = o.id;
          },
        }),
        h('span', { class: 'option-label' }, `${o.key}. ${o.label}`),
        h('span', { class: 'option-cost' }, `${money.format(o.cost)} · ${o.minutes} min`),
        o.detail ? h('span', { class: 'option-detail' }, o.detail) : null,
        o.available ? null : h('span', { class: 'option-detail' }, `Not available: ${o.unavailable ?? ''}`),
      );
    const confidence = h(
      'fieldset',
      { class: 'confidence' },
      h('legend', {}, 'How sure are you? (optional)'),
      ...[1, 2, 3, 4, 5].map((n) =>
        h(
          'label',
          {},
          h('input', {
            type: 'radio',
            name: 'confidence',
            value: n,
            checked: draft.confidence === n,
            disabled: !vote.open,
            onchange: () => {
              draft.confidence = n;
            },
          }),
          String(n),
        ),
      ),
    );
    const rationale = h('input', {
      id: 'rationale',
      name: 'rationale',
      value: draft.rationale,
      maxlength: MAX_RATIONALE,
      disabled: !vote.open,
      autocomplete: 'off',
      oninput: (e) => {
        draft.rationale = (e.target as HTMLInputElement).value;
      },
    });
    const status = vote.mine
      ? `Your vote: ${decision.options.find((o) => o.id === vote.mine!.option)?.label ?? vote.mine.option}${vote.open ? ' — you can change it until the vote closes.' : '.'}`
      : vote.open
        ? 'You have not voted yet.'
        : 'You did not vote on this one.';
    return h(
      'form',
      {
        class: 'card vote',
        'aria-labelledby': 'question',
        onsubmit: (e) => {
          e.preventDefault();
          if (!draft.option) {
            this.notice = 'Choose an option first.';
            this.lastRendered = '';
            return this.render();
          }
          this.link?.vote({ decision: vote.decision, option: draft.option, confidence: draft.confidence, rationale: draft.rationale.trim() });
        },
      },
      h('h2', { id: 'question' }, decision.prompt),
      h('fieldset', { class: 'options' }, h('legend', {}, 'Options'), ...decision.options.map(option)),
      confidence,
      h('label', { for: 'rationale' }, 'Why? One line (optional)'),
      rationale,
      this.notice ? h('p', { class: 'error', role: 'alert' }, this.notice) : null,
      h('p', { class: 'vote-status', role: 'status' }, vote.open ? status : `Voting is closed. ${status}`),
      vote.open ? h('button', { type: 'submit', class: 'primary' }, vote.mine ? 'Change my vote' : 'Vote') : null,
      vote.tally ? this.tally(view) : null,
    );
  }

  private tally(view: ParticipantView): Node {
    const { tally } = view.vote!;
    const options = view.decision?.options ?? [];
    return h(
      'div',
      { class: 'tally' },
      h('h3', {}, `Votes: ${tally!.total}`),
      h('ul', {}, ...options.map((o) => h('li', {}, `${o.key}. ${o.label}: ${tally!.counts[o.id] ?? 0}`))),
    );
  }

  private ending(view: ParticipantView): Node {
    const e = view.ending!;
    return h('section', { class: 'card', 'aria-labelledby': 'ending' }, h('h2', { id: 'ending' }, e.title), h('p', {}, e.narrative));
  }

  private thanks(view: ParticipantView): (Node | null)[] {
    const e = view.ending;
    return [
      h('section', { class: 'card thanks', 'aria-labelledby': 'thanks' }, h('h2', { id: 'thanks' }, 'Thank you for taking part'), h('p', {}, 'The exercise has ended. The facilitator will take you through the debrief.')),
      e ? this.ending(view) : null,
      e?.scores
        ? h(
            'section',
            { class: 'card', 'aria-labelledby': 'scores' },
            h('h2', { id: 'scores' }, 'Scores'),
            h('ul', { class: 'scores' }, ...e.scores.map((s) => h('li', {}, `${s.name}: ${s.score}`))),
          )
        : null,
    ];
  }

  private screen(title: string, ...content: (Node | null)[]): void {
    document.title = `${title} · War Room`;
    this.root.replaceChildren(h('h1', {}, title), ...content.filter((n): n is Node => n !== null));
  }
}
