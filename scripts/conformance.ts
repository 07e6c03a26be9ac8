// `npm run conformance` and `monica-contract conformance`: the conformance command (conformance/cli.ts), which
// tests any server over HTTP, wired to this repository's reference server for runs without --url.
import { conformanceCommand } from '../conformance/cli.js';
import type { ReferenceServer } from '../conformance/runner.js';
import { startServer } from '../server/start.js';

/**
 * The reference server's rate limit: above what one token uses (the Dredd run sends about 650 requests with its
 * token; each workflow or negative check gets a token of its own), so that only the 429 checks meet it, and low
 * enough that using up a budget for them stays quick.
 */
const REFERENCE_RATE_LIMIT = 1000;

/** A fresh reference server (no demo data, trusting X-Forwarded-For for the public 429 checks) and its tokens. */
async function startReferenceServer(): Promise<ReferenceServer> {
  const server = await startServer({ demoData: false, rateLimit: REFERENCE_RATE_LIMIT, trustProxy: true, validateResponses: false, log: () => {} });
  return {
    url: server.url,
    tokens: { main: server.tokens.demo, other: server.tokens.other, burn: server.issueToken('conformance rate-limit checks') },
    // A token is one row: each check gets a budget of its own, so none meets the limit.
    newToken: () => server.issueToken('conformance check'),
    close: () => server.close(),
  };
}

process.exit(await conformanceCommand(process.argv.slice(2), { startReference: startReferenceServer }));
