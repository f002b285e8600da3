import { RATINGS, type Rating } from '../../engine/scoring.ts';
import { objectiveReasonText, ratingLabel, verdictLabel } from '../../i18n/engine-text.ts';
import { gameTime } from '../../store/format.ts';
import { tryRead, tryWrite } from '../../store/storage.ts';
import { h, replace, uid } from '../../ui/dom.ts';
import { FACILITATOR_KEYS } from '../persist.ts';
import { clockTime } from '../report-files.ts';
import { NOTE_KIND_LABELS, NOTE_KINDS, type NoteKind } from '../session.ts';
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

  const noteText = h('textarea', { class: 'input fac-note__text', attrs: { rows: 3, maxlength: 4000, placeholder: 'What did you see? Ctrl+Enter adds the note.' } });
  noteText.value = (storage && tryRead(storage, FACILITATOR_KEYS.noteDraft)) ?? '';
  noteText.addEventListener('input', () => storage && tryWrite(storage, FACILITATOR_KEYS.noteDraft, noteText.value));
  const noteObjective = select([], '', () => {});
  const noteKind = select(NOTE_KINDS.map((k) => ({ value: k, label: NOTE_KIND_LABELS[k] })), 'observation', () => {});
  const addNote = (): void => {
    const why = act((x) => x.addNote({ text: noteText.value, objective: noteObjective.value || null, kind: noteKind.value as NoteKind }), 'Note added');
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
    field('Note', noteText),
    h('div', { class: 'fac-row fac-row--fields' }, field('Objective', noteObjective), field('Kind', noteKind)),
    h('button', { class: 'btn btn--primary', attrs: { type: 'button', 'aria-keyshortcuts': 'Control+Enter' }, text: 'Add note', on: { click: addNote } }),
  );
  const notes = h('ol', { class: 'fac-notes', attrs: { 'aria-label': 'Notes, newest first' } });
  const ratings = ratingsEditor(store);

  const heading = h('h2', { class: 'fac-panel__title', attrs: { tabindex: '-1' }, text: 'Evaluation' });
  const el = h(
    'section',
    { class: 'fac-panel fac-evaluation', attrs: { 'aria-label': 'Evaluation' } },
    heading,
    h('div', { class: 'fac-scorebox' }, h('p', { class: 'eyebrow', text: 'Scores so far (not on the projector)' }), scores, verdict),
    h('h3', { class: 'fac-subtitle', text: 'Evaluator notes' }),
    noteForm,
    notes,
    h('h3', { class: 'fac-subtitle', text: 'Objectives and ratings' }),
    ratings.el,
  );

  const renderNotes = keyed((state: ConsoleState) => {
    const scenario = store.getState().exercise().scenario;
    const objectives = scenario?.objectives ?? [];
    const beatTitle = (id: string | null): string => (id ? (scenario?.beats.find((b) => b.id === id)?.title ?? id) : 'Before the incident');
    if (state.session.notes.length === 0) return replace(notes, h('li', { class: 'muted small', text: 'No notes yet.' }));
    replace(
      notes,
      ...[...state.session.notes].reverse().map((n) => {
        const objective = objectives.find((o) => o.id === n.objective);
        return h(
          'li',
          { class: `fac-note fac-note--${n.kind}` },
          h('p', { class: 'fac-note__head' }, h('time', { attrs: { datetime: n.at }, text: clockTime(n.at) }), ` · ${gameTime(n.t)} · ${beatTitle(n.beat)}`),
          h('p', { class: 'fac-note__meta' }, h('span', { class: `fac-tag fac-tag--${n.kind}`, text: NOTE_KIND_LABELS[n.kind] }), objective ? ` ${objective.text}` : ''),
          h('p', { class: 'fac-note__text', text: n.text }),
          h('button', {
            class: 'btn btn--small btn--ghost',
            attrs: { type: 'button', 'aria-label': `Delete the note taken at ${clockTime(n.at)}` },
            text: 'Delete',
            on: { click: () => act((x) => x.removeNote(n.id), 'Note deleted') },
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
            ['Communication', r?.communication.score],
            ['Proactivity', r?.proactivity.score],
            ['Business impact', r?.businessImpact.score],
            ['Overall', r?.overall],
          ] as const
        ).flatMap(([label, value]) => [h('dt', { text: label }), h('dd', { text: value === undefined ? '–' : String(value) })]),
      );
      replace(verdict, r ? `${verdictLabel(r.verdict, 'en')}${r.provisional ? ' (so far)' : ''}` : 'Scores start with the incident.');
      const objectives = store.getState().exercise().scenario?.objectives ?? [];
      replaceOptions(noteObjective, [{ value: '', label: 'General' }, ...objectives.map((o) => ({ value: o.id, label: shorten(o.text, 60) }))], noteObjective.value);
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
          { value: '', label: suggestion ? `Game suggests ${suggestion.rating}` : 'Not rated yet' },
          ...RATINGS.map((r: Rating) => ({ value: r, label: `${r}: ${ratingLabel(r, 'en')}` })),
        ];
        const control = select(options, chosen ?? '', (v) => store.getState().act((x) => x.setRating(o.id, (v || null) as Rating | null), 'Rating saved'));
        control.id = id;
        const shown = chosen ?? suggestion?.rating;
        return h(
          'li',
          { class: 'fac-rating' },
          h('label', { attrs: { for: id }, class: 'fac-rating__objective', text: o.text }),
          h('div', { class: 'fac-rating__row' }, h('span', { class: `fac-rating__badge fac-rating__badge--${shown ?? 'none'}`, text: shown ?? '–', attrs: { 'aria-hidden': 'true' } }), control),
          suggestion ? h('p', { class: 'muted small', text: `${chosen && chosen !== suggestion.rating ? `Overridden. The game suggested ${suggestion.rating}: ` : ''}${objectiveReasonText(suggestion, 'en')}` }) : null,
          chosen && suggestion && chosen !== suggestion.rating ? overrideReason(store, o.id, state.session.report.ratingReasons[o.id] ?? '') : null,
        );
      }),
    );
  });
  return { el, update: (state) => render(JSON.stringify([state.session.ratings, state.score?.objectives.map((o) => [o.rating, o.basis]), state.session.scenarioId]), state) };
}

/** An override must say why; the report prints the reason and will not export without it. */
function overrideReason(store: ConsoleStore, objective: string, value: string): HTMLElement {
  const input = h('input', { class: 'input', attrs: { type: 'text', maxlength: 4000, value, placeholder: 'Required: what the evaluator saw' } });
  input.addEventListener('input', () => store.getState().act((x) => x.setRatingReason(objective, input.value)));
  const id = uid('fac-reason');
  input.id = id;
  return h('div', { class: 'field fac-field' }, h('label', { attrs: { for: id }, text: 'Reason for the override' }), input);
}

function shorten(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
