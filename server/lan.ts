import { networkInterfaces } from 'node:os';

/** The machine's IPv4 addresses on the local network, which phones on the venue Wi-Fi can reach. */
export function lanAddresses(): string[] {
  const found: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) found.push(a.address);
  }
  return found;
}
