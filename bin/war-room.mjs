#!/usr/bin/env node
// Runs the TypeScript CLI without a build step, so `npx war-room` works from a fresh clone.
// Node 22.18+/23.6+ runs it itself (type stripping); older Node, and `serve` (the server
// code uses TypeScript that only a compiler can translate), go through tsx.
import module from 'node:module';

// Keeps the stripped code and V8's compiled code between runs (in the OS temp folder):
// start-up then skips most parsing. The variable carries it to the check's worker threads.
const cache = module.enableCompileCache?.();
if (cache?.directory) process.env.NODE_COMPILE_CACHE = cache.directory;

if (!process.features.typescript || process.argv[2] === 'serve') {
  const { register } = await import('tsx/esm/api');
  register();
}
await import('../src/cli/main.ts');
