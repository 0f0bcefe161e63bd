import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.resolve(import.meta.dirname, 'renderer');

/**
 * The renderer bundle, identical for Electron (loaded from file://) and web mode (served over http):
 * hence relative asset URLs. In `vite dev` the bridge WebSocket is proxied to a running web-mode host.
 */
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // One bundle read from disk (Electron) or localhost (web mode): size matters less than one request.
    // Most of it is libphonenumber metadata and zod, both needed at first paint.
    chunkSizeWarningLimit: 1024,
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/bridge': { target: 'ws://127.0.0.1:5170', ws: true },
    },
  },
});
