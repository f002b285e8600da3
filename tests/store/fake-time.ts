// The store's tests drive time by hand with the same clock the browser game's test mode uses.
export { manualTime as fakeTime } from '../../src/store/manual-time.ts';
