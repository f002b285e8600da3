// The phone's seat, kept in localStorage per join code, so a reload, a sleep or a dropped network
// takes the same seat again (the server knows the seat by this device token).

export interface StoredSeat {
  device: string;
  name: string;
  role: string;
}

const key = (code: string) => `war-room.join.${code}`;

export function loadSeat(code: string): StoredSeat | null {
  try {
    const raw = localStorage.getItem(key(code));
    if (!raw) return null;
    const data = JSON.parse(raw) as Partial<StoredSeat>;
    return typeof data.device === 'string' && typeof data.name === 'string' && typeof data.role === 'string'
      ? { device: data.device, name: data.name, role: data.role }
      : null;
  } catch {
    return null;
  }
}

export function saveSeat(code: string, seat: StoredSeat): void {
  try {
    localStorage.setItem(key(code), JSON.stringify(seat));
  } catch {
    // Private browsing with storage off: the seat lasts as long as the page.
  }
}

export function forgetSeat(code: string): void {
  try {
    localStorage.removeItem(key(code));
  } catch {
    // Nothing stored.
  }
}
