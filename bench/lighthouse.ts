import { join } from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/harness.ts';
import { buildApp, ROOT } from './browser/build.ts';
import { serve } from './browser/serve.ts';

// Lighthouse's mobile audit (its default: a mid-range phone, 4× slower CPU and a slow 4G link,
// simulated) of every page a player or facilitator opens, on the built app served locally,
// through the same Chromium as the other browser benches. Performance and accessibility scores,
// the median of a few runs per page: the performance score comes from the page's measured
// main-thread work, so it drops on a busy machine; the run says the load average.

const PAGES: { name: string; path: string }[] = [
  { name: 'title (game index.html)', path: '' },
  { name: 'facilitator console', path: 'facilitator.html#/console' },
  { name: 'presenter', path: 'facilitator.html#/presenter' },
  { name: 'join (phone)', path: 'join' },
];
const RUNS = 3;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export interface LighthouseScores {
  page: string;
  performance: number;
  accessibility: number;
  /** Every run's performance score, to show the spread. */
  performanceRuns: number[];
  /** Medians of the metrics the performance score is made of that pages here move most. */
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Audits below a full score in the last run, by id: what to fix. */
  failing: string[];
}

export async function lighthouseBench(options: { json?: boolean } = {}): Promise<void> {
  const log = options.json ? (...a: unknown[]) => console.error(...a) : (...a: unknown[]) => console.log(...a);
  const outDir = join(ROOT, 'bench/out/lighthouse');
  await buildApp('game', outDir);
  const server = await serve(outDir);
  // --headless=new: Lighthouse needs a page with a real viewport; the rest are the tests' flags.
  const chrome = await launch({ chromePath: CHROMIUM_PATH, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
  const results: LighthouseScores[] = [];
  try {
    log('\n## Lighthouse (mobile, simulated throttling), median of ' + RUNS + ' runs per page');
    for (const page of PAGES) {
      const perf: number[] = [];
      const a11y: number[] = [];
      const lcp: number[] = [];
      const tbt: number[] = [];
      const cls: number[] = [];
      let failing: string[] = [];
      for (let i = 0; i < RUNS; i++) {
        const result = await lighthouse(
          server.url + page.path,
          { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] },
        );
        if (!result) throw new Error(`Lighthouse returned nothing for ${page.name}`);
        const { categories, audits, runtimeError } = result.lhr;
        if (runtimeError) throw new Error(`Lighthouse on ${page.name}: ${runtimeError.code} ${runtimeError.message}`);
        perf.push(Math.round((categories.performance?.score ?? 0) * 100));
        a11y.push(Math.round((categories.accessibility?.score ?? 0) * 100));
        lcp.push(Math.round(audits['largest-contentful-paint']?.numericValue ?? NaN));
        tbt.push(Math.round(audits['total-blocking-time']?.numericValue ?? NaN));
        cls.push(Math.round((audits['cumulative-layout-shift']?.numericValue ?? NaN) * 1000) / 1000);
        const weighted = new Set(
          Object.values(categories).flatMap((c) => c.auditRefs.filter((r) => r.weight > 0).map((r) => r.id)),
        );
        failing = Object.values(audits)
          .filter((a) => weighted.has(a.id) && a.score !== null && a.score < 1)
          .map((a) => `${a.id} ${a.displayValue ?? ''}`.trim());
      }
      const scores = {
        page: page.name,
        performance: median(perf),
        accessibility: median(a11y),
        performanceRuns: perf,
        lcpMs: median(lcp),
        tbtMs: median(tbt),
        cls: median(cls),
        failing,
      };
      results.push(scores);
      log(`${page.name.padEnd(26)} performance ${scores.performance} (runs ${perf.join(', ')}; goal 95)   accessibility ${scores.accessibility} (goal 100)`);
      log(`${''.padEnd(26)} LCP ${scores.lcpMs} ms   TBT ${scores.tbtMs} ms   CLS ${scores.cls}   (medians)`);
      if (failing.length > 0) log(`  below full marks: ${failing.join('; ')}`);
    }
  } finally {
    chrome.kill();
    await server.close();
  }
  if (options.json) console.log(JSON.stringify({ pages: results }));
}
