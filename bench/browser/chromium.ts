import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../tests/e2e/harness.ts';

/** Debian's chromium with the end-to-end tests' flags, plus precise memory figures for the heap measurement. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
  });
}
