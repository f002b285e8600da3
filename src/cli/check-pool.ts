import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileCheck } from './check-types.ts';

// Scenario files are independent, so `check` spreads them over worker threads (one per
// core by default). Each result is handed to `onResult` as soon as its file is done; the
// caller puts them back in the order of the files. The biggest files go first, so the
// longest one does not start last. Node runs the worker's TypeScript itself (type
// stripping) when the command runs without a loader, as bin/war-room.mjs does on such a
// Node; under `npx tsx` the worker inherits the tsx loader with the rest of the parent's
// execArgv (measured).

export function defaultJobs(files: number): number {
  return Math.max(1, Math.min(files, availableParallelism()));
}

/** What a worker is asked: one file, checked with these options (see check-worker.ts). */
export interface WorkerRequest<O> {
  index: number;
  file: string;
  options: O;
}

/**
 * Node can run TypeScript in a worker without a loader from 22.18 / 23.6 (type stripping),
 * unless it was turned off (--no-experimental-strip-types): then a worker could not even start.
 */
function stripsTypes(): boolean {
  return Boolean(process.features.typescript);
}

export async function checkInWorkers<O>(
  files: { file: string; size: number }[],
  options: O,
  jobs: number,
  checkHere: (file: string) => Promise<FileCheck>,
  onResult: (index: number, result: FileCheck) => void,
): Promise<void> {
  if (jobs <= 1 || !stripsTypes()) {
    for (const [i, f] of files.entries()) onResult(i, await checkHere(f.file));
    return;
  }
  const queue = files.map((f, index) => ({ ...f, index })).sort((a, b) => b.size - a.size || a.index - b.index);
  const crashed = (file: string, message: string): FileCheck => ({
    file,
    id: null,
    errors: [{ file, line: 1, column: 1, path: '(file)', message: `internal error while checking this file: ${message}` }],
    warnings: [],
    report: null,
    ms: 0,
  });
  const runWorker = (): Promise<void> =>
    new Promise((resolve) => {
      if (queue.length === 0) return resolve();
      const worker = new Worker(new URL('./check-worker.ts', import.meta.url));
      let current: (typeof queue)[number] | undefined;
      let finished = 0;
      let failed = false;
      const give = (): void => {
        current = queue.shift();
        worker.postMessage(current ? ({ index: current.index, file: current.file, options } satisfies WorkerRequest<O>) : null);
      };
      worker.on('message', (message: { index: number; result: FileCheck }) => {
        finished++;
        current = undefined;
        onResult(message.index, message.result);
        give();
      });
      worker.on('error', (error) => {
        // A worker that dies takes only its current file with it; the file is reported, the rest go on.
        // One that dies before finishing anything cannot start at all: the rest run in this thread.
        if (current) onResult(current.index, crashed(current.file, error.message));
        current = undefined;
        failed = true;
        if (finished > 0) {
          resolve(runWorker());
          return;
        }
        void (async () => {
          for (let next = queue.shift(); next; next = queue.shift()) onResult(next.index, await checkHere(next.file));
          resolve();
        })();
      });
      worker.on('exit', () => {
        if (!failed) resolve();
      });
      give();
    });
  await Promise.all(Array.from({ length: Math.min(jobs, files.length) }, runWorker));
}
