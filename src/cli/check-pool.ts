import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileCheck } from './check.ts';
import type { CheckCommandOptions } from './check.ts';
import type { WorkerRequest } from './check-worker.ts';

// Scenario files are independent, so `check` spreads them over worker threads (one per
// core by default). Results come back in the order of the files, so output never depends
// on which worker finished first.

export function defaultJobs(files: number): number {
  return Math.max(1, Math.min(files, availableParallelism()));
}

export async function checkInWorkers(
  files: string[],
  options: CheckCommandOptions,
  jobs: number,
  checkHere: (file: string) => Promise<FileCheck>,
): Promise<FileCheck[]> {
  if (jobs <= 1 || files.length <= 1) {
    const results: FileCheck[] = [];
    for (const file of files) results.push(await checkHere(file));
    return results;
  }
  const results: (FileCheck | undefined)[] = new Array(files.length);
  let next = 0;
  const runWorker = (): Promise<void> =>
    new Promise((resolve) => {
      const worker = new Worker(new URL('./check-worker.mjs', import.meta.url));
      let current = -1;
      const give = (): void => {
        if (next >= files.length) {
          worker.postMessage(null);
          return;
        }
        current = next++;
        const request: WorkerRequest = { index: current, file: files[current]!, options };
        worker.postMessage(request);
      };
      worker.on('message', (message: { index: number; result: FileCheck }) => {
        results[message.index] = message.result;
        give();
      });
      worker.on('error', (error) => {
        // A worker that dies takes only its current file with it; the file is reported, the rest go on.
        if (current >= 0 && results[current] === undefined) {
          results[current] = {
            file: files[current]!,
            id: null,
            errors: [{ file: files[current]!, line: 1, column: 1, path: '(file)', message: `internal error while checking this file: ${error.message}` }],
            warnings: [],
            report: null,
            ms: 0,
          };
        }
        resolve(runWorker().then(() => undefined));
      });
      worker.on('exit', () => resolve());
      give();
    });
  await Promise.all(Array.from({ length: Math.min(jobs, files.length) }, runWorker));
  return results.map((r, i) => r ?? { file: files[i]!, id: null, errors: [], warnings: [], report: null, ms: 0 });
}
