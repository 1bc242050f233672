import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const lib = (name: string) => fileURLToPath(new URL(`../../libs/${name}/src/index.ts`, import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    // The libraries' sources, not their Node builds: one copy of the rules for server and browser.
    alias: {
      '@dondoc/workflow': lib('workflow'),
      '@dondoc/contracts': lib('contracts'),
      '@dondoc/api-client': lib('api-client'),
    },
  },
  server: {
    port: 5173,
    // Dev mode: the API runs on :3000 (`npm start`), the board with hot reload on :5173.
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
});
