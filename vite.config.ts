import { readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip as gzipCb } from 'node:zlib';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import mantinePreset from 'postcss-preset-mantine';

const brotli = promisify(brotliCompress);
const gzip = promisify(gzipCb);
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map)$/;

/** Writes NAME.br and NAME.gz beside every text file of the build, for the server's preCompressed serving. */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'loa-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = readdirSync(outDir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && COMPRESSIBLE.test(e.name))
        .map((e) => path.join(e.parentPath, e.name));
      // zlib's async calls run on the thread pool: every core compresses.
      await Promise.all(
        files.map(async (file) => {
          const data = await readFile(file);
          if (data.length < 1024) return;
          const [br, gz] = await Promise.all([
            brotli(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
            gzip(data, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
        }),
      );
    },
  };
}

// Admin web app (src/web), served by the API server under /admin/.
export default defineConfig({
  root: 'src/web',
  base: '/admin/',
  plugins: [react(), precompress()],
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
    // Compressing every file with brotli 11 takes seconds by design: no timing warning for it.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
