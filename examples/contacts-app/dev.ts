// `npm run example`: the reference server (in memory, with its demo data) and the example app's Vite dev server,
// the app pointed at the server; with VITE_MONICA_API and VITE_MONICA_TOKEN set, the app alone, pointed at that
// server. `npm run example -- --mock`: the app alone, MSW's service worker answering every call with the
// contract's documented examples. Ctrl-C stops both.
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { startServer, type RunningServer } from '../../server/start.js';

const mock = process.argv.includes('--mock');
let api: RunningServer | undefined;
if (!mock && !(process.env['VITE_MONICA_API'] && process.env['VITE_MONICA_TOKEN'])) {
  api = await startServer({ port: 0, databasePath: ':memory:', demoData: true, log: () => {} });
  // Vite hands VITE_* variables of its environment to the app as import.meta.env.
  process.env['VITE_MONICA_API'] = api.url;
  process.env['VITE_MONICA_TOKEN'] = api.tokens.demo;
  console.log(`Reference server: ${api.url} (demo account token ${api.tokens.demo})`);
}
const vite = await createServer({
  configFile: fileURLToPath(new URL('vite.config.ts', import.meta.url)),
  mode: mock ? 'mock' : 'development',
  server: { host: '127.0.0.1', port: 5173 },
});
await vite.listen();
console.log(mock ? 'The contacts app, MSW answering:' : 'The contacts app:');
vite.printUrls();

const stop = async () => {
  await Promise.all([vite.close(), api?.close()]);
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
