import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The console is served by the Kopilka server under /console; the build lands in web/console/dist. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 600 },
  logLevel: 'warn',
});
