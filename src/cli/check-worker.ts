import { parentPort } from 'node:worker_threads';
import { checkFile, type CheckCommandOptions } from './check.ts';

// Checks the files the pool hands over, one at a time, and posts each result back.

export interface WorkerRequest {
  index: number;
  file: string;
  options: CheckCommandOptions;
}

parentPort?.on('message', (request: WorkerRequest | null) => {
  if (request === null) {
    parentPort?.close();
    return;
  }
  void checkFile(request.file, request.options).then((result) => parentPort?.postMessage({ index: request.index, result }));
});
