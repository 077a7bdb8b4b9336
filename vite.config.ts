import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is built to dist/renderer with relative asset paths, so the same files load from
// file:// in the desktop window and from the loopback server in browser mode.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    // The UI loads from disk (or loopback), never over a network, so one main chunk of ~520 kB is
    // fine; pdf.js, the one large library, is split off and loaded only for a PDF preview.
    chunkSizeWarningLimit: 800,
  },
});
