import { isJoinCode, normaliseJoinCode } from '../protocol/join-code.ts';
import { MAX_DISPLAY_NAME, MAX_RATIONALE } from '../protocol/limits.ts';
import { ROLES } from '../scenarios/roles.ts';
import { viewLangs, type JoinInfo, type ParticipantView, type PhoneOption } from '../protocol/views.ts';
import { chooseLang, rememberedLang, showLang, storedLang } from '../i18n/browser-lang.ts';
import { formats } from '../i18n/format.ts';
import { LANG_NAMES, LANGS, isLang, type Lang } from '../i18n/lang.ts';
import { translator, type Translation } from '../i18n/messages.ts';
import { roleName } from '../i18n/roles.ts';
import { channelLabel } from '../i18n/channels.ts';
import { fetchJoinInfo, JoinError, Link, type LinkStatus, type Problem } from './connection.ts';
import { h } from './dom.ts';
import GERMAN from './messages-de.json?url&no-inline';
import { JOIN_EN, type JoinMessages } from './messages.ts';
import { loadSeat } from './storage.ts';

// The phone page: code → name and role → the room (situation, injects, the vote) → thank you.
// Everything is rebuilt from the last view the server sent, except what the person is typing:
// the draft vote is kept here so an update from the room never wipes it.
// The page speaks the language this phone chose (a switch on every screen), which the room then
// sends the scenario in too; a phone that never chose follows the room's language. The scenario's
// own text is marked with the language it came in (English where the scenario has no translation).

/** A problem the link reported, or one of the page's own checks; kept as a key so a language switch redraws it too. */
type Notice = Problem | { readonly key: 'codeInvalid' | 'nameMissing' | 'roleMissing' | 'chooseFirst' };

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
  private statusDetail: Problem | null = null;
  private notice: Notice | null = null;
  private draft: Draft | null = null;
  private lastRendered = '';
  private lang: Lang = rememberedLang();
  /** This phone's person chose a language (here or on another War Room page); else the page follows the room's. */
  private ownLang = storedLang() !== null;
  /** The language the scenario text on screen is in (the join info's title, then the room's views). */
  private textLang: Lang = 'en';
  /** The language of the last view the room sent. */
  private viewLang: Lang | null = null;
  /** English, and each other language once fetched. */
  private readonly messages: { en: JoinMessages; de?: Translation<JoinMessages> } = { en: JOIN_EN };
  private readonly t = translator(this.messages, () => this.lang);
  /** Draws the screen that shows now again, in a newly chosen language. */
  private redraw: () => void = () => this.render();

  constructor(private readonly root: HTMLElement) {}

  async start(): Promise<void> {
    if (!(await this.load(this.lang))) this.lang = 'en';
    showLang(this.lang);
    const typed = normaliseJoinCode(new URLSearchParams(location.search).get('code') ?? '');
    if (isJoinCode(typed) && loadSeat(typed)) return void this.enter(typed);
    // Arriving by the QR code: the code is filled in, so go straight to name and role.
    if (isJoinCode(typed)) return void this.checkCode(typed);
    this.codeScreen(typed);
  }

  // ---- before the room ----------------------------------------------------------------------

  /** Fetches a language's words; false when they cannot come (offline before they were ever fetched). */
  private async load(lang: Lang): Promise<boolean> {
    if (lang === 'en' || this.messages[lang]) return true;
    try {
      const res = await fetch(GERMAN);
      const words: unknown = res.ok ? await res.json() : null;
      if (typeof words !== 'object' || words === null) return false;
      // Our own build's file, checked against English by tests/i18n; a key it lacks reads as English.
      this.messages.de = words as Translation<JoinMessages>;
      return true;
    } catch {
      return false;
    }
  }

  private say(problem: Notice | null): string {
    if (!problem) return '';
    return 'key' in problem ? this.t(problem.key) : problem.said;
  }

  private codeScreen(code: string, error: Notice | null = null): void {
    this.redraw = () => this.codeScreen(input.value, error);
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
      h('label', { for: 'code' }, this.t('codeLabel')),
      input,
      h('p', { id: 'code-help', class: 'help' }, this.t('codeHelp')),
      error ? h('p', { class: 'error', role: 'alert' }, this.say(error)) : null,
      h('button', { type: 'submit', class: 'primary' }, this.t('next')),
    );
    this.screen(this.t('joinTitle'), form);
    input.focus();
  }

  private async checkCode(code: string): Promise<void> {
    if (!isJoinCode(code)) return this.codeScreen(code, { key: 'codeInvalid' });
    try {
      const info = await fetchJoinInfo(code, this.ownLang ? this.lang : null);
      await this.follow(info.lang);
      this.detailsScreen(info);
    } catch (error) {
      this.codeScreen(code, error instanceof JoinError ? error.problem : { key: 'unreachable' });
    }
  }

  /** A phone that never chose a language takes the room's (without remembering it). */
  private async follow(roomLang: Lang): Promise<void> {
    if (this.ownLang || roomLang === this.lang || !(await this.load(roomLang))) return;
    this.lang = roomLang;
    showLang(roomLang);
  }

  private detailsScreen(info: JoinInfo, error: Notice | null = null, name = ''): void {
    this.redraw = () => this.detailsScreen(info, error, nameInput.value);
    this.textLang = info.titleLang;
    const nameInput = h('input', { id: 'name', name: 'name', value: name, maxlength: MAX_DISPLAY_NAME, autocomplete: 'nickname', required: true });
    const free = new Map(info.roles.map((r) => [r.id, r.free]));
    const roles = h(
      'fieldset',
      { class: 'roles' },
      h('legend', {}, this.t('yourRole')),
      ...ROLES.map((r) => {
        const full = (free.get(r.id) ?? 0) <= 0;
        const named = roleName(r.id, this.lang);
        return h(
          'label',
          { class: full ? 'role full' : 'role' },
          h('input', { type: 'radio', name: 'role', value: r.id, required: true, disabled: full }),
          h('span', { class: 'role-label' }, named.label),
          h('span', { class: 'role-title' }, full ? this.t('roleNoSeat', { title: named.title }) : named.title),
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
          if (!typed) return this.detailsScreen(info, { key: 'nameMissing' }, nameInput.value);
          if (!role) return this.detailsScreen(info, { key: 'roleMissing' }, nameInput.value);
          void this.enter(info.code, { name: typed, role }).catch((err: Error) =>
            this.detailsScreen(info, err instanceof JoinError ? err.problem : { said: err.message }, typed),
          );
        },
      },
      h('p', { class: 'exercise', ...this.asWritten() }, info.title),
      h('label', { for: 'name' }, this.t('yourName')),
      nameInput,
      roles,
      error ? h('p', { class: 'error', role: 'alert' }, this.say(error)) : null,
      h('button', { type: 'submit', class: 'primary' }, this.t('join')),
    );
    this.screen(this.t('workshopTitle', { code: info.code }), form);
    nameInput.focus();
  }

  private async enter(code: string, details?: { name: string; role: string }): Promise<void> {
    this.link?.leave();
    const link = new Link(
      code,
      {
        status: (status, detail) => {
          this.status = status;
          this.statusDetail = detail ?? null;
          this.render();
        },
        view: (view) => {
          this.view = view;
          this.notice = null;
          const { lang, textLang } = viewLangs(view);
          this.textLang = textLang;
          this.render();
          // The room's language changed (or this is its first view): a phone that never chose follows it
          // (once per change: a language whose words cannot be fetched is not asked for on every update).
          const changed = lang !== this.viewLang;
          this.viewLang = lang;
          if (changed && !this.ownLang && lang !== this.lang) {
            void this.follow(lang).then(() => {
              this.lastRendered = '';
              this.render();
            });
          }
        },
        error: (problem) => {
          this.notice = problem;
          this.render();
        },
      },
      () => (this.ownLang ? this.lang : null),
    );
    this.link = link;
    this.redraw = () => this.render();
    this.screen(this.t('joining'), h('p', { class: 'card', role: 'status' }, this.t('takingSeat')));
    try {
      await link.join(details);
    } catch (error) {
      this.link = null;
      if (details) throw error;
      this.codeScreen(code, error instanceof JoinError ? error.problem : { said: (error as Error).message });
    }
  }

  // ---- in the room --------------------------------------------------------------------------

  private render(): void {
    const view = this.view;
    if (this.status === 'closed' && !view) return this.codeScreen(this.link?.code ?? '', this.statusDetail);
    if (!view) return;
    // Skip a rebuild that would change nothing (it would also reset focus and scrolling).
    const key = JSON.stringify([view, this.status, this.statusDetail, this.notice, this.draft, this.lang, this.textLang]);
    if (key === this.lastRendered) return;
    this.lastRendered = key;
    const focused = document.activeElement?.id ?? null;
    const banner =
      this.status === 'reconnecting'
        ? h('p', { class: 'banner', role: 'status' }, this.t('reconnecting'))
        : this.status === 'closed'
          ? h('p', { class: 'banner', role: 'status' }, this.say(this.statusDetail))
          : null;
    const who = h('p', { class: 'who' }, this.t('whoAmI', { name: view.you.name, role: roleName(view.you.role, this.lang).label, code: view.code }));
    this.screen({ text: view.title, asWritten: true }, banner, who, ...this.phase(view));
    if (focused) document.getElementById(focused)?.focus();
  }

  private phase(view: ParticipantView): (Node | null)[] {
    switch (view.phase) {
      case 'lobby':
        return [h('p', { class: 'card', role: 'status' }, this.t('lobby'))];
      case 'briefing':
        return [h('p', { class: 'card', role: 'status' }, this.t('briefing'))];
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
      parts.push(
        h(
          'section',
          { class: 'card outcome', 'aria-label': this.t('roomChoseLabel') },
          h('h2', {}, this.t('roomChose', { label: view.lastChoice.label })),
          h('p', this.asWritten(), view.lastChoice.outcome),
        ),
      );
    }
    if (view.beat) {
      parts.push(h('section', { class: 'card', 'aria-labelledby': 'beat' }, h('h2', { id: 'beat' }, this.t('beatHeading', { clock: String(view.clock), title: view.beat.title })), h('p', this.asWritten(), view.beat.narrative)));
    }
    if (view.injects.length > 0) {
      parts.push(
        h(
          'section',
          { class: 'injects', 'aria-labelledby': 'injects-title' },
          h('h2', { id: 'injects-title' }, this.t('sinceLastDecision')),
          h(
            'ul',
            {},
            ...view.injects.map((i) =>
              h(
                'li',
                { class: i.forYou ? 'inject for-you' : 'inject' },
                h('p', { class: 'inject-meta' }, `T+${i.t} · ${channelLabel(i.channel, this.lang)} · ${i.from}`, i.forYou ? h('strong', { class: 'badge' }, this.t('onlyForYou')) : null),
                h('p', this.asWritten(), i.text),
              ),
            ),
          ),
        ),
      );
    }
    if (view.ending) parts.push(this.ending(view));
    else if (view.decision && view.vote) parts.push(this.voteForm(view));
    else parts.push(h('p', { class: 'card', role: 'status' }, this.t('discussing')));
    return parts;
  }

  private voteForm(view: ParticipantView): Node {
    const vote = view.vote!;
    const decision = view.decision!;
    if (this.draft?.decision !== vote.decision) {
      this.draft = { decision: vote.decision, option: vote.mine?.option ?? null, confidence: vote.mine?.confidence ?? null, rationale: vote.mine?.rationale ?? '' };
    }
    const draft = this.draft;
    const format = formats(this.lang);
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
        h('span', { class: 'option-label', ...this.asWritten() }, `${o.key}. ${o.label}`),
        h('span', { class: 'option-cost' }, this.t('optionCost', { cost: format.money(o.cost, view.currency), minutes: o.minutes })),
        o.detail ? h('span', { class: 'option-detail', ...this.asWritten() }, o.detail) : null,
        o.available ? null : h('span', { class: 'option-detail' }, this.t('notAvailable', { why: o.unavailable ?? '' })),
      );
    const confidence = h(
      'fieldset',
      { class: 'confidence' },
      h('legend', {}, this.t('confidence')),
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
    const mine = vote.mine ? (decision.options.find((o) => o.id === vote.mine!.option)?.label ?? vote.mine.option) : null;
    const status =
      mine !== null
        ? this.t(vote.open ? 'yourVoteOpen' : 'yourVoteClosed', { label: mine })
        : vote.open
          ? this.t('notVotedYet')
          : this.t('didNotVote');
    return h(
      'form',
      {
        class: 'card vote',
        'aria-labelledby': 'question',
        onsubmit: (e) => {
          e.preventDefault();
          if (!draft.option) {
            this.notice = { key: 'chooseFirst' };
            this.lastRendered = '';
            return this.render();
          }
          this.link?.vote({ decision: vote.decision, option: draft.option, confidence: draft.confidence, rationale: draft.rationale.trim() });
        },
      },
      h('h2', { id: 'question', ...this.asWritten() }, decision.prompt),
      h('fieldset', { class: 'options' }, h('legend', {}, this.t('options')), ...decision.options.map(option)),
      confidence,
      h('label', { for: 'rationale' }, this.t('rationale')),
      rationale,
      this.notice ? h('p', { class: 'error', role: 'alert' }, this.say(this.notice)) : null,
      h('p', { class: 'vote-status', role: 'status' }, vote.open ? status : this.t('votingClosed', { status })),
      vote.open ? h('button', { type: 'submit', class: 'primary' }, this.t(vote.mine ? 'changeVote' : 'vote')) : null,
      vote.tally ? this.tally(view) : null,
    );
  }

  private tally(view: ParticipantView): Node {
    const { tally } = view.vote!;
    const options = view.decision?.options ?? [];
    return h(
      'div',
      { class: 'tally' },
      h('h3', {}, this.t('votes', { count: tally!.total })),
      h('ul', {}, ...options.map((o) => h('li', {}, this.t('optionCount', { key: o.key, label: o.label, count: tally!.counts[o.id] ?? 0 })))),
    );
  }

  private ending(view: ParticipantView): Node {
    const e = view.ending!;
    return h('section', { class: 'card', 'aria-labelledby': 'ending' }, h('h2', { id: 'ending', ...this.asWritten() }, e.title), h('p', this.asWritten(), e.narrative));
  }

  private thanks(view: ParticipantView): (Node | null)[] {
    const e = view.ending;
    return [
      h('section', { class: 'card thanks', 'aria-labelledby': 'thanks' }, h('h2', { id: 'thanks' }, this.t('thanksTitle')), h('p', {}, this.t('thanksText'))),
      e ? this.ending(view) : null,
      e?.scores
        ? h(
            'section',
            { class: 'card', 'aria-labelledby': 'scores' },
            h('h2', { id: 'scores' }, this.t('scores')),
            h('ul', { class: 'scores' }, ...e.scores.map((s) => h('li', {}, this.t('score', { name: s.name, score: s.score })))),
          )
        : null,
    ];
  }

  /**
   * The scenario's own text comes as the room sends it: in this phone's language when the scenario
   * has it, else in English. Marked when that is not the page's language, so a screen reader reads it right.
   */
  private asWritten(): Record<string, string> {
    return this.lang === this.textLang ? {} : { lang: this.textLang };
  }

  private screen(title: string | { text: string; asWritten: true }, ...content: (Node | null)[]): void {
    const text = typeof title === 'string' ? title : title.text;
    document.title = this.t('pageTitle', { title: text });
    const heading = h('h1', typeof title === 'string' ? {} : this.asWritten(), text);
    this.root.replaceChildren(heading, ...content.filter((n): n is Node => n !== null), this.languageSwitch());
  }

  private languageSwitch(): Node {
    const select = h(
      'select',
      {
        id: 'language',
        onchange: (e) => {
          const chosen = (e.target as HTMLSelectElement).value;
          if (!isLang(chosen)) return;
          void this.load(chosen).then((loaded) => {
            if (loaded) {
              this.lang = chosen;
              this.ownLang = true;
              chooseLang(chosen);
              // The room sends this phone's view in the chosen language from now on.
              this.link?.setLang(chosen);
            }
            this.lastRendered = '';
            this.redraw();
            document.getElementById('language')?.focus();
          });
        },
      },
      ...LANGS.map((l) => h('option', { value: l, lang: l, selected: l === this.lang }, LANG_NAMES[l])),
    );
    return h('p', { class: 'language' }, h('label', { for: 'language' }, this.t('language')), select);
  }
}
