// Runs inside the page before its own scripts (page.addInitScript): records, in ms since
// navigation start, when the first enabled button appears, when the first war-room frame is drawn
// (the app sets body[data-war-room-frame]), when the room's pictures are in (body[data-war-room-
// pictures]), every animation frame after the first one, and every main-thread task over 50 ms
// (Long Tasks API) as [start, duration].
//
// Long tasks are reported after they end, in batches: a task that started before a milestone can
// arrive after it (the task that draws the first frame always does). So every task is kept, with
// its start, and LONG_TASKS_UNTIL below picks them by start time after also taking the records
// the observer has not delivered yet.
export const MILESTONES_SCRIPT = `
(() => {
  const m = (window.__milestones = { button: null, frame: null, pictures: null, frames: [], longTasks: [] });
  const keep = (list) => { for (const e of list) m.longTasks.push([e.startTime, e.duration]); };
  try {
    const observer = new PerformanceObserver((list) => keep(list.getEntries()));
    observer.observe({ type: 'longtask', buffered: true });
    window.__flushLongTasks = () => keep(observer.takeRecords());
  } catch {
    window.__flushLongTasks = () => {};
  }
  const check = () => {
    if (m.button === null && document.querySelector('button:not([disabled])')) m.button = performance.now();
    if (m.frame === null && document.body && document.body.dataset.warRoomFrame === '1') {
      m.frame = performance.now();
      const loop = (t) => { m.frames.push(t); if (m.frames.length < 2000) requestAnimationFrame(loop); };
      requestAnimationFrame(loop);
    }
    if (m.pictures === null && document.body && document.body.dataset.warRoomPictures === '1') m.pictures = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener('DOMContentLoaded', check);
})();
`;

export interface Milestones {
  button: number | null;
  frame: number | null;
  pictures: number | null;
  frames: number[];
  /** Every main-thread task over 50 ms so far: [start ms since navigation, duration ms]. */
  longTasks: [number, number][];
}

/** The longest task (ms; 0 when none went over 50 ms) that started before `until` ms, the tasks that end at it included. */
export function longestTaskUntil(m: Milestones, until: number): number {
  return m.longTasks.filter(([start]) => start <= until).reduce((longest, [, duration]) => Math.max(longest, duration), 0);
}

/** Page-side: takes the long tasks the observer holds but has not delivered yet. Run it after the last task of interest has ended. */
export const FLUSH_LONG_TASKS = `window.__flushLongTasks && window.__flushLongTasks()`;
