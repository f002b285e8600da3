import { MAX_SEED } from '../../engine/rng.ts';
import { PACES } from '../../store/autosave.ts';
import { CLOCK_MODE_LABELS, CLOCK_MODES, type ClockMode } from '../clock-policy.ts';
import type { CatalogEntry } from '../../store/catalog.ts';
import { TIER_LABELS } from '../../store/format.ts';
import { h, replace } from '../../ui/dom.ts';
import { ROLES } from '../../scenarios/roles.ts';
import type { ConsoleState, ConsoleStore } from './console-store.ts';
import { field, keyed, panel, replaceOptions, select, setValue } from './parts.ts';

// Set-up: who runs the exercise, the team and its people in their roles, the scenario, the IT
// partner, the seed and the pace. Every keystroke is saved, so a reload keeps what was typed.

const PACE_LABELS = {
  relaxed: 'Relaxed (5 s a game minute; a decision lasts at least 2 min)',
  standard: 'Standard (3 s a game minute; a decision lasts at least 1½ min)',
  intense: 'Intense (2 s a game minute; a decision lasts at least 1 min)',
} as const;

export interface View {
  el: HTMLElement;
  update(state: ConsoleState): void;
  focus(): void;
}

export function setupView(store: ConsoleStore, catalog: CatalogEntry[], onOpenPresenter: () => void): View {
  const act = (f: Parameters<ConsoleState['act']>[0]): string | null => store.getState().act(f);
  const playable = catalog.filter((e) => e.scenario);

  const facilitator = h('input', { class: 'input', attrs: { type: 'text', autocomplete: 'name', maxlength: 120 } });
  facilitator.addEventListener('input', () => act((x) => x.setFacilitator(facilitator.value)));
  const team = h('input', { class: 'input', attrs: { type: 'text', maxlength: 120, required: true, placeholder: 'e.g. Leadership team, Plant North' } });
  team.addEventListener('input', () => act((x) => x.setTeamName(team.value)));

  const scenario = select(
    playable.map((e) => ({ value: e.scenario!.id, label: `${e.scenario!.title} (${e.scenario!.playMinutes} min)` })),
    store.getState().session.scenarioId,
    (v) => act((x) => x.chooseScenario(v)),
  );
  const partner = select([], '', (v) => act((x) => x.choosePartner(v)));
  const seed = h('input', { class: 'input input--seed', attrs: { type: 'number', min: 0, max: MAX_SEED, step: 1, inputmode: 'numeric' } });
  seed.addEventListener('change', () => act((x) => x.setSeed(Number(seed.value))));
  const newSeed = h('button', {
    class: 'btn btn--small',
    attrs: { type: 'button' },
    text: 'New seed',
    on: { click: () => act((x) => x.setSeed(Math.floor(Math.random() * 1_000_000))) },
  });
  const pace = select(
    PACES.map((p) => ({ value: p, label: PACE_LABELS[p] })),
    store.getState().session.pace,
    (v) => act((x) => x.setPace(v as (typeof PACES)[number])),
  );

  const clockMode = select(
    CLOCK_MODES.map((m) => ({ value: m, label: CLOCK_MODE_LABELS[m] })),
    store.getState().session.clock,
    (v) => act((x) => x.setClockMode(v as ClockMode)),
  );

  const about = h('div', { class: 'fac-about' });
  const renderAbout = keyed((id: string) => {
    const s = playable.find((e) => e.scenario!.id === id)?.scenario;
    if (!s) return replace(about, h('p', { class: 'muted', text: 'Choose a scenario.' }));
    replace(
      about,
      h('p', { class: 'fac-about__meta', text: `${s.industry} · ${s.difficulty} · about ${s.playMinutes} minutes${s.setting ? ` · ${s.setting}` : ''}` }),
      h('p', { text: s.summary }),
      h('h3', { class: 'fac-subtitle', text: 'Learning objectives' }),
      h('ul', { class: 'fac-list' }, ...s.objectives.map((o) => h('li', { text: o.text }))),
    );
  });

  const people = h('ul', { class: 'fac-people', attrs: { 'aria-label': 'Participants' } });
  const newName = h('input', { class: 'input', attrs: { type: 'text', maxlength: 120, placeholder: 'Name' } });
  const newRole = select(ROLES.map((r) => ({ value: r.id, label: `${r.label}: ${r.title}` })), 'ceo', () => {});
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
    field('Name', newName),
    field('Role', newRole),
    h('button', { class: 'btn', attrs: { type: 'button' }, text: 'Add participant', on: { click: addPerson } }),
  );

  // Rows are rebuilt only when people are added, removed or change role, so typing a name
  // (saved on every keystroke) keeps its cursor.
  const nameInputs = new Map<string, HTMLInputElement>();
  const renderPeople = keyed((state: ConsoleState) => {
    const list = state.session.team.participants;
    nameInputs.clear();
    if (list.length === 0) {
      replace(people, h('li', { class: 'muted', text: 'No participants yet. Injects aimed at a role still name the role on the projector.' }));
      return;
    }
    replace(
      people,
      ...list.map((p) => {
        const name = h('input', { class: 'input', attrs: { type: 'text', value: p.name, maxlength: 120, 'aria-label': `Name of participant ${p.name}` } });
        name.addEventListener('input', () => act((x) => x.updateParticipant(p.id, { name: name.value })));
        nameInputs.set(p.id, name);
        const role = select(ROLES.map((r) => ({ value: r.id, label: r.label })), p.role, (v) => act((x) => x.updateParticipant(p.id, { role: v })));
        role.setAttribute('aria-label', `Role of ${p.name}`);
        const remove = h('button', {
          class: 'btn btn--small btn--ghost',
          attrs: { type: 'button', 'aria-label': `Remove ${p.name}` },
          text: 'Remove',
          on: { click: () => act((x) => x.removeParticipant(p.id)) },
        });
        return h('li', { class: 'fac-person' }, name, role, remove);
      }),
    );
  });

  const open = h('button', {
    class: 'btn btn--primary btn--large',
    attrs: { type: 'button' },
    text: 'Open the briefing',
    on: { click: () => act((x) => x.openBriefing()) },
  });
  const presenter = h('button', { class: 'btn', attrs: { type: 'button', 'aria-keyshortcuts': 'W' }, on: { click: onOpenPresenter } }, 'Open the presenter window ', h('kbd', { text: 'W', attrs: { 'aria-hidden': 'true' } }));

  const heading = h('h1', { class: 'fac-title', attrs: { tabindex: '-1' }, text: 'Set up the exercise' });
  const el = h(
    'div',
    { class: 'fac-setup' },
    h('div', { class: 'fac-setup__head' }, heading, h('p', { class: 'muted', text: 'Enter the team, choose a scenario, then open the briefing on the projector. Everything you type is saved as you go.' })),
    h(
      'div',
      { class: 'fac-setup__grid' },
      panel(
        'The exercise',
        'fac-setup__exercise',
        field('Facilitator', facilitator, 'Your name, for the report.'),
        field('Team name', team, 'Heads the projector and the after-action report.'),
        field('Scenario', scenario),
        about,
        field('IT partner the team plays', partner),
        h('div', { class: 'fac-seed' }, field('Seed', seed, 'The same seed and choices replay the same run.'), newSeed),
        field('Clock', clockMode, 'Facilitator-paced suits a leadership team: no decision is ever applied without you.'),
        field('Pace (real-time clock)', pace),
      ),
      panel(
        'People and roles',
        'fac-setup__people',
        h('p', { class: 'muted small', text: 'Injects are aimed at roles. The projector shows who is on the spot.' }),
        people,
        addForm,
      ),
    ),
    h('div', { class: 'actions fac-setup__actions' }, open, presenter),
  );

  return {
    el,
    update(state) {
      const s = state.session;
      setValue(facilitator, s.facilitator);
      setValue(team, s.team.name);
      if (scenario.value !== s.scenarioId) scenario.value = s.scenarioId;
      const chosen = playable.find((e) => e.scenario!.id === s.scenarioId)?.scenario;
      replaceOptions(
        partner,
        (chosen?.partners ?? []).map((p) => ({ value: p.id, label: `${p.name}: ${TIER_LABELS[p.tier]}` })),
        s.partner,
      );
      setValue(seed, String(s.seed));
      if (pace.value !== s.pace) pace.value = s.pace;
      if (clockMode.value !== s.clock) clockMode.value = s.clock;
      pace.disabled = s.clock === 'paced';
      renderAbout(s.scenarioId, s.scenarioId);
      renderPeople(JSON.stringify(s.team.participants.map((p) => [p.id, p.role])), state);
      for (const p of s.team.participants) {
        const input = nameInputs.get(p.id);
        if (input) setValue(input, p.name);
      }
      open.disabled = false;
    },
    focus() {
      heading.focus();
    },
  };
}
