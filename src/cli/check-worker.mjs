// Worker-thread entry for `war-room check --jobs N`: registers tsx (as bin/war-room.mjs does)
// so the TypeScript worker runs without a build step.
import { register } from 'tsx/esm/api';
register();
await import('./check-worker.ts');
