import { RATINGS, type Rating } from '../../engine/scoring.ts';
import { objectiveReasonText, ratingLabel, verdictLabel } from '../../i18n/engine-text.ts';
import { dimensionLabel } from '../../i18n/vocabulary.ts';
import { gameTime } from '../../store/format.ts';
import { tryRead, tryWrite } from '../../store/storage.ts';
import { h, replace, uid } from '../../ui/dom.ts';
import { FACILITATOR_KEYS } from '../persist.ts';
import { clockTime } from '../report-files.ts';
import { NOTE_KINDS, type NoteKind } from '../session.ts';
import { consoleLang, t } from './i18n.ts';
import type { ConsoleState, ConsoleStore } from './console-store.ts';
import { field, keyed, replaceOptions, select } from './parts.ts';
import type { View } from './setup-view.ts';

// Evaluation while the exercise runs: scores so far (for the facilitator only), timestamped notes
// tied to learning objectives, and a P/S/M/U rating per objective that starts from the game's
// suggestion. The note being typed is kept in local storage, so a reload does not lose it.

export interface EvaluationView extends View {
  /** Puts the cursor in the note box (shortcut O). */
  focusNote(): void;
}

export function evaluationView(store: ConsoleStore): EvaluationView {
  const act = (f: Parameters<ConsoleState['act']>[0], announce?: string): string | null => store.getState().act(f, announce);
  const storage = typeof localStorage === 'undefined' ? null : localStorage;

  const scores = h('dl', { class: 'fac-scores' });
  const verdict = h('p', { class: 'fac-verdict' });

  const noteText = h('textarea', { class: 'input fac-note__text', attrs: { rows: 3, maxlength: 4000, placeholder: t('notePlaceholder') } });
  noteText.value = (storage && tryRead(storage, FACILITATOR_KEYS.noteDraft)) ?? '';
  noteText.addEventListener('input', () => storage && tryWrite(storage, FACILITATOR_KEYS.noteDraft, noteText.value));
  const noteObjective = select([], '', () => {});
  const noteKind = select(NOTE_KINDS.map((k) => ({ value: k, label: t(`noteKind.${k}`) })), 'observation', () => {});
  const addNote = (): void => {
    const why = act((x) => x.addNote({ text: noteText.value, objective: noteObjective.value || null, kind: noteKind.value as NoteKind }), t('said.noteAdded'));
    if (why === null) {
      noteText.value = '';
      if (storage) tryWrite(storage, FACILITATOR_KEYS.noteDraft, '');
      noteText.focus();
    }
  };
  noteText.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      addNote();
    }
  });
  const noteForm = h(
    'div',
    { class: 'fac-note-form' },
    field(t('note'), noteText),
    h('div', { class: 'fac-row fac-row--fields' }, field(t('objective'), noteObjective), field(t('kind'), noteKind)),
    h('button', { class: 'btn btn--primary', attrs: { type: 'button', 'aria-keyshortcuts': 'Control+Enter' }, text: t('addNote'), on: { click: addNote } }),
  );
  const notes = h('ol', { class: 'fac-notes', attrs: { 'aria-label': t('notesLabel') } });
  const ratings = ratingsEditor(store);

  const heading = h('h2', { class: 'fac-panel__title', attrs: { tabindex: '-1' }, text: t('evaluation') });
  const el = h(
    'section',
    { class: 'fac-panel fac-evaluation', attrs: { 'aria-label': t('evaluation') } },
    heading,
    h('div', { class: 'fac-scorebox' }, h('p', { class: 'eyebrow', text: t('scoresSoFar') }), scores, verdict),
    h('h3', { class: 'fac-subtitle', text: t('evaluatorNotes') }),
    noteForm,
    notes,
    h('h3', { class: 'fac-subtitle', text: t('objectivesAndRatings') }),
    ratings.el,
  );

  const renderNotes = keyed((state: ConsoleState) => {
    const scenario = store.getState().exercise().scenario;
    const objectives = scenario?.objectives ?? [];
    const beatTitle = (id: string | null): string => (id ? (scenario?.beats.find((b) => b.id === id)?.title ?? id) : t('beforeIncident'));
    if (state.session.notes.length === 0) return replace(notes, h('li', { class: 'muted small', text: t('noNotes') }));
    replace(
      notes,
      ...[...state.session.notes].reverse().map((n) => {
        const objective = objectives.find((o) => o.id === n.objective);
        return h(
          'li',
          { class: `fac-note fac-note--${n.kind}` },
          h('p', { class: 'fac-note__head' }, h('time', { attrs: { datetime: n.at }, text: clockTime(n.at) }), ` · ${gameTime(n.t)} · ${beatTitle(n.beat)}`),
          h('p', { class: 'fac-note__meta' }, h('span', { class: `fac-tag fac-tag--${n.kind}`, text: t(`noteKind.${n.kind}`) }), objective ? ` ${objective.text}` : ''),
          h('p', { class: 'fac-note__text', text: n.text }),
          h('button', {
            class: 'btn btn--small btn--ghost',
            attrs: { type: 'button', 'aria-label': t('deleteNote', { time: clockTime(n.at) }) },
            text: t('delete'),
            on: { click: () => act((x) => x.removeNote(n.id), t('said.noteDeleted')) },
          }),
        );
      }),
    );
  });

  return {
    el,
    update(state) {
      const r = state.score;
      replace(
        scores,
        ...(
          [
            [dimensionLabel('communication', consoleLang()), r?.communication.score],
            [dimensionLabel('proactivity', consoleLang()), r?.proactivity.score],
            [dimensionLabel('businessImpact', consoleLang()), r?.businessImpact.score],
            [t('overall'), r?.overall],
          ] as const
        ).flatMap(([label, value]) => [h('dt', { text: label }), h('dd', { text: value === undefined ? '–' : String(value) })]),
      );
      replace(verdict, r ? (r.provisional ? t('soFar', { verdict: verdictLabel(r.verdict, consoleLang()) }) : verdictLabel(r.verdict, consoleLang())) : t('scoresStart'));
      const objectives = store.getState().exercise().scenario?.objectives ?? [];
      replaceOptions(noteObjective, [{ value: '', label: t('general') }, ...objectives.map((o) => ({ value: o.id, label: shorten(o.text, 60) }))], noteObjective.value);
      renderNotes(JSON.stringify([state.session.notes, state.session.scenarioId]), state);
      ratings.update(state);
    },
    focus() {
      heading.focus();
    },
    focusNote() {
      noteText.focus();
    },
  };
}

/** Per objective: the game's suggestion and why, and the evaluator's rating. */
export function ratingsEditor(store: ConsoleStore): { el: HTMLElement; update(state: ConsoleState): void } {
  const el = h('ul', { class: 'fac-ratings' });
  const render = keyed((state: ConsoleState) => {
    const scenario = store.getState().exercise().scenario;
    if (!scenario) return replace(el);
    replace(
      el,
      ...scenario.objectives.map((o) => {
        const suggestion = state.score?.objectives.find((x) => x.id === o.id);
        const chosen = state.session.ratings[o.id];
        const id = uid('fac-rating');
        const options = [
          { value: '', label: suggestion ? t('gameSuggests', { rating: suggestion.rating }) : t('notRated') },
          ...RATINGS.map((r: Rating) => ({ value: r, label: t('ratingOption', { rating: r, label: ratingLabel(r, consoleLang()) }) })),
        ];
        const control = select(options, chosen ?? '', (v) => store.getState().act((x) => x.setRating(o.id, (v || null) as Rating | null), t('said.ratingSaved')));
        control.id = id;
        const shown = chosen ?? suggestion?.rating;
        return h(
          'li',
          { class: 'fac-rating' },
          h('label', { attrs: { for: id }, class: 'fac-rating__objective', text: o.text }),
          h('div', { class: 'fac-rating__row' }, h('span', { class: `fac-rating__badge fac-rating__badge--${shown ?? 'none'}`, text: shown ?? '–', attrs: { 'aria-hidden': 'true' } }), control),
          suggestion ? h('p', { class: 'muted small', text: chosen && chosen !== suggestion.rating ? t('overridden', { rating: suggestion.rating, reason: objectiveReasonText(suggestion, consoleLang()) }) : objectiveReasonText(suggestion, consoleLang()) }) : null,
          chosen && suggestion && chosen !== suggestion.rating ? overrideReason(store, o.id, state.session.report.ratingReasons[o.id] ?? '') : null,
        );
      }),
    );
  });
  return { el, update: (state) => render(JSON.stringify([state.session.ratings, state.score?.objectives.map((o) => [o.rating, o.basis]), state.session.scenarioId]), state) };
}

/** An override must say why; the report prints the reason and will not export without it. */
function overrideReason(store: ConsoleStore, objective: string, value: string): HTMLElement {
  const input = h('input', { class: 'input', attrs: { type: 'text', maxlength: 4000, value, placeholder: t('reasonPlaceholder') } });
  input.addEventListener('input', () => store.getState().act((x) => x.setRatingReason(objective, input.value)));
  const id = uid('fac-reason');
  input.id = id;
  return h('div', { class: 'field fac-field' }, h('label', { attrs: { for: id }, text: t('overrideReason') }), input);
}

function shorten(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
