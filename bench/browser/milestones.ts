// Runs inside the page before its own scripts (page.addInitScript): records, in ms since
// navigation start, when the first enabled button appears, when the first war-room frame
// is drawn (the app sets body[data-war-room-frame]), and every animation frame after that.
export const MILESTONES_SCRIPT = `
(() => {
  const m = (window.__milestones = { button: null, frame: null, frames: [] });
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
}
