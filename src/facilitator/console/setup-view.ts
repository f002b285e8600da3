import { MAX_SEED } from '../../engine/rng.ts';
import { PACES } from '../../store/pace.ts';
import { sortedByTitle } from '../../scenarios/by-title.ts';
import { CLOCK_MODES, type ClockMode } from '../clock-policy.ts';
import type { CatalogueEntry, ScenarioCard } from '../../scenarios/bundled.ts';
import type { Lang } from '../../i18n/lang.ts';
import { tierLabel } from '../../i18n/vocabulary.ts';
import { roleName } from '../../i18n/roles.ts';
import { consoleLang, t } from './i18n.ts';
import { h, replace } from '../../ui/dom.ts';
import { writtenIn } from '../../ui/text-lang.ts';
import { ROLES } from '../../scenarios/roles.ts';
import type { ConsoleState, ConsoleStore } from './console-store.ts';
import { field, keyed, panel, replaceOptions, select, setValue } from './parts.ts';
import { describeProblem } from '../scenario-files.ts';
import { tailoringView } from './tailoring-view.ts';

// Set-up: who runs the exercise, the team and its people in their roles, the scenario, the IT
// partner, the seed and the pace. Every keystroke is saved, so a reload keeps what was typed.


export interface View {
  el: HTMLElement;
  update(state: ConsoleState): void;
  focus(): void;
  /** Stops what the view runs on its own (timers), when it is built again in another language. */
  destroy?(): void;
}

/** The set-up's frame as the page painted it (shell.ts): the view fills it in under its title and introduction. */
export interface SetupFrame {
  el: HTMLElement;
  heading: HTMLElement;
}

export function setupView(store: ConsoleStore, catalog: readonly CatalogueEntry[], onOpenPresenter: () => void, frame: SetupFrame): View {
  const act = (f: Parameters<ConsoleState['act']>[0]): string | null => store.getState().act(f);
  const playable = catalog.filter((e) => e.scenario);
  // A scenario's card in the console's language where the scenario has it (the catalogue carries
  // its words, as the game's picker shows them), else in English; `lang` says which.
  const localCard = (card: ScenarioCard): { card: ScenarioCard; lang: Lang } => {
    const lang = consoleLang();
    const words = lang !== 'en' ? card.localized?.[lang] : undefined;
    return words ? { card: { ...card, ...words }, lang } : { card, lang: 'en' };
  };
  const cardOf = (id: string): { card: ScenarioCard; lang: Lang } | null => {
    const card = catalog.find((e) => e.scenario?.id === id)?.scenario;
    return card ? localCard(card) : null;
  };

  const facilitator = h('input', { class: 'input', attrs: { type: 'text', autocomplete: 'name', maxlength: 120 } });
  facilitator.addEventListener('input', () => act((x) => x.setFacilitator(facilitator.value)));
  const team = h('input', { class: 'input', attrs: { type: 'text', maxlength: 120, required: true, placeholder: t('teamPlaceholder') } });
  team.addEventListener('input', () => act((x) => x.setTeamName(team.value)));

  // Shipped scenarios by id; files opened from disk as "file:<key>" (their ids may repeat a shipped one).
  const FILE = 'file:';
  // A scenario being downloaded shows as chosen while it arrives.
  const scenarioValue = (state: ConsoleState): string =>
    state.scenarioLoad ? state.scenarioLoad.id : state.session.scenarioFile ? FILE + state.session.scenarioFile.key : state.session.scenarioId;
  const scenarioOptions = (state: ConsoleState): { value: string; label: string }[] => [
    // Each shipped scenario says which languages it can run in ("EN, DE"); in the order of the titles the console shows.
    ...sortedByTitle(playable, consoleLang(), (e) => localCard(e.scenario!).card.title).map((e) => ({
      value: e.scenario!.id,
      label: t('scenarioOption', { title: localCard(e.scenario!).card.title, minutes: e.scenario!.playMinutes, languages: (e.scenario!.languages ?? ['en', ...Object.keys(e.translations ?? {})]).map((l) => l.toUpperCase()).join(', ') }),
    })),
    ...state.files.map((f) => ({ value: FILE + f.key, label: t('fileOption', { title: f.scenario.title, file: f.name }) })),
  ];
  const scenario = select(scenarioOptions(store.getState()), scenarioValue(store.getState()), (v) => {
    const file = v.startsWith(FILE) ? store.getState().files.find((f) => FILE + f.key === v) : null;
    void store.getState().chooseScenario(file ? file.scenario.id : v, file ? { key: file.key, name: file.name } : undefined);
  });

  // A scenario file from disk, checked in the browser by the scenario loader (loaded only now).
  // The input itself stays hidden: the button is what people and screen readers use.
  const fileInput = h('input', { attrs: { type: 'file', accept: '.yaml,.yml,application/yaml,text/yaml', hidden: true } });
  const openFile = h('button', { class: 'btn btn--small', attrs: { type: 'button' }, text: t('openFile'), on: { click: () => fileInput.click() } });
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (!file) return;
    openFile.disabled = true;
    void file
      .arrayBuffer()
      .then((buffer) => store.getState().openScenarioFile(file.name, new Uint8Array(buffer)))
      .catch((error: Error) => store.getState().notify({ tone: 'error', text: t('fileUnreadable', { message: error.message }) }))
      .finally(() => {
        openFile.disabled = false;
      });
  });
  const fileProblems = h('div', { class: 'fac-file-problems', attrs: { role: 'alert' } });
  const renderFileProblems = keyed((problems: ConsoleState['fileProblems']) => {
    if (!problems) return replace(fileProblems);
    const shown = problems.errors.slice(0, 20);
    replace(
      fileProblems,
      h('p', null, h('strong', { text: t('fileNotOpened', { file: problems.file }) }), t('fileProblems', { count: problems.errors.length })),
      h('ul', { class: 'fac-list' }, ...shown.map((p) => h('li', { text: describeProblem(p) }))),
      problems.errors.length > shown.length ? h('p', { class: 'muted small', text: t('andMore', { count: problems.errors.length - shown.length }) }) : null,
      h('button', { class: 'btn btn--small btn--ghost', attrs: { type: 'button' }, text: t('dismiss'), on: { click: () => store.getState().dismissFileProblems() } }),
    );
  });
  const tailor = tailoringView(store, () => store.getState().baseScenario());
  const partner = select([], '', (v) => act((x) => x.choosePartner(v)));
  const seed = h('input', { class: 'input input--seed', attrs: { type: 'number', min: 0, max: MAX_SEED, step: 1, inputmode: 'numeric' } });
  seed.addEventListener('change', () => act((x) => x.setSeed(Number(seed.value))));
  const newSeed = h('button', {
    class: 'btn btn--small',
    attrs: { type: 'button' },
    text: t('newSeed'),
    on: { click: () => act((x) => x.setSeed(Math.floor(Math.random() * 1_000_000))) },
  });
  const pace = select(
    PACES.map((p) => ({ value: p, label: t(`pace.${p}`) })),
    store.getState().session.pace,
    (v) => act((x) => x.setPace(v as (typeof PACES)[number])),
  );

  const clockMode = select(
    CLOCK_MODES.map((m) => ({ value: m, label: t(`clock.${m}`) })),
    store.getState().session.clock,
    (v) => act((x) => x.setClockMode(v as ClockMode)),
  );

  const about = h('div', { class: 'fac-about' });
  const scenarioNote = h('p', { class: 'fac-hint', text: t('scenarioInEnglish'), attrs: { hidden: true } });
  // The chosen scenario as the client will see it (tailored).
  const renderAbout = keyed(() => {
    const state = store.getState();
    const loading = state.scenarioLoad;
    // While a scenario's data downloads, its catalogue card tells what it is, unless the client's
    // name or sector would change that text (the setting comes with the data).
    const { company, sector } = state.session.tailoring;
    const shown = loading ? cardOf(loading.id) : null;
    const card = shown && !company && !sector ? shown : null;
    if (loading && !card) return replace(about, h('p', { class: 'muted', attrs: { role: 'status' }, text: t('loadingScenario', { title: shown?.card.title ?? loading.title }) }));
    const s = card?.card ?? state.exercise().scenario;
    if (!s) return replace(about, h('p', { class: 'muted', text: t('chooseScenario') }));
    const setting = 'setting' in s ? s.setting : undefined;
    // The card in the language it has words in; the loaded scenario in the session's scenario language.
    const w = writtenIn(card ? card.lang : state.session.scenarioLang, consoleLang());
    replace(
      about,
      h('p', { class: 'fac-about__meta', text: `${t('aboutMeta', { industry: s.industry, difficulty: t(`difficulty.${s.difficulty}`), minutes: s.playMinutes })}${setting ? ` · ${setting}` : ''}` }),
      h('p', { attrs: w, text: s.summary }),
      h('h3', { class: 'fac-subtitle', text: t('learningObjectives') }),
      h('ul', { class: 'fac-list', attrs: w }, ...s.objectives.map((o) => h('li', { text: o.text }))),
    );
  });

  const people = h('ul', { class: 'fac-people', attrs: { 'aria-label': t('participants') } });
  const newName = h('input', { class: 'input', attrs: { type: 'text', maxlength: 120, placeholder: t('name') } });
  const newRole = select(ROLES.map((r) => ({ value: r.id, label: `${roleName(r.id, consoleLang()).label}: ${roleName(r.id, consoleLang()).title}` })), 'ceo', () => {});
  const addPerson = (): void => {
    if (act((x) => x.addParticipant(newName.value, newRole.value)) === null) {
      newName.value = '';
      newName.focus();
    }
  };
  newName.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      addPerson();
    }
  });
  const addForm = h(
    'div',
    { class: 'fac-add-person' },
    field(t('name'), newName),
    field(t('role'), newRole),
    h('button', { class: 'btn', attrs: { type: 'button' }, text: t('addParticipant'), on: { click: addPerson } }),
  );

  // Rows are rebuilt only when people are added, removed or change role, so typing a name
  // (saved on every keystroke) keeps its cursor.
  const nameInputs = new Map<string, HTMLInputElement>();
  const renderPeople = keyed((state: ConsoleState) => {
    const list = state.session.team.participants;
    nameInputs.clear();
    if (list.length === 0) {
      replace(people, h('li', { class: 'muted', text: t('noParticipants') }));
      return;
    }
    replace(
      people,
      ...list.map((p) => {
        const name = h('input', { class: 'input', attrs: { type: 'text', value: p.name, maxlength: 120, 'aria-label': t('participantName', { name: p.name }) } });
        name.addEventListener('input', () => act((x) => x.updateParticipant(p.id, { name: name.value })));
        nameInputs.set(p.id, name);
        const role = select(ROLES.map((r) => ({ value: r.id, label: roleName(r.id, consoleLang()).label })), p.role, (v) => act((x) => x.updateParticipant(p.id, { role: v })));
        role.setAttribute('aria-label', t('participantRole', { name: p.name }));
        const remove = h('button', {
          class: 'btn btn--small btn--ghost',
          attrs: { type: 'button', 'aria-label': t('removeParticipant', { name: p.name }) },
          text: t('remove'),
          on: { click: () => act((x) => x.removeParticipant(p.id)) },
        });
        return h('li', { class: 'fac-person' }, name, role, remove);
      }),
    );
  });

  const open = h('button', {
    class: 'btn btn--primary btn--large',
    attrs: { type: 'button' },
    text: t('openBriefing'),
    on: { click: () => act((x) => x.openBriefing()) },
  });
  const presenter = h('button', { class: 'btn', attrs: { type: 'button', 'aria-keyshortcuts': 'W' }, on: { click: onOpenPresenter } }, t('openPresenterWindow'), ' ', h('kbd', { text: 'W', attrs: { 'aria-hidden': 'true' } }));

  const { el, heading } = frame;
  el.append(
    h(
      'div',
      { class: 'fac-setup__grid' },
      panel(
        t('theExercise'),
        'fac-setup__exercise',
        field(t('facilitator'), facilitator, t('facilitatorHint')),
        field(t('teamName'), team, t('teamHint')),
        field(t('scenario'), scenario),
        scenarioNote,
        h('div', { class: 'fac-open-file' }, openFile, fileInput, h('span', { class: 'fac-hint', text: t('openFileHint') })),
        fileProblems,
        about,
        field(t('partner'), partner),
        h('div', { class: 'fac-seed' }, field(t('seed'), seed, t('seedHint')), newSeed),
        field(t('clock'), clockMode, t('clockHint')),
        field(t('pace'), pace),
      ),
      panel(
        t('peopleAndRoles'),
        'fac-setup__people',
        h('p', { class: 'muted small', text: t('peopleHint') }),
        people,
        addForm,
      ),
      tailor.el,
    ),
    h('div', { class: 'actions fac-setup__actions' }, open, presenter),
  );

  return {
    el,
    update(state) {
      const s = state.session;
      setValue(facilitator, s.facilitator);
      setValue(team, s.team.name);
      replaceOptions(scenario, scenarioOptions(state), scenarioValue(state));
      scenario.disabled = s.stage !== 'setup';
      openFile.disabled = s.stage !== 'setup';
      renderFileProblems(JSON.stringify(state.fileProblems), state.fileProblems);
      tailor.update(state);
      // Until the scenario's data is here its card lists the partners; choosing one waits for the data.
      const chosen = state.exercise().scenario ?? cardOf(s.scenarioId)?.card;
      replaceOptions(
        partner,
        (chosen?.partners ?? []).map((p) => ({ value: p.id, label: t('partnerOption', { name: p.name, tier: tierLabel(p.tier, consoleLang()) }) })),
        s.partner,
      );
      partner.disabled = state.scenarioLoad !== null;
      setValue(seed, String(s.seed));
      if (pace.value !== s.pace) pace.value = s.pace;
      if (clockMode.value !== s.clock) clockMode.value = s.clock;
      pace.disabled = s.clock === 'paced';
      renderAbout(JSON.stringify([s.scenarioId, s.scenarioFile, s.scenarioLang, s.tailoring, state.scenarioLoad, !!state.exercise().scenario]), undefined);
      renderPeople(JSON.stringify(s.team.participants.map((p) => [p.id, p.role])), state);
      for (const p of s.team.participants) {
        const input = nameInputs.get(p.id);
        if (input) setValue(input, p.name);
      }
      // A console in another language says when the scenario has no text in it (it runs in English).
      // (From the catalogue, not the session: the session's language follows a moment later, and the note must not flash in between.)
      const translated = !s.scenarioFile && catalog.some((e) => e.scenario?.id === s.scenarioId && e.translations?.[state.lang as Exclude<typeof state.lang, 'en'>]);
      scenarioNote.hidden = state.lang === 'en' || translated || state.scenarioLoad !== null;
      // The briefing waits for the chosen scenario's data.
      open.disabled = state.scenarioLoad !== null;
    },
    focus() {
      heading.focus();
    },
  };
}
