import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/e2e/harness.ts';

/** The tests' chromium ($CHROMIUM_PATH, else Debian's) with the end-to-end tests' flags, plus precise memory figures for the heap measurement. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
  });
}
