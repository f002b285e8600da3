import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { freePort } from '../free-port.ts';

// Builds the game once, serves it with `vite preview` on a free port, and drives Debian's
// Chromium through playwright-core. Output (build, screenshots) goes to tests/e2e/out/, which
// git ignores; the build has its own directory so it never races another `vite build` into dist/.

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const OUT = join(ROOT, 'tests/e2e/out');
const VITE = join(ROOT, 'node_modules/.bin/vite');
// While scenario files are being written, a frozen copy can stand in: E2E_VITE_CONFIG names a
// vite config whose scenarios plugin reads E2E_SCENARIOS_DIR. By default the real ones are used.
const CONFIG_ARGS = process.env.E2E_VITE_CONFIG ? ['--config', process.env.E2E_VITE_CONFIG] : [];
const SCENARIOS = process.env.E2E_SCENARIOS_DIR ?? join(ROOT, 'scenarios');

/** The Chromium the browser tests and benchmarks drive: $CHROMIUM_PATH, else Debian's. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export function run(args: string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(VITE, args, { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolvePromise(output) : reject(new Error(`vite ${args[0]} failed (${code}):\n${output}`))));
  });
}

/**
 * Waits until the preview server answers, or fails at once when it exits. The time budget is a
 * backstop for a server that hangs, not a guess at how fast it starts: a starved machine can take
 * many seconds to start Vite, and that must not fail a test.
 */
async function waitForHttp(url: string, server: ChildProcess, ms = 180_000): Promise<void> {
  let exited: number | null = null;
  server.once('exit', (code) => (exited = code ?? -1));
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (exited !== null) throw new Error(`the preview server for ${url} exited (code ${exited}) before it answered`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

export interface Served {
  url: string;
  browser: Browser;
  /** Scenario YAML as it was when the game was built, by file name, for headless replays. */
  scenarioTexts: Map<string, string>;
  close(): Promise<void>;
}

/** `outName` gives each test file its own build folder, so files run in parallel never race. */
export async function serveGame(outName = 'dist'): Promise<Served> {
  const DIST = join(OUT, outName);
  mkdirSync(OUT, { recursive: true });
  // Snapshot the scenarios first: other people may edit them while the tests run.
  const scenarioTexts = new Map(
    readdirSync(SCENARIOS)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => [f, readFileSync(join(SCENARIOS, f), 'utf8')] as const),
  );
  await run(['build', ...CONFIG_ARGS, '--outDir', DIST, '--emptyOutDir', '--logLevel', 'warn']);
  const port = await freePort();
  const preview: ChildProcess = spawn(VITE, ['preview', ...CONFIG_ARGS, '--outDir', DIST, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitForHttp(url, preview);
  } catch (error) {
    preview.kill();
    throw error;
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  return {
    url,
    browser,
    scenarioTexts,
    async close() {
      await browser.close().catch(() => {});
      preview.kill();
    },
  };
}

/** The facilitator's console on the test clock (tests move game time by hand), and the presenter's window, of a served build. */
export const consoleUrl = (served: Served): string => `${served.url}facilitator.html?test-clock#/console`;
export const presenterUrl = (served: Served): string => `${served.url}facilitator.html#/presenter`;

/**
 * Opens the game in a fresh browser context (its own empty localStorage). With `testClock`, game
 * time stands still until the test moves it with advanceGameClock: no waiting on wall time.
 */
export async function openGame(served: Served, viewport = { width: 1280, height: 720 }, options: { testClock?: boolean } = {}): Promise<Page> {
  const context = await served.browser.newContext({ viewport, acceptDownloads: true, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(options.testClock ? `${served.url}?test-clock` : served.url);
  await page.waitForSelector('body[data-ready="1"]');
  return page;
}

/** A value the page keeps on `document.body.dataset` (the pages publish their state there for tests). */
export const bodyData = (page: Page, key: string): Promise<string | undefined> => page.evaluate((k) => document.body.dataset[k], key);

/** Waits until the presenter shows, and has fitted, the console's current revision (the test's own budget bounds it). */
export async function presenterFitted(con: Page, pres: Page): Promise<void> {
  const rev = await bodyData(con, 'rev');
  await pres.waitForFunction((r) => document.body.dataset.rev === r && document.body.dataset.fitted === r, rev, { timeout: 0 });
}

/**
 * Opens a facilitator page (console or presenter) in `context` and waits until it is ready; its
 * uncaught errors go to `errors`, named, so a test can assert there were none.
 */
export async function openFacilitatorPage(context: BrowserContext, url: string, name: string, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="1"]');
  return page;
}

/**
 * Waits until the page has drawn two frames after everything before this call (a resize, a new
 * screen) and its fonts are loaded: what a screenshot should show is then on screen, however slow
 * the machine. A condition, not a guess at a duration.
 */
export async function painted(page: Page): Promise<void> {
  await page.evaluate(
    () => document.fonts.ready.then(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())))),
  );
}

/**
 * Waits until the solo page's war room has drawn its first frame and put its loader away: the
 * game clock runs only from then on (src/ui/parts/stage.ts), so time a test moves on before it
 * is not game time.
 */
export async function roomReady(page: Page): Promise<void> {
  await page.waitForSelector('body[data-war-room-frame="1"]', { timeout: 60_000 });
  await page.waitForSelector('.stage__loader[hidden]', { state: 'attached', timeout: 60_000 });
}

/** Moves a test-clock page's real time on by `ms`, as if that much time had passed. */
export async function advanceGameClock(page: Page, ms: number): Promise<void> {
  await page.evaluate((n) => (window as unknown as { warRoomTestClock: { advance(ms: number): void } }).warRoomTestClock.advance(n), ms);
}

const require = createRequire(import.meta.url);
export const AXE_PATH = require.resolve('axe-core/axe.min.js');

export type Impact = 'minor' | 'moderate' | 'serious' | 'critical';
export interface AxeSummary {
  counts: Record<Impact, number>;
  serious: { id: string; impact: string; help: string; targets: string[] }[];
}

/** Runs axe-core on the page as it is now. */
export async function axe(page: Page): Promise<AxeSummary> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } };
    const result = await w.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  const counts: Record<Impact, number> = { minor: 0, moderate: 0, serious: 0, critical: 0 };
  for (const v of violations) counts[v.impact as Impact] += v.nodes;
  return { counts, serious: violations.filter((v) => v.impact === 'serious' || v.impact === 'critical') };
}

/** Presses Tab until the focused element satisfies `test` (evaluated in the page), or fails. */
export async function tabTo(page: Page, description: string, test: string, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    // eslint-disable-next-line no-new-func
    const ok = await page.evaluate(`(() => { const el = document.activeElement; return !!el && (${test}); })()`);
    if (ok) return;
  }
  throw new Error(`Tab never reached ${description}`);
}

/** A test for tabTo: the focused element is a button (or link) whose text includes `text`. */
export const buttonNamed = (text: string): string =>
  `(el.tagName === 'BUTTON' || el.tagName === 'A') && el.textContent.includes(${JSON.stringify(text)})`;

export async function shot(page: Page, name: string): Promise<string> {
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** How many choices the player has made in the game's saved run. */
export async function choicesMade(page: Page): Promise<number> {
  return page.evaluate(() => {
    const saved = JSON.parse(localStorage.getItem('war-room.save') ?? '{"inputs":[]}') as { inputs: { type: string }[] };
    return saved.inputs.filter((i) => i.type === 'player.choose').length;
  });
}

/** Chooses the first open option by its number key, and waits until the choice is saved. */
export async function chooseFirstOpen(page: Page): Promise<void> {
  const before = await choicesMade(page);
  // A new decision takes input only once it is armed (its guard against double presses).
  await page.waitForSelector('.options[data-armed="true"]');
  const key = await page.$eval('.option[aria-disabled="false"] .option__key', (e) => e.textContent ?? '1');
  await page.keyboard.press(key);
  await expect.poll(() => choicesMade(page)).toBeGreaterThan(before);
}

/** Plays to the ending, choosing the first open option of each decision (at most 60 of them). */
export async function playFirstOpenToEnd(page: Page): Promise<void> {
  for (let turn = 0; !(await page.locator('.ending:not([hidden])').count()); turn++) {
    if (turn > 60) throw new Error('the scenario did not end within 60 decisions');
    await page.waitForSelector('.option[aria-disabled="false"], .ending:not([hidden])');
    if (await page.locator('.ending:not([hidden])').count()) break;
    await chooseFirstOpen(page);
  }
}
