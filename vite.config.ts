import { defineConfig } from 'vite';
import { scenariosPlugin } from './src/scenarios/vite-plugin.ts';

// The browser game. Scenario files are validated at build time and bundled as JSON
// (see src/scenarios/vite-plugin.ts).
export default defineConfig({
  plugins: [scenariosPlugin()],
  server: { port: 5173, strictPort: false },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
});
