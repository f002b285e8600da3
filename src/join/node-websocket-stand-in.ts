// The Colyseus SDK (used by the phone page and the console's room link) imports the `ws` package,
// Node's WebSocket, and uses it only where the platform has no WebSocket of its own: never in a
// browser. The browser build resolves `ws` to this module (vite.config.ts) instead of the package's
// own browser stub, which is CommonJS: with it, the phone page loaded the bundler's CommonJS
// helpers as a file of their own, bytes and a request for a function nobody calls.
export default function NodeWebSocket(): never {
  throw new Error('War Room: a WebSocket is needed (this browser has none)');
}
