// Runs inside the page before its own scripts (page.addInitScript): records, in ms since
// navigation start, when the first enabled button appears, when the first war-room frame
// is drawn (the app sets body[data-war-room-frame]), every animation frame after that, and the
// longest main-thread task (Long Tasks API) up to the first war-room frame.
export const MILESTONES_SCRIPT = `
(() => {
  const m = (window.__milestones = { button: null, frame: null, frames: [], longestTask: 0 });
  try {
    new PerformanceObserver((list) => {
      if (m.frame !== null) return;
      for (const e of list.getEntries()) m.longestTask = Math.max(m.longestTask, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const check = () => {
    if (m.button === null && document.querySelector('button:not([disabled])')) m.button = performance.now();
    if (m.frame === null && document.body && document.body.dataset.warRoomFrame === '1') {
      m.frame = performance.now();
      const loop = (t) => { m.frames.push(t); if (m.frames.length < 2000) requestAnimationFrame(loop); };
      requestAnimationFrame(loop);
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener('DOMContentLoaded', check);
})();
`;

export interface Milestones {
  button: number | null;
  frame: number | null;
  frames: number[];
  /** Longest main-thread task before the first war-room frame, ms (0 when none went over 50 ms). */
  longestTask: number;
}
