import { parseScenario } from '../scenarios/load.ts';

// Checks a scenario file off the page's thread, with the same loader the build and the CLI use.
// Built as its own bundle (YAML parser and schema included), fetched only when a file is opened,
// so the console's first load does not carry them and a hostile file cannot freeze the console.

self.onmessage = (event: MessageEvent<{ name: string; bytes: Uint8Array }>) => {
  const { name, bytes } = event.data;
  self.postMessage(parseScenario(bytes, name));
};
