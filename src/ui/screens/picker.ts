import { PACE_SECONDS, PACES, type Pace } from '../../store/pace.ts';
import { sortedByTitle } from '../../scenarios/by-title.ts';
import { describeIssue } from '../../store/catalog.ts';
import { LANG_NAMES, LANGS, type Lang } from '../../i18n/lang.ts';
import { tierLabel } from '../../i18n/vocabulary.ts';
import type { GameState } from '../../store/game-store.ts';
import { bestScores } from '../../store/history.ts';
import type { CatalogueEntry, ScenarioCard } from '../../scenarios/bundled.ts';
import type { AppContext, ScreenView } from '../context.ts';
import { focusHeading, h, replace, uid } from '../dom.ts';
import { backButton } from '../parts/back-button.ts';
import { scoreClass } from '../parts/history.ts';
import { uiText, type UiText } from '../text.ts';
import { writtenIn } from '../text-lang.ts';
import { themeLabel } from '../theme-label.ts';

// Choose a scenario (filterable cards), the IT partner, the pace and the seed.

const DIFFICULTY_KEYS = { introductory: 'introductory', intermediate: 'intermediate', advanced: 'advanced' } as const;
const PACE_KEYS = { relaxed: 'paceRelaxed', standard: 'paceStandard', intense: 'paceIntense' } as const satisfies Record<Pace, string>;
const PLAY_TIME = [
  { value: 'any', label: 'anyLength', test: () => true },
  { value: '15', label: 'upTo15', test: (m: number) => m <= 15 },
  { value: '30', label: 'upTo30', test: (m: number) => m <= 30 },
  { value: '60', label: 'upToHour', test: (m: number) => m <= 60 },
  { value: 'long', label: 'overHour', test: (m: number) => m > 60 },
] as const;

/** The languages a scenario can be played in (English, and each translation the catalogue lists). */
export function scenarioLangs(entry: CatalogueEntry): Lang[] {
  return LANGS.filter((l) => l === 'en' || entry.translations?.[l] !== undefined);
}

/** "EN · DE", with the languages' names for screen readers. */
function languageMark(langs: readonly Lang[], t: UiText): HTMLElement {
  return h(
    'div',
    null,
    h('dt', { text: t('languages') }),
    h(
      'dd',
      { class: 'langs' },
      h('span', { attrs: { 'aria-hidden': 'true' }, text: langs.map((l) => l.toUpperCase()).join(' · ') }),
      h('span', { class: 'visually-hidden', text: t('languagesList', { list: langs.map((l) => LANG_NAMES[l]).join(', ') }) }),
    ),
  );
}

interface Filters {
  theme: string;
  industry: string;
  time: string;
  difficulty: string;
}

export function pickerScreen(ctx: AppContext): ScreenView {
  const { store } = ctx;
  const lang = store.getState().lang;
  const t = uiText(lang);
  // Cards in the player's language where the scenario has it (the catalogue carries their words), in that language's order.
  const catalog = sortedByTitle(
    store.getState().catalog.map((e) => {
      const words = lang !== 'en' ? e.scenario?.localized?.[lang] : undefined;
      return words && e.scenario ? { ...e, scenario: { ...e.scenario, ...words } } : e;
    }),
    lang,
  );
  // A card without the player's language shows its English words: marked so screen readers say them in English.
  const cardWords = (c: ScenarioCard): { lang?: Lang } => writtenIn(lang === 'en' || c.localized?.[lang] ? lang : 'en', lang);
  const playable = catalog.flatMap((e) => (e.scenario ? [e.scenario] : []));
  const filters: Filters = { theme: 'all', industry: 'all', time: 'any', difficulty: 'all' };
  const best = bestScores(store.getState().history);

  const heading = h('h1', { text: t('pickerHeading') });
  const countStatus = h('p', { class: 'muted small', attrs: { role: 'status' } });
  const cardList = h('ul', { class: 'cards', attrs: { 'aria-label': t('scenariosList') } });

  const select = (label: string, key: keyof Filters, options: { value: string; label: string }[]): HTMLElement => {
    const id = uid('filter');
    const control = h(
      'select',
      { id, class: 'select', on: { change: (e) => ((filters[key] = (e.target as HTMLSelectElement).value), renderCards()) } },
      ...options.map((o) => h('option', { attrs: { value: o.value }, text: o.label })),
    );
    return h('div', { class: 'field' }, h('label', { attrs: { for: id }, text: label }), control);
  };
  const unique = (xs: string[]): string[] => [...new Set(xs)].sort((a, b) => a.localeCompare(b));
  const filterBar = h(
    'div',
    { class: 'filters', attrs: { role: 'group', 'aria-label': t('filterScenarios') } },
    select(t('filterTheme'), 'theme', [{ value: 'all', label: t('allThemes') }, ...unique(playable.flatMap((s) => s.themes)).map((th) => ({ value: th, label: themeLabel(th, t) }))]),
    select(t('filterIndustry'), 'industry', [{ value: 'all', label: t('allIndustries') }, ...unique(playable.map((s) => s.industry)).map((i) => ({ value: i, label: i }))]),
    select(t('filterPlayTime'), 'time', PLAY_TIME.map((p) => ({ value: p.value, label: t(p.label) }))),
    select(t('filterDifficulty'), 'difficulty', [{ value: 'all', label: t('anyDifficulty') }, ...Object.entries(DIFFICULTY_KEYS).map(([value, key]) => ({ value, label: t(key) }))]),
  );

  const matches = (s: ScenarioCard): boolean =>
    (filters.theme === 'all' || s.themes.includes(filters.theme)) &&
    (filters.industry === 'all' || s.industry === filters.industry) &&
    (filters.difficulty === 'all' || s.difficulty === filters.difficulty) &&
    (PLAY_TIME.find((p) => p.value === filters.time)?.test(s.playMinutes) ?? true);

  const card = (entry: CatalogueEntry, selectedId: string | null): HTMLElement => {
    const s = entry.scenario;
    if (!s) {
      const titleId = uid('card');
      return h(
        'li',
        null,
        h(
          'article',
          { class: 'card card--broken', attrs: { 'aria-labelledby': titleId } },
          h('p', { class: 'card__eyebrow', text: t('couldNotLoad') }),
          h('h2', { id: titleId, class: 'card__title', text: entry.file }),
          h('p', { class: 'small', text: t('fileProblems', { count: entry.errors.length }) }),
          h('ul', { class: 'errors' }, ...entry.errors.slice(0, 4).map((e) => h('li', { text: `${e.file}: ${describeIssue(e)}` }))),
          entry.errors.length > 4 ? h('p', { class: 'small muted', text: t('moreProblems', { count: entry.errors.length - 4 }) }) : null,
        ),
      );
    }
    const selected = s.id === selectedId;
    const titleId = uid('card');
    const bestScore = best.get(s.id);
    const chooseButton = h('button', {
      class: selected ? 'btn btn--primary card__choose' : 'btn card__choose',
      attrs: { type: 'button', 'aria-pressed': String(selected), 'aria-describedby': titleId },
      text: selected ? t('selected') : t('select'),
      on: {
        click: () => {
          store.getState().selectScenario(s.id);
          // The next step is the run set-up: take the player (and screen reader focus) there.
          focusHeading(setup.querySelector('h2'));
        },
      },
    });
    return h(
      'li',
      null,
      h(
        'article',
        { class: selected ? 'card card--selected' : 'card', attrs: { 'aria-labelledby': titleId }, data: { scenario: s.id } },
        h('p', { class: 'card__eyebrow', attrs: cardWords(s), text: s.industry }),
        h('h2', { id: titleId, class: 'card__title', attrs: cardWords(s), text: s.title }),
        h(
          'dl',
          { class: 'card__facts' },
          h('div', null, h('dt', { text: t('difficulty') }), h('dd', { class: `badge badge--${s.difficulty}`, text: t(DIFFICULTY_KEYS[s.difficulty]) })),
          h('div', null, h('dt', { text: t('playTime') }), h('dd', { text: t('aboutMinutes', { minutes: s.playMinutes }) })),
          languageMark(scenarioLangs(entry), t),
          bestScore !== undefined ? h('div', null, h('dt', { text: t('yourBest') }), h('dd', { class: `score-pill ${scoreClass(bestScore)}`, text: String(bestScore) })) : null,
        ),
        h('ul', { class: 'chips', attrs: { 'aria-label': t('themes') } }, ...s.themes.map((th) => h('li', { class: 'chip', text: themeLabel(th, t) }))),
        h('p', { class: 'card__summary', attrs: cardWords(s), text: s.summary }),
        h(
          'details',
          { class: 'card__objectives' },
          h('summary', { text: t('objectivesCount', { count: s.objectives.length }) }),
          h('ul', { attrs: cardWords(s) }, ...s.objectives.map((o) => h('li', { text: o.text }))),
        ),
        chooseButton,
      ),
    );
  };

  const renderCards = (): void => {
    const selectedId = store.getState().selection.scenarioId;
    const shown = catalog.filter((e) => !e.scenario || matches(e.scenario));
    replace(cardList, ...shown.map((e) => card(e, selectedId)));
    const visible = shown.filter((e) => e.scenario).length;
    countStatus.textContent = visible === playable.length ? t('scenarioCount', { count: playable.length }) : t('showingOf', { shown: visible, count: playable.length });
    if (visible === 0) cardList.append(h('li', { class: 'empty' }, h('p', { text: t('noMatch') })));
  };

  // The run set-up: partner, pace, seed.
  const setup = h('section', { class: 'panel setup', attrs: { 'aria-labelledby': 'setup-heading' } });
  const setupBody = h('div', { class: 'setup__body' });
  setup.append(h('h2', { id: 'setup-heading', class: 'panel__title', text: t('yourRun') }), setupBody);
  const startError = h('p', { class: 'field__error', attrs: { role: 'alert' } });
  // Each scenario's data is downloaded when it is chosen: say so while it comes, and why if it cannot.
  const loadStatus = h('div', { class: 'setup__load', attrs: { role: 'status' } });
  const renderLoad = (state: GameState): void => {
    const load = state.scenarioLoad;
    if (!load || load.id !== state.selection.scenarioId) return replace(loadStatus);
    if (load.message === null) return replace(loadStatus, h('p', { class: 'small muted', text: t('downloading') }));
    replace(
      loadStatus,
      h('p', { class: 'field__error', text: t('loadFailed', { why: load.message }) }),
      h('button', { class: 'btn btn--small', attrs: { type: 'button' }, text: t('tryAgain'), on: { click: () => void store.getState().loadScenario(load.id) } }),
    );
  };

  /** Which language the run will be played in: said plainly when the scenario has none of the player's. */
  const runLanguageNote = (state: GameState): HTMLElement | null => {
    if (lang === 'en') return null;
    const entry = catalog.find((e) => e.scenario?.id === state.selection.scenarioId);
    if (!entry) return null;
    return scenarioLangs(entry).includes(lang)
      ? h('p', { class: 'small muted setup__lang', text: t('playedInLang', { language: LANG_NAMES[lang] }) })
      : h('p', { class: 'setup__lang setup__lang--english' }, h('strong', { text: t('playedInEnglish') }));
  };

  const renderSetup = (state: GameState): void => {
    const card = playable.find((s) => s.id === state.selection.scenarioId) ?? null;
    // Once its data is here, in the language it will be played in: the partners as the run will show them.
    const loaded = store.getState().selectedScenario();
    const scenario = card && loaded?.id === card.id ? { ...card, title: loaded.title, partners: loaded.partners } : card;
    if (!scenario) {
      replace(setupBody, h('p', { class: 'muted', text: t('selectToSetUp') }));
      return;
    }
    const partnerName = 'partner';
    const partners = h(
      'fieldset',
      { class: 'fieldset' },
      h('legend', { text: t('yourPartner') }),
      h('p', { class: 'small muted', text: t('partnerHelp') }),
      ...scenario.partners.map((p) => {
        const id = uid('partner');
        const input = h('input', {
          id,
          attrs: { type: 'radio', name: partnerName, value: p.id, checked: p.id === state.selection.partnerId },
          on: { change: () => store.getState().selectPartner(p.id) },
        });
        return h(
          'div',
          { class: 'choice' },
          input,
          h(
            'label',
            { attrs: { for: id } },
            h('span', { class: 'choice__title' }, p.name, h('span', { class: `tier tier--${p.tier}`, text: tierLabel(p.tier, lang) })),
            h('span', { class: 'choice__text', attrs: cardWords(scenario), text: p.description }),
          ),
        );
      }),
    );
    const paces = h(
      'fieldset',
      { class: 'fieldset' },
      h('legend', { text: t('paceLegend') }),
      ...PACES.map((pace) => {
        const id = uid('pace');
        return h(
          'div',
          { class: 'choice choice--inline' },
          h('input', { id, attrs: { type: 'radio', name: 'pace', value: pace, checked: pace === state.selection.pace }, on: { change: () => store.getState().setPace(pace) } }),
          h(
            'label',
            { attrs: { for: id } },
            h('span', { class: 'choice__title', text: t(PACE_KEYS[pace]) }),
            h('span', { class: 'choice__text', text: t('paceText', { seconds: PACE_SECONDS[pace] }) }),
          ),
        );
      }),
    );
    const seedId = uid('seed');
    const seedHint = uid('seed-hint');
    const seedError = h('p', { id: uid('seed-error'), class: 'field__error', attrs: { role: 'alert' } });
    const seedInput = h('input', {
      id: seedId,
      class: 'input input--seed',
      attrs: { type: 'text', inputmode: 'numeric', autocomplete: 'off', spellcheck: 'false', value: String(state.selection.seed), 'aria-describedby': `${seedHint} ${seedError.id}` },
      on: {
        change: (e) => {
          const input = e.target as HTMLInputElement;
          const text = input.value.trim();
          const why = /^\d+$/.test(text) ? store.getState().setSeed(Number(text)) : t('seedNotNumber');
          seedError.textContent = why ? t('seedNotChanged', { why }) : '';
          input.setAttribute('aria-invalid', String(why !== null));
        },
      },
    });
    const seed = h(
      'div',
      { class: 'field' },
      h('label', { attrs: { for: seedId }, text: t('seed') }),
      h(
        'div',
        { class: 'seed-row' },
        seedInput,
        h('button', { class: 'btn', attrs: { type: 'button' }, text: t('newSeed'), on: { click: () => store.getState().rollSeed() } }),
      ),
      h('p', { id: seedHint, class: 'small muted', text: t('seedHelp') }),
      seedError,
    );
    const start = h('button', {
      class: 'btn btn--primary btn--large',
      attrs: { type: 'button' },
      text: t('openBriefing'),
      on: {
        click: async () => {
          // Still downloading (or failed): wait for it, or try once more, then open the briefing.
          const { scenarioId } = store.getState().selection;
          if (scenarioId && store.getState().scenarioLoad?.id === scenarioId && (await store.getState().loadScenario(scenarioId))) return;
          const why = store.getState().beginBriefing();
          startError.textContent = why ? t('cannotStart', { why }) : '';
        },
      },
    });
    replace(
      setupBody,
      h('p', { class: 'setup__scenario' }, h('span', { class: 'muted', text: t('scenarioLabel') }), h('strong', { attrs: cardWords(scenario), text: scenario.title })),
      runLanguageNote(state),
      // At the top of the panel, where it is seen without scrolling.
      loadStatus,
      partners,
      paces,
      seed,
      h('div', { class: 'actions' }, start),
      startError,
    );
    renderLoad(state);
  };

  const back = backButton(t('backToTitle'), t('backToTitleName'), () => store.getState().showTitle());
  const el = h(
    'div',
    { class: 'screen picker-screen' },
    h('div', { class: 'screen__head' }, back, heading, countStatus),
    h('div', { class: 'picker' }, h('section', { class: 'picker__list', attrs: { 'aria-label': t('scenarioListRegion') } }, filterBar, cardList), setup),
  );

  renderCards();
  renderSetup(store.getState());
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.scenarioLoad !== prev.scenarioLoad) {
      renderLoad(state);
      if (state.scenarioLoad === null) {
        startError.textContent = '';
        // The scenario's data arrived: its partners in the run's language (focus is on the card, not here).
        if (!setup.contains(document.activeElement)) renderSetup(state);
      }
    }
    if (state.selection.scenarioId !== prev.selection.scenarioId) {
      renderCards();
      renderSetup(state);
    } else if (state.selection !== prev.selection) {
      // Keep focus where it is: only re-render the set-up when the seed changed from outside the field.
      if (state.selection.seed !== prev.selection.seed) {
        const input = setup.querySelector<HTMLInputElement>('.input--seed');
        if (input && document.activeElement !== input) input.value = String(state.selection.seed);
      }
    }
  });

  return {
    el,
    focus: () => focusHeading(heading),
    destroy: unsubscribe,
  };
}
