// The war room's fonts (self-hosted, see main.ts and facilitator/main.ts), loaded before the room
// is drawn: canvas text is measured once when drawn, and the room's layout plans its names' room
// for these letters. Gives up after 3 s so a blocked font never blocks the room.

export function roomFontsReady(): Promise<void> {
  if (!('fonts' in document)) return Promise.resolve();
  const loads = Promise.all([
    document.fonts.load('bold 12px "Inter Variable"'),
    document.fonts.load('12px "Inter Variable"'),
    document.fonts.load('bold 12px "JetBrains Mono Variable"'),
  ]).then(() => undefined);
  return Promise.race([loads.catch(() => undefined), new Promise<void>((r) => setTimeout(r, 3000))]);
}
