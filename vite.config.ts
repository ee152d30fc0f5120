import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import mantinePreset from 'postcss-preset-mantine';

// Admin web app (src/web), served by the API server under /admin/.
export default defineConfig({
  root: 'src/web',
  base: '/admin/',
  plugins: [react()],
  css: {
    postcss: { plugins: [mantinePreset()] },
  },
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    // Keep the first-load chunk small for slow connections.
    chunkSizeWarningLimit: 400,
    reportCompressedSize: true,
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
