import { parentPort } from 'node:worker_threads';
import type { WorkerRequest } from './check-pool.ts';
import { checkFile } from './check-file.ts';
import type { CheckCommandOptions } from './check-types.ts';

// Checks the files the pool hands over, one at a time, and posts each result back.

parentPort?.on('message', (request: WorkerRequest<CheckCommandOptions> | null) => {
  if (request === null) {
    parentPort?.close();
    return;
  }
  void checkFile(request.file, request.options).then((result) => parentPort?.postMessage({ index: request.index, result }));
});
