import { defineConfig } from 'vite';

// The browser game. Scenario YAML files are imported as raw text and parsed by the
// same loader the CLI uses, so the browser and Node validate them identically.
export default defineConfig({
  server: { port: 5173, strictPort: false },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
});
