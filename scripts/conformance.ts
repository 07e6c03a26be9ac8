// `npm run conformance`: starts a fresh reference server, runs Dredd over the whole contract with the
// API-only hooks, and stops the server. Exit status: Dredd's.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startServer } from '../server/start.js';

const root = fileURLToPath(new URL('..', import.meta.url));

async function main(): Promise<number> {
  // A rate limit high enough for the whole run on one token (fixtures included), low enough for the 429 checks
  // to use it up quickly with a second token.
  const rateLimit = 3000;
  // Trusting X-Forwarded-For lets the hooks use up the budget of a made-up address for the public 429 checks,
  // instead of the runner's own address that every other public check needs.
  const server = await startServer({ demoData: false, rateLimit, trustProxy: true, log: () => {} });
  try {
    const burnToken = server.issueToken('conformance rate-limit checks');
    const args = [
      'generated/openapi-3.0.json',
      server.url,
      `--hookfiles=${process.env.DREDD_HOOKS ?? 'scripts/dredd/hooks.cjs'}`,
      '--language=nodejs',
      '--loglevel=warning',
      ...process.argv.slice(2),
    ];
    return await new Promise<number>((resolve) => {
      const child = spawn(fileURLToPath(new URL('../node_modules/.bin/dredd', import.meta.url)), args, {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, MONICA_API_URL: server.url, MONICA_TOKEN: server.tokens.demo, MONICA_BURN_TOKEN: burnToken, MONICA_OTHER_TOKEN: server.tokens.other ?? '' },
      });
      child.on('exit', (code) => resolve(code ?? 1));
    });
  } finally {
    await server.close();
  }
}

main().then((code) => process.exit(code), (err) => {
  process.stderr.write(`conformance: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
