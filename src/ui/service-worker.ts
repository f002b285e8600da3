// The service worker precaches every built file (the Phaser chunk, every scenario, the war room's
// pictures and sounds, the fonts) so a workshop runs offline once the app has been opened. On a
// first visit that is over a megabyte fetched and stored by one more thread, which competed with
// the page's own start: registered on the load event (vite-plugin-pwa's default), it ran while
// a resumed run's war room was booting. It now registers once the page has settled: after the
// load event, after `settled` (the game page passes the war room's first frame when it opens on
// one), and when the main thread is idle.

/** Registers the service worker at the site's root once the page has settled; does nothing where there are none. */
export function registerServiceWorkerWhenSettled(settled: Promise<void> = Promise.resolve()): void {
  if (!('serviceWorker' in navigator)) return;
  const loaded = new Promise<void>((resolve) => {
    if (document.readyState === 'complete') resolve();
    else window.addEventListener('load', () => resolve(), { once: true });
  });
  const idle = (): Promise<void> =>
    new Promise((resolve) => (typeof window.requestIdleCallback === 'function' ? window.requestIdleCallback(() => resolve(), { timeout: 3000 }) : window.setTimeout(resolve, 1000)));
  void Promise.all([loaded, settled])
    .then(idle)
    .then(() => navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL }))
    .catch((error: unknown) => console.warn('The service worker could not be registered; the game needs the network', error));
}
