// The example's Vite config: `vite` in this folder (or `npm run example` from the repository) serves it, and
// `vite build --mode mock` builds it with MSW's service worker answering instead of a server.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { packageAliases } from './aliases.js';

/** In mock mode, serves (and, in a build, emits) MSW's worker script at /mockServiceWorker.js. */
function mswWorker(): Plugin {
  const script = () => readFileSync(createRequire(import.meta.url).resolve('msw/mockServiceWorker.js'), 'utf8');
  return {
    name: 'msw-worker',
    apply: (_config, { mode }) => mode === 'mock',
    configureServer(server) {
      server.middlewares.use('/mockServiceWorker.js', (_req, res) => {
        res.setHeader('content-type', 'text/javascript');
        res.end(script());
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'mockServiceWorker.js', source: script() });
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  cacheDir: fileURLToPath(new URL('./node_modules/.vite', import.meta.url)),
  resolve: { alias: packageAliases() },
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [mswWorker()],
  build: {
    rolldownOptions: {
      // TanStack Query marks its modules "use client" (for React Server Components), which means nothing here.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
