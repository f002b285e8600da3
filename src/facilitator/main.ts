import scenariosUrl from 'virtual:war-room/scenarios';
import { fetchScenarios } from '../store/scenario-source.ts';
import { rememberedLang, showLang } from '../i18n/browser-lang.ts';
import { registerServiceWorkerWhenSettled } from '../ui/service-worker.ts';
import { startPresenter } from './presenter/start.ts';
import { couldNotStart } from './start-failure.ts';
// The same self-hosted fonts as the game: the presenter's text and its war room read alike on
// every projector's computer, and the room's names are laid out for these letters.
import '@fontsource-variable/inter/wght.css';
import '@fontsource-variable/jetbrains-mono/wght.css';
import '../ui/styles.css';
import './facilitator.css';

// Facilitator mode's entry (facilitator.html): #/console is the laptop, #/presenter the projector.
// Both are this one page, so a presenter opened from the console shares its storage and channel.
// The presenter's code (presenter/start.ts, small) comes with the page; the console's, with the
// engine, in a chunk of its own (console/start.ts), which the projector's window never loads.

const CONSOLE_HASH = '#/console';
const PRESENTER_HASH = '#/presenter';

const root = document.getElementById('app');
if (!root) throw new Error('facilitator.html has no #app element');
// The page shows from the small catalogue (preloaded by facilitator.html); a scenario's data is
// fetched when the console chooses it or a presenter's frame names it. The service worker
// precaches every scenario's file (its glob takes all JSON), so a workshop can still start any
// scenario offline.
const catalogue = fetchScenarios(scenariosUrl);
const isPresenter = location.hash.startsWith(PRESENTER_HASH);

// Switching between console and presenter in one tab starts the other app cleanly.
window.addEventListener('hashchange', () => {
  if (location.hash.startsWith(PRESENTER_HASH) !== isPresenter) location.reload();
});

const pageUrl = (hash: string): string => `${location.origin}${location.pathname}${hash}`;

registerServiceWorkerWhenSettled();
if (isPresenter) startPresenter(root, catalogue, pageUrl(CONSOLE_HASH));
else {
  void import('./console/start.ts')
    .then((m) => m.startConsole(root, catalogue, pageUrl(PRESENTER_HASH)))
    .catch((error: Error) => {
      const lang = rememberedLang();
      showLang(lang);
      root.textContent = couldNotStart(lang, error.message);
    });
}
