import { createReadStream, readFileSync } from 'node:fs';
import { browserAssets } from '@hemispasm/vision/assets';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const VISION_BASE = '/vision-assets/';

/**
 * The landmark worker's model files and wasm binaries come from npm packages (listed by the vision
 * package); the app serves them from its own origin, so the self-test needs no network. Dev: served
 * from node_modules; build: copied into dist/vision-assets/.
 */
function visionAssets(): Plugin {
  return {
    name: 'hemispasm-vision-assets',
    configureServer(server) {
      const byPath = new Map(browserAssets().map((a) => [`${VISION_BASE}${a.urlPath}`, a]));
      server.middlewares.use((req, res, next) => {
        const asset = byPath.get((req.url ?? '').split('?')[0]!);
        if (!asset) return next();
        res.setHeader('content-type', asset.contentType);
        createReadStream(asset.file).pipe(res);
      });
    },
    generateBundle() {
      for (const a of browserAssets()) {
        this.emitFile({
          type: 'asset',
          fileName: `${VISION_BASE.slice(1)}${a.urlPath}`,
          source: readFileSync(a.file),
        });
      }
    },
  };
}

// Built to dist/ (by `npm ci`, through the root `prepare` step) and served by @hemispasm/server under `/`. In development, `vite` proxies the API to a
// server started separately (HEMISPASM_API, default http://127.0.0.1:3000).
export default defineConfig({
  plugins: [react(), visionAssets()],
  base: '/',
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
    // No "slow plugin" timing report: on a busy 2-core machine it fires on every build and means nothing.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  worker: { format: 'es' },
  server: {
    proxy: { '/api': process.env.HEMISPASM_API ?? 'http://127.0.0.1:3000' },
  },
});
