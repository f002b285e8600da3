import { createStore } from 'zustand/vanilla';
import type { Scenario } from '../../scenarios/schema.ts';
import type { Speed } from '../../store/pace.ts';
import { isLoadProblem, type ScenarioLibrary } from '../../store/scenario-library.ts';
import { tailorScenario } from '../../scenarios/tailoring.ts';
import { gameTime } from '../../store/format.ts';
import { h, replace } from '../../ui/dom.ts';
import { brandMark } from '../../ui/parts/brand.ts';
import type { GameView } from '../../engine/view.ts';
import type { PresenterFrame } from '../frame.ts';
import { byeMessage, helloMessage, presenterReceive, presenterStart, type PresenterSync, type SyncChannel, type SyncMessage } from '../sync.ts';
import { clockText, discussionLeft, DISCUSSION_WARNING_SECONDS } from '../clock-policy.ts';
import { fitToScreen, overflows } from './fit.ts';
import { companyCard, injectsCard, spotlight, stageCard } from './presenter-cards.ts';
import { presenterRoomCard } from '../room/presenter-room.ts';
import { teamLabel } from './team-label.ts';
import { showLang } from '../../i18n/browser-lang.ts';
import type { Lang } from '../../i18n/lang.ts';
import { localizeScenario } from '../../scenarios/translation.ts';
import type { Translation as ScenarioTranslation } from '../../scenarios/translation-schema.ts';
import { hasPresenterWords, presenterLang, t, useLang } from './i18n.ts';
import { markWritten } from '../../ui/text-lang.ts';
import { channelLabel } from '../../i18n/channels.ts';

// The projector's window. It shows what the console sends and nothing else: it holds no
// exercise of its own, so closing and reopening it loses nothing. On opening it shows the last
// frame it saw (from local storage) and asks the console for the current one.

export interface RoomState {
  /** The console's language, which the war room's own words follow. */
  lang?: Lang;
  scenario: Scenario | null;
  view: GameView | null;
  paused: boolean;
  speed: Speed;
  reducedMotion: boolean;
}

export interface WarRoomModule {
  mountWarRoom(parent: HTMLElement, store: { getState(): RoomState; subscribe(l: (s: RoomState, p: RoomState) => void): () => void }): { destroy(): void };
}

export interface PresenterEnv {
  /** The shipped scenarios: one's data is fetched when a frame first names it. */
  library: Pick<ScenarioLibrary, 'get' | 'load'>;
  /** A scenario opened from a file on the console, by its key, or null when this browser does not have it. */
  scenarioFile(key: string): Promise<Scenario | null>;
  cachedFrame: PresenterFrame | null;
  openChannel(onMessage: (m: SyncMessage) => void): SyncChannel;
  newId(): string;
  loadWarRoom: (() => Promise<WarRoomModule>) | null;
  reducedMotion: boolean;
  consoleUrl: string;
  /** Real time in ms, for the discussion timer. */
  now(): number;
  /** Fetches the presenter's words in `lang`; false when they cannot come. Words already in hand when not given. */
  loadWords?(lang: Lang): Promise<boolean>;
  /** A shipped scenario's translation into `lang`, or null when it has none or it cannot be had. */
  translation?(scenarioId: string, lang: Lang): Promise<ScenarioTranslation | null>;
}

export function mountPresenter(root: HTMLElement, env: PresenterEnv): { destroy(): void } {
  const self = env.newId();
  let sync: PresenterSync = presenterStart(env.cachedFrame);

  const title = h('h1', { class: 'pres__title' });
  const team = h('p', { class: 'pres__team' });
  const clock = h('p', { class: 'pres__clock', attrs: { role: 'timer' } });
  const badge = h('p', { class: 'pres__badge' });
  const top = h(
    'header',
    { class: 'pres__top' },
    h('div', { class: 'pres__brand' }, brandMark()),
    h('div', { class: 'pres__heading' }, title, team),
    h('div', { class: 'pres__time' }, clock, badge),
  );
  const room = h('div', { class: 'pres__room' });
  const roomFallback = h('div', { class: 'pres__room-fallback' });
  const card = h('section', { class: 'pres__card', attrs: { 'aria-live': 'polite', tabindex: 0 } });
  const spot = h('section', { class: 'pres__spot' });
  const inject = h('section', { class: 'pres__inject' });
  const below = h('div', { class: 'pres__below' }, inject, spot);
  const link = h('p', { class: 'pres__link', attrs: { role: 'status' } });
  const roster = h('p', { class: 'pres__roster' });
  const foot = h('footer', { class: 'pres__foot' }, roster, link);
  const body = h('main', { class: 'pres__body', id: 'main' }, h('div', { class: 'pres__left' }, h('div', { class: 'pres__stage' }, room, roomFallback), below), card);
  const announcer = h('p', { class: 'visually-hidden', attrs: { 'aria-live': 'assertive' } });
  const joinCard = presenterRoomCard();
  const shell = h('div', { class: 'pres' }, top, body, foot, announcer, joinCard.el);
  replace(root, shell);
  document.documentElement.dataset.facilitator = 'presenter';

  // The presenter speaks the console's language (the frame says which), once its words are here.
  const wordsAsked = new Set<Lang>();
  let saidIn: Lang | null = null;
  const speak = (wanted: Lang): void => {
    if (!hasPresenterWords(wanted)) {
      if (!wordsAsked.has(wanted) && env.loadWords) {
        wordsAsked.add(wanted);
        void env.loadWords(wanted).then((ok) => ok && render());
      }
    } else useLang(wanted);
    const lang = presenterLang();
    if (saidIn === lang) return;
    saidIn = lang;
    showLang(lang);
    document.title = t('pageTitle');
    clock.setAttribute('aria-label', t('gameClock'));
    card.setAttribute('aria-label', t('situation'));
    spot.setAttribute('aria-label', t('onTheSpotLabel'));
    inject.setAttribute('aria-label', t('injectsLabel'));
    joinCard.render();
    // The services' fallback is drawn again in the new words.
    delete roomFallback.dataset.key;
  };

  // The war room reads this small store, the same shape the solo game's store has.
  const roomStore = createStore<RoomState>()(() => ({ scenario: null, view: null, paused: false, speed: 1, reducedMotion: env.reducedMotion }));
  let warRoom: { destroy(): void; lang: Lang } | null = null;
  let loading = false;
  const ensureRoom = (): void => {
    // The war room lays itself out for its language's words once, so a new language is a new room.
    if (warRoom && warRoom.lang !== roomStore.getState().lang) {
      warRoom.destroy();
      warRoom = null;
    }
    if (warRoom || loading || !env.loadWarRoom) return;
    loading = true;
    env
      .loadWarRoom()
      .then((m) => {
        loading = false;
        warRoom = { ...m.mountWarRoom(room, roomStore), lang: roomStore.getState().lang ?? 'en' };
        shell.dataset.room = 'on';
      })
      .catch(() => {
        shell.dataset.room = 'off';
      });
  };

  // The scenario the frame names, with the frame's tailoring over it: the same pure function the
  // console uses, kept while neither changes so the war room is not rebuilt on every frame.
  const fileScenarios = new Map<string, Scenario | null>();
  const shipped = new Set<string>();
  // Translations by scenario and language: null while asked for, or when there is none.
  const translations = new Map<string, ScenarioTranslation | null>();
  const translationOf = (id: string, lang: Lang): ScenarioTranslation | null => {
    if (lang === 'en' || !env.translation) return null;
    const key = `${id}:${lang}`;
    if (!translations.has(key)) {
      translations.set(key, null);
      void env.translation(id, lang).then((found) => {
        if (!found) return;
        translations.set(key, found);
        tailored = null;
        render();
      });
    }
    return translations.get(key) ?? null;
  };
  let tailored: { key: string; scenario: Scenario | null } | null = null;
  const scenarioOf = (f: PresenterFrame | null): Scenario | null => {
    if (!f) return null;
    let base: Scenario | null;
    if (f.scenarioFile) {
      if (!fileScenarios.has(f.scenarioFile)) {
        fileScenarios.set(f.scenarioFile, null);
        const key = f.scenarioFile;
        void env
          .scenarioFile(key)
          .catch(() => null)
          .then((s) => {
            fileScenarios.set(key, s);
            tailored = null;
            render();
          });
      }
      base = fileScenarios.get(f.scenarioFile) ?? null;
    } else {
      base = env.library.get(f.scenarioId);
      if (!base && !shipped.has(f.scenarioId)) {
        // Asked once per scenario; until it arrives the frame shows without the scenario's text.
        shipped.add(f.scenarioId);
        void env.library.load(f.scenarioId).then((result) => {
          if (isLoadProblem(result)) return;
          tailored = null;
          render();
        });
      }
    }
    // The scenario in the language the console runs it in (the run's text comes in the frame's view already).
    const translation = base && !f.scenarioFile ? translationOf(f.scenarioId, f.scenarioLang) : null;
    const key = JSON.stringify([f.scenarioId, f.scenarioFile, base !== null, f.tailoring, f.scenarioLang, translation !== null]);
    if (tailored?.key !== key) tailored = { key, scenario: base ? tailorScenario(localizeScenario(base, translation, f.scenarioLang), f.tailoring) : null };
    return tailored.scenario;
  };

  let prevFrame: PresenterFrame | null = null;
  const render = (): void => {
    const f = sync.frame;
    speak(f?.lang ?? presenterLang());
    const scenario = scenarioOf(f);
    replace(title, scenario?.title ?? 'War Room');
    markWritten(title, scenario && f ? f.scenarioLang : presenterLang(), presenterLang());
    replace(team, f?.teamName ? teamLabel(f.teamName, t('team', { name: f.teamName.trim() })) : t('tagline'));
    replace(clock, f?.view && f.stage !== 'setup' && f.stage !== 'briefing' ? gameTime(f.view.clock) : '');
    const state = !f
      ? 'waiting'
      : f.stage === 'setup'
        ? 'setup'
        : f.stage === 'briefing'
          ? 'briefing'
          : f.stage === 'debrief'
            ? 'debrief'
            : f.decision === 'recorded'
              ? 'discussion'
              : f.decision === 'revealed'
                ? 'consequences'
                : f.clock === 'paced'
                  ? 'decision'
                  : f.paused
                    ? 'paused'
                    : 'live';
    replace(badge, state === 'live' ? t('badge.live', { speed: f!.speed }) : t(`badge.${state}`));
    // The badge's colour goes by the state, whatever language names it.
    badge.className = `pres__badge pres__badge--${state === 'setup' ? 'setting' : state}`;
    shell.dataset.stage = f?.stage ?? 'none';
    shell.dataset.decision = f?.decision ?? 'open';
    document.body.dataset.rev = String(f?.rev ?? -1);
    document.body.dataset.clock = String(f?.view?.clock ?? -1);

    replace(card, ...stageCard(f, scenario));
    replace(spot, ...spotlight(f));
    // Injects and who is on the spot belong to the decision in front of the room, not to the reveal.
    const deciding = f?.stage === 'incident' && f.decision !== 'revealed';
    replace(inject, ...(deciding ? injectsCard(f) : []));
    spot.hidden = !f || f.onTheSpot.length === 0 || !deciding;
    inject.hidden = !f?.injects?.length || !deciding;
    below.hidden = spot.hidden && inject.hidden;
    replace(
      roster,
      f && f.participants.length ? f.participants.map((p) => t('roster', { name: p.name, role: p.roleLabel })).join(' · ') : '',
    );
    replace(
      link,
      sync.link === 'connected'
        ? ''
        : sync.link === 'closed'
          ? t('consoleClosed')
          : t('waitingForConsole', { url: env.consoleUrl }),
    );
    link.hidden = sync.link === 'connected';

    const graphic = f?.display?.graphic ?? true;
    shell.dataset.graphic = graphic ? 'on' : 'off';
    document.documentElement.dataset.large = f?.display?.largeText ? 'on' : 'off';
    const showRoom = !!f?.view && (f.stage === 'incident' || f.stage === 'debrief') && graphic;
    shell.dataset.view = showRoom ? 'room' : 'plain';
    // While the room discusses a recorded choice, or the facilitator paces the clock, game time stands
    // still, so the war room shows it paused.
    roomStore.setState({ lang: presenterLang(), scenario, view: showRoom ? f!.view : null, paused: !!f && (f.paused || f.clock === 'paced' || f.decision !== 'open' || f.stage !== 'incident'), speed: f?.speed ?? 1 });
    if (showRoom) ensureRoom();
    const briefing = f?.stage === 'briefing' && scenario;
    const fallbackKey = JSON.stringify([showRoom, briefing ? [scenario.id, f.tailoring] : null, f?.view?.services.map((s) => s.effective)]);
    if (roomFallback.dataset.key !== fallbackKey) {
      roomFallback.dataset.key = fallbackKey;
      replace(roomFallback, ...(briefing ? companyCard(scenario, f.scenarioLang) : fallbackRoom(showRoom ? f : null)));
    }

    tickDiscussion();
    scheduleFit();
    announce(prevFrame, f);
    prevFrame = f;
  };

  // The discussion timer counts down in real time between frames.
  const tickDiscussion = (): void => {
    const el = card.querySelector<HTMLElement>('.pres__discussion');
    if (!el) return;
    const left = discussionLeft(el.dataset.ends ?? null, env.now());
    if (left === null) return;
    const text = left === 0 ? t('discussionUp') : t('discussionLeft', { time: clockText(left) });
    if (el.textContent !== text) el.textContent = text;
    el.classList.toggle('pres__timer--urgent', left <= DISCUSSION_WARNING_SECONDS);
  };
  const discussionTimer = setInterval(tickDiscussion, 500);

  // Nothing may need scrolling or be cut off: shrink the type until the text fits the screen.
  // The briefing shows the company and the preparation side by side when they fit; else the half
  // the facilitator chose, at a readable size.
  const left = body.querySelector<HTMLElement>('.pres__left')!;
  // The company card scrolls inside the stage, so it is measured on its own.
  const boxesNow = (): HTMLElement[] => [card, left, top, body, shell, roomFallback, inject, spot, ...roomFallback.querySelectorAll<HTMLElement>('.pres__company')];
  const fitOnce = (): void => void fitToScreen(document.documentElement, shell, boxesNow(), document.documentElement.dataset.large === 'on');
  const fit = (): void => {
    const f = sync.frame;
    if (f?.stage !== 'briefing') {
      delete shell.dataset.briefing;
      return fitOnce();
    }
    shell.dataset.briefing = 'both';
    fitOnce();
    if (boxesNow().some(overflows) || Number(document.documentElement.dataset.fit) < 85) {
      shell.dataset.briefing = f.briefingPage;
      fitOnce();
    }
  };
  // One fit before each paint, however many renders, font loads and resizes came since the last:
  // a fit lays the page out several times, and a start (the stored frame, then its scenario's
  // data, then the fonts) would otherwise repeat it for each.
  let fitFrame: number | null = null;
  const scheduleFit = (): void => {
    fitFrame ??= requestAnimationFrame(() => {
      fitFrame = null;
      fit();
      document.body.dataset.fitted = String(sync.frame?.rev ?? -1);
    });
  };
  const onResize = (): void => scheduleFit();
  window.addEventListener('resize', onResize);
  document.fonts?.addEventListener('loadingdone', onResize);

  const announce = (before: PresenterFrame | null, after: PresenterFrame | null): void => {
    if (!before || !after || before.sessionId !== after.sessionId) return;
    const lines: string[] = [];
    const newInject = after.latestInject && after.decision !== 'revealed' && (before.latestInject?.id !== after.latestInject.id || before.latestInject?.t !== after.latestInject.t);
    if (newInject && after.latestInject) lines.push(t('saidInject', { channel: channelLabel(after.latestInject.channel, presenterLang()), from: after.latestInject.from, text: after.latestInject.text }));
    if (after.recorded && !before.recorded) lines.push(t('saidChose', { label: after.recorded.label }));
    if (after.outcome && !before.outcome) lines.push(t('saidHappened', { text: after.outcome.text }));
    if (after.decision === 'open' && before.decision === 'revealed' && after.view?.decision) lines.push(t('saidNext', { prompt: after.view.decision.prompt }));
    if (after.paused !== before.paused && after.stage === 'incident') lines.push(after.paused ? t('saidPaused') : t('saidResumed'));
    if (lines.length) replace(announcer, lines.join('. '));
  };

  const channel = env.openChannel((message) => {
    // A console that opens (or reopens) learns of this window by its hello.
    if (message.kind === 'console-open') channel.post(helloMessage(self));
    const next = presenterReceive(sync, message);
    if (next === sync) return;
    const before = sync;
    sync = next;
    try {
      render();
    } catch {
      // A frame that passed the checks but cannot be drawn is dropped: the room keeps the last
      // good picture, and the console's next frame is drawn as usual.
      sync = before;
      render();
    }
  });
  channel.post(helloMessage(self));
  const onHide = (): void => channel.post(byeMessage(self));
  window.addEventListener('pagehide', onHide);
  render();

  return {
    destroy() {
      onHide();
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('resize', onResize);
      document.fonts?.removeEventListener('loadingdone', onResize);
      clearInterval(discussionTimer);
      if (fitFrame !== null) cancelAnimationFrame(fitFrame);
      channel.close();
      warRoom?.destroy();
      joinCard.destroy();
      replace(root);
    },
  };
}

/** Without the war-room canvas (before the incident, or no WebGL): the services in words. */
function fallbackRoom(f: PresenterFrame | null): Node[] {
  const view = f?.view;
  if (!view) {
    return [h('div', { class: 'pres__splash' }, h('p', { class: 'pres__splash-mark', attrs: { 'aria-hidden': 'true' } }, brandMark()), h('p', { class: 'pres__splash-text', text: t('tagline') }))];
  }
  return [
    h(
      'ul',
      { class: 'pres__services', attrs: { 'aria-label': t('services') } },
      ...view.services.map((s) => h('li', { class: `pres__service pres__service--${s.effective}` }, h('span', { text: s.name }), h('strong', { text: t(`service.${s.effective}`) }))),
    ),
  ];
}
