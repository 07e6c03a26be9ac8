// `npm start`: the reference server on a database file, with demo data, printing the token to use.
import { CONFIG_HELP, readConfig } from './config.js';
import { startServer } from './start.js';

async function main() {
  const argv = process.argv.slice(2);
  if (argv.includes('--help')) {
    process.stdout.write(CONFIG_HELP);
    return;
  }
  let config;
  try {
    config = readConfig(argv, process.env);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${CONFIG_HELP}`);
    process.exit(2);
  }
  const running = await startServer({
    port: config.port,
    host: config.host,
    databasePath: config.databasePath,
    rateLimit: config.rateLimit,
    trustProxy: config.trustProxy,
    demoData: config.demoData,
    validateResponses: config.validateResponses,
    responseCache: config.responseCache,
    publicStatistics: config.publicStatistics,
    limits: config.limits,
    timeouts: config.timeouts,
    corsOrigins: config.corsOrigins,
    controlApi: config.controlApi,
    controlToken: config.controlToken,
  });
  const lines = [
    `Monica reference server listening on ${running.url}`,
    `Database: ${config.databasePath}${running.created ? ' (new)' : ''}`,
    `Demo account token: ${running.tokens.demo}`,
    ...(running.tokens.other ? [`Second account token: ${running.tokens.other}`] : []),
    `Try: curl -H "Authorization: Bearer ${running.tokens.demo}" ${running.url}/contacts`,
    ...(running.controlUrl
      ? [`Control API (accounts for tests): ${running.controlUrl}/accounts${config.controlToken ? ' (with the control token)' : ''}`]
      : []),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  // SIGTERM and SIGINT: no new connections, requests in flight finish (within the shutdown timeout), the
  // database is checkpointed and closed, then the process exits 0.
  const stop = async () => {
    try {
      await running.close();
    } catch (err) {
      process.stderr.write(`Could not stop cleanly: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    }
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  process.stderr.write(`Could not start the server: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
