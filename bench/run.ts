import { browserBench } from './browser/index.ts';
import { checkBench } from './check.ts';
import { engineBench } from './engine.ts';
import { roomsBench } from './rooms/index.ts';

// `npm run bench`: prints numbers (it is not a test). Each section lives in its own file;
// add a section by adding a line here. `npm run bench -- engine` runs only that section.

const SECTIONS: { name: string; run: (flags: string[]) => Promise<void> }[] = [
  { name: 'engine', run: engineBench },
  { name: 'check', run: checkBench },
  { name: 'browser', run: browserBench },
  { name: 'rooms', run: roomsBench },
];

// Flags (--json) go to the sections; `--json` prints one JSON object, so it runs a section alone.
const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const unknown = wanted.filter((w) => !SECTIONS.some((s) => s.name === w));
if (unknown.length > 0) {
  console.error(`unknown bench section ${unknown.join(', ')}; sections: ${SECTIONS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
if (flags.includes('--json') && wanted.length !== 1) {
  console.error('--json prints one section: name it, e.g. npm run bench -- rooms --json');
  process.exit(2);
}
const started = performance.now();
for (const section of SECTIONS) {
  if (wanted.length > 0 && !wanted.includes(section.name)) continue;
  await section.run(flags);
  if (flags.includes('--json')) process.exit(0);
  console.log('');
}
console.log(`bench finished in ${((performance.now() - started) / 1000).toFixed(1)} s (node ${process.version})`);
