import { browserBench } from './browser/index.ts';
import { checkBench } from './check.ts';
import { engineBench } from './engine.ts';
import { lighthouseBench } from './lighthouse.ts';
import { durableBench } from './rooms/durable.ts';
import { roomsBench } from './rooms/index.ts';
import { scaleBench } from './rooms/scale.ts';

// `npm run bench`: prints numbers (it is not a test). Each section lives in its own file;
// add a section by adding a line here. `npm run bench -- engine` runs only that section.

// `--json` makes a section that supports it print one JSON object on stdout (the rest on stderr);
// since stdout then carries one object, it runs one section alone.
const args = process.argv.slice(2);
const json = args.includes('--json');

const SECTIONS: { name: string; run: () => Promise<void> }[] = [
  { name: 'engine', run: engineBench },
  { name: 'check', run: checkBench },
  { name: 'browser', run: () => browserBench({ json }) },
  { name: 'lighthouse', run: () => lighthouseBench({ json }) },
  // The durable and scale-out figures follow the room figures; with --json they are their own sections.
  { name: 'rooms', run: () => roomsBench({ json }).then(() => (json ? undefined : durableBench().then(() => scaleBench()))) },
  { name: 'rooms-durable', run: () => durableBench({ json }) },
  { name: 'rooms-scale', run: () => scaleBench({ json }) },
];

const wanted = args.filter((a) => !a.startsWith('--'));
const unknown = wanted.filter((w) => !SECTIONS.some((s) => s.name === w));
if (unknown.length > 0) {
  console.error(`unknown bench section ${unknown.join(', ')}; sections: ${SECTIONS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
if (json && wanted.length !== 1) {
  console.error('--json prints one section: name it, e.g. npm run bench -- rooms --json');
  process.exit(2);
}
const started = performance.now();
for (const section of SECTIONS) {
  if (wanted.length > 0 && !wanted.includes(section.name)) continue;
  await section.run();
  if (json) process.exit(0);
  console.log('');
}
(json ? console.error : console.log)(`bench finished in ${((performance.now() - started) / 1000).toFixed(1)} s (node ${process.version})`);
