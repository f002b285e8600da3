import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { defineConfig, type IndexHtmlTransformContext, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { phaserCore } from './src/game/phaser-core-plugin.ts';
import { scenariosPlugin } from './src/scenarios/vite-plugin.ts';
import type { CatalogueEntry } from './src/scenarios/bundled.ts';
import { STORAGE_KEYS } from './src/store/storage.ts';
import { consoleShell, SHELL_KEYS } from './src/facilitator/console/shell.ts';
import consoleGerman from './src/facilitator/console/messages-de.json' with { type: 'json' };
import { FACILITATOR_KEYS } from './src/facilitator/persist.ts';
import { toHtml } from './src/ui/markup.ts';

// The browser game. Scenario files are validated at build time and bundled as JSON
// (see src/scenarios/vite-plugin.ts).
// Two pages: the game (index.html) and facilitator mode (facilitator.html, see docs/facilitator.md).
// A service worker precaches every built file, scenarios and the war room's assets included, so a workshop runs offline
// once the app has been opened, and the manifest makes it installable.
export default defineConfig({
  plugins: [
    phaserCore(),
    scenariosPlugin(),
    facilitatorPage(),
    consoleShellInPage(),
    facilitatorScripts(),
    warRoomEarlyOnResume(),
    VitePWA({
      registerType: 'autoUpdate',
      // Registered by the pages themselves once they have settled (src/ui/service-worker.ts).
      injectRegister: false,
      // The workbox glob below already precaches every icon in public/.
      includeManifestIcons: false,
      manifest: {
        name: 'War Room',
        short_name: 'War Room',
        description: 'An incident tabletop game: rehearse how your IT partner responds when the company’s IT goes down.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#0a1017',
        theme_color: '#0a1017',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/war-room.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
        shortcuts: [{ name: 'Facilitator console', short_name: 'Facilitate', url: './facilitator.html#/console' }],
      },
      workbox: {
        // svg and wav include the war room's backdrop, portraits, icons and sounds (assets/).
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,json,woff2,wav}'],
        // Phaser's chunk is over the default 2 MiB limit and the war room needs it offline.
        maximumFileSizeToCacheInBytes: 6 * 1024 * 1024,
        navigateFallback: 'index.html',
        // Workbox's defaults, and `test-clock` (the e2e tests' hand-driven clock): without it a
        // reload of facilitator.html?test-clock would miss the precache and get the game's page.
        ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^test-clock$/],
        // The phone page and the room server's routes are never answered with the game's page.
        navigateFallbackDenylist: [/^\/join/, /^\/matchmake\//, /^\/healthz/],
        cleanupOutdatedCaches: true,
      },
    }),
    phonePageWithoutServiceWorker(),
  ],
  resolve: { alias: [{ find: /^ws$/, replacement: resolve(import.meta.dirname, 'src/join/node-websocket-stand-in.ts') }] },
  // Test and benchmark builds land in the tree; reloading the dev server for them helps nobody.
  server: { port: 5173, strictPort: false, watch: { ignored: ['**/tests/e2e/out/**', '**/bench/out/**'] } },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Small modules the phone page shares with the console stay one chunk each: left to the
          // default, the console's lazily loaded screens (which use some of them) split them into
          // still smaller chunks, and every extra file costs the phone page a request and bytes
          // (its first-load budget is 60 KB, tests/e2e/rooms.test.ts).
          groups: [
            { name: 'dom', test: /[\\/]src[\\/](ui[\\/]dom|i18n[\\/]browser-lang)\.ts$/ },
            { name: 'rejoin', test: /[\\/]src[\\/]protocol[\\/](rejoin|limits|join-code)\.ts$/ },
          ],
        },
      },
    },
  },
});

/**
 * The pages' inline head scripts ask for files with this one function, as source text:
 * `a(rel, href, as?)` adds a CORS-mode <link> (a font's with its type) to the head.
 */
const ADD_LINK = `function(r,h,t){var l=document.createElement('link');l.rel=r;l.href=h;l.crossOrigin='anonymous';if(t)l.as=t;if(t==='font')l.type='font/woff2';document.head.appendChild(l)}`;

/** Adds facilitator.html as a second page when the root has one (the benchmark's bare Phaser app has not). */
function facilitatorPage(): Plugin {
  return {
    name: 'war-room-facilitator-page',
    config(config) {
      const root = resolve(config.root ?? process.cwd());
      const page = join(root, 'facilitator.html');
      if (!existsSync(page)) return undefined;
      // The phone page (/join) comes with facilitator mode: both are part of running a workshop.
      const join_ = join(root, 'join.html');
      const input = { main: join(root, 'index.html'), facilitator: page, ...(existsSync(join_) ? { join: join_ } : {}) };
      return { build: { rolldownOptions: { input } } };
    },
  };
}

/**
 * facilitator.html paints the console's shell (top bar, the set-up's title and introduction; see
 * src/facilitator/console/shell.ts) with the page, in place of its `<!-- console shell -->` marker,
 * instead of once the console's chunk has arrived; the console takes those elements over. In the
 * dev server too, so both serve the same page. A few bytes of script in the head, before anything
 * is painted, say which window this is: the presenter's shows none of the shell, and a console
 * reopened on an exercise past its set-up (a session in storage, as persist.ts keeps it) leaves
 * the set-up's title unpainted until the console shows the exercise (facilitator.css).
 */
function consoleShellInPage(): Plugin {
  const marker = '<!-- console shell -->';
  const key = JSON.stringify(FACILITATOR_KEYS.current);
  // The console's language, chosen as src/i18n/lang.ts preferredLang chooses it (the remembered
  // choice, else the browser's first language we speak, else English), so <html lang> is right
  // before anything paints.
  const chooseLang =
    `var l=null;try{l=localStorage.getItem('war-room.lang')}catch(e){}` +
    `if(l!=='en'&&l!=='de'){l='en';var n=navigator.languages||[navigator.language];for(var i=0;i<n.length;i++){var p=String(n[i]).toLowerCase().split('-')[0];if(p==='en'||p==='de'){l=p;break}}}d.lang=l;`;
  // A German console's shell says its words in German from its first paint: the page is built in
  // English with each text's key (data-t), and as the parser adds the shell, a mutation observer
  // swaps the texts. Its callbacks run before the browser renders again, so English never shows
  // and nothing moves. (A script after the shell ran too late: Chrome painted the English first
  // while that script waited for the style sheets, a layout shift of 0.011.)
  const german = Object.fromEntries(SHELL_KEYS.map((k) => [k, consoleGerman[k]]));
  const swap =
    `if(l==='de'){var w=${JSON.stringify(german)},D=document,o=new MutationObserver(f);` +
    `function f(){d.querySelectorAll('[data-t]').forEach(function(e){var t=w[e.dataset.t];if(t&&e.textContent!==t)e.textContent=t});` +
    `d.querySelectorAll('[data-t-aria]').forEach(function(e){var t=w[e.dataset.tAria];if(t&&e.getAttribute('aria-label')!==t)e.setAttribute('aria-label',t)});` +
    `var s=D.getElementById('fac-lang');if(s)s.value='de';if(D.querySelector('.fac-setup__head p'))o.disconnect()}` +
    `o.observe(d,{childList:true,subtree:true})}`;
  const script =
    `<script>(function(d){if(location.hash.startsWith('#/presenter')){d.dataset.facilitator='presenter';return}${chooseLang}${swap}` +
    `try{var s=JSON.parse(localStorage.getItem(${key})||'null');if(s&&s.stage!=='setup')d.dataset.consoleResume=''}catch(e){}})(document.documentElement)</script>`;
  return {
    name: 'war-room-console-shell',
    transformIndexHtml: (html) =>
      html.includes(marker)
        ? html.replace(marker, consoleShell().map(toHtml).join('')).replace(/<meta charset[^>]*>/i, (charset) => `${charset}\n    ${script}`)
        : undefined,
  };
}

/**
 * facilitator.html's scripts. The console (#/console, the page's default) paints its shell from the
 * page (consoleShellInPage) and needs no script for that, so it asks for its scripts once that
 * first paint is on screen: the entry, the chunks Vite preloads for it, and the console's chunk (a
 * chunk of its own, which the presenter's window never loads) with what it imports, all at once
 * rather than one round trip after the entry has run. Asked for with the page, as Vite writes
 * them, ~130 KB of script shared a slow link with the style sheets the first paint waits for, and
 * ran before Chrome's first frame, which then waited for them and for the fonts their layout asked
 * for: Lighthouse's mobile score of the console was 94 (simulated slow 4G: FCP 2.3 s, LCP 2.6 s);
 * asked for after the first paint, 99 (FCP 0.9-1.7 s, LCP 1.1-1.8 s: npm run bench -- lighthouse).
 * The presenter (#/presenter) draws everything with its script, so it asks for it at once.
 */
function facilitatorScripts(): Plugin {
  return pageHeadPlugin('war-room-facilitator-scripts', (html, ctx, base) => {
    const bundle = ctx.bundle;
    if (!bundle || !/(^|[\\/])facilitator\.html$/.test(ctx.filename)) return undefined;
    const start = Object.values(bundle).find((c) => c.type === 'chunk' && /[\\/]src[\\/]facilitator[\\/]console[\\/]start\.ts$/.test(c.facadeModuleId ?? ''));
    if (!start || start.type !== 'chunk') return undefined;
    const files = new Set<string>();
    const visit = (fileName: string): void => {
      const chunk = bundle[fileName];
      if (files.has(fileName) || chunk?.type !== 'chunk') return;
      files.add(fileName);
      chunk.imports.forEach(visit);
    };
    visit(start.fileName);
    // Vite's tags for the entry and the chunks it imports, taken out of the page: the script below asks for them.
    const entries: string[] = [];
    const preloads: string[] = [];
    const page = html
      .replace(/<script type="module" crossorigin src="([^"]+)"><\/script>\s*/g, (_, src: string) => (entries.push(src), ''))
      .replace(/<link rel="modulepreload" crossorigin href="([^"]+)">\s*/g, (_, href: string) => (preloads.push(href), ''));
    if (entries.length !== 1) throw new Error(`facilitator.html: expected one entry script from Vite, found ${entries.length}`);
    const consoleChunks = [...files].map((f) => base + f).filter((u) => !preloads.includes(u));
    // A German console's words (console/messages-de.json) are asked for with its chunk, not once
    // that has run: the console waits for them before it draws.
    const words = Object.values(bundle).find(
      (a) => a.type === 'asset' && a.originalFileNames.some((n) => /(^|[\\/])src[\\/]facilitator[\\/]console[\\/]messages-de\.json$/.test(n)),
    );
    const german = words ? `if(document.documentElement.lang==='de')a('preload',${JSON.stringify(base + words.fileName)},'fetch');` : '';
    const load =
      `var h=document.head,done=false,a=${ADD_LINK},m=function(u){a('modulepreload',u)},` +
      `go=function(c){if(done)return;done=true;${JSON.stringify(preloads)}.forEach(m);if(c){${JSON.stringify(consoleChunks)}.forEach(m);${german}}` +
      // A script added to the page runs as soon as it has arrived: the entry, once the page is parsed (it needs #app).
      `var e=function(){var s=document.createElement('script');s.type='module';s.crossOrigin='';s.src=${JSON.stringify(entries[0])};h.append(s)};` +
      `if(document.readyState==='loading')document.addEventListener('DOMContentLoaded',e);else e()};`;
    // The paint entry is reported once the frame is presented; where it is not, the frame after the
    // first one. A window that never paints (a tab opened in the background) starts after 3 s.
    const afterFirstPaint =
      `var c=function(){go(true)};setTimeout(c,3000);` +
      `if(window.PerformanceObserver&&(PerformanceObserver.supportedEntryTypes||[]).indexOf('paint')>=0)new PerformanceObserver(c).observe({type:'paint',buffered:true});` +
      `else requestAnimationFrame(function(){requestAnimationFrame(c)})`;
    const script = `<script>(function(){${load}if(location.hash.startsWith('#/presenter'))go(false);else{${afterFirstPaint}}})()</script>`;
    // Before the style sheets: a classic script after them would wait until they have loaded.
    return /<link rel="stylesheet"/.test(page) ? page.replace(/<link rel="stylesheet"/, `${script}\n    $&`) : page.replace('</head>', `${script}\n  </head>`);
  });
}

/**
 * A game page opened on a saved run (most often mid-incident) needs the war room's chunk (Phaser,
 * the biggest file), the room's fonts and the saved scenario's data at once. src/main.ts imports
 * the chunk as soon as it runs, but that is after its own download and start-up, and the fonts
 * were asked for only once the page was first laid out (then laid out again with them). The
 * scenario's data was asked for only once the catalogue had arrived and said where it is: one more
 * round trip before the run could be restored and anything drawn. A few bytes of inline script in
 * the page's head ask for all of them while the page's script is still on its way. It checks what
 * main.ts checks (a save in storage, see savedScenarioId, and the language it was played in, see
 * savedScenarioLang): other visitors fetch none of it early. It also readies the number
 * formatting the restored screen needs (below).
 */
function warRoomEarlyOnResume(): Plugin {
  return pageHeadPlugin('war-room-early-on-resume', (html, ctx, base) => {
    if (!ctx.bundle || basename(ctx.filename) !== 'index.html') return undefined;
    const files = Object.values(ctx.bundle);
    const chunk = files.find((c) => c.type === 'chunk' && c.facadeModuleId?.replaceAll('\\', '/').endsWith('/src/game/index.ts'));
    // The benchmark's bare Phaser app (same config, another root) has no war room.
    if (!chunk) return undefined;
    // The room's letters (Inter for words, JetBrains Mono for figures; see src/main.ts): Latin only, the rest loads if used.
    const fonts = files.filter((f) => f.type === 'asset' && /^(inter|jetbrains-mono)-latin-wght-normal-.*\.woff2$/.test(basename(f.fileName)));
    const links = [
      `a('modulepreload',${JSON.stringify(base + chunk.fileName)})`,
      ...fonts.map((f) => `a('preload',${JSON.stringify(base + f.fileName)},'font')`),
    ];
    const key = JSON.stringify(STORAGE_KEYS.save);
    const sessionKey = JSON.stringify(STORAGE_KEYS.session);
    // Each scenario's data and translations, by id, as the catalogue names them (the URLs main.ts fetches).
    const catalogue = files.find((f) => f.type === 'asset' && /^scenarios-[^/]*\.json$/.test(basename(f.fileName)));
    const entries: CatalogueEntry[] = catalogue?.type === 'asset' ? JSON.parse(String(catalogue.source)) : [];
    const data = Object.fromEntries(entries.flatMap((e) => (e.scenario && e.url ? [[e.scenario.id, { en: e.url, ...e.translations }]] : [])));
    const add = `var a=${ADD_LINK};`;
    const scenario =
      `var d=${JSON.stringify(data)}[JSON.parse(s).scenario.id];if(d){a('preload',d.en,'fetch');` +
      `var g=(JSON.parse(localStorage.getItem(${sessionKey})||'null')||{}).lang;if(g!=='en'&&d[g])a('preload',d[g],'fetch')}`;
    // The first Intl number formatter a page makes loads ICU's number data (30-75 ms on the bench's
    // machine); a resumed run makes one as soon as it lays out its costs. Made here, in a task of
    // its own, it fills the wait for the page's scripts; every formatter after it takes under 1 ms.
    const numbers = `setTimeout(function(){new Intl.NumberFormat().format(0)},0)`;
    const script = `<script>try{var s=localStorage.getItem(${key});if(s){${add}${links.join(';')};${scenario};${numbers}}}catch(e){}</script>`;
    // Right after the charset, before the stylesheet: an inline script after one waits for it.
    return html.replace(/<meta charset[^>]*>/i, (charset) => `${charset}\n    ${script}`);
  });
}

/**
 * The phone page does not register the service worker: a phone joining a workshop should load
 * its ~60 KB page, not precache the whole game (Phaser included) over the venue's Wi-Fi.
 */
function phonePageWithoutServiceWorker(): Plugin {
  let outDir = 'dist';
  return {
    name: 'war-room-phone-page-without-sw',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    // vite-plugin-pwa adds its tags while writing the bundle, so they come out of the written page.
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        const page = join(outDir, 'join.html');
        if (!existsSync(page)) return;
        const html = readFileSync(page, 'utf8');
        writeFileSync(page, html.replace(/<link rel="manifest"[^>]*>/, '').replace(/<script id="vite-plugin-pwa:register-sw"[^>]*><\/script>/, ''));
      },
    },
  };
}

/** A build-only plugin that rewrites a built page's HTML once its bundle is known (`base`: where the files are served from). */
function pageHeadPlugin(name: string, rewrite: (html: string, ctx: IndexHtmlTransformContext, base: string) => string | undefined): Plugin {
  let base = '/';
  return {
    name,
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: { order: 'post', handler: (html, ctx) => rewrite(html, ctx, base) },
  };
}
