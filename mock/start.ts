/**
 * `npm run mock` (and `monica-contract mock`): the Prism mock, printing its base URL once it listens and then one
 * line per request. Options and environment variables: see MOCK_HELP in ./config.ts (`--help`).
 * SIGINT/SIGTERM stop the mock process too.
 */
import { MOCK_HELP, readMockConfig, type MockConfig } from './config.js';
import { startMock } from './prism.js';

async function main(): Promise<void> {
  let config: MockConfig;
  try {
    config = readMockConfig(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${MOCK_HELP}`);
    process.exit(2);
  }
  if (config.help) {
    process.stdout.write(MOCK_HELP);
    return;
  }

  const startedAt = performance.now();
  const mock = await startMock({
    port: config.port,
    host: config.host,
    dynamic: config.dynamic,
    seed: config.seed,
    logLevel: config.quiet ? 'error' : 'info',
    onOutput: (text) => process.stdout.write(text),
  });
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  const mode = config.dynamic ? `generated data, seed ${config.seed}` : 'documented examples';
  process.stdout.write(
    [
      `Monica API mock (Prism, ${mode}) ready at ${mock.url} in ${seconds} s`,
      `Try: curl -H "Authorization: Bearer any-token" ${mock.url}/contacts`,
      'Forgets every write: for state, use `npm start`. Ctrl-C stops.',
      '',
    ].join('\n'),
  );

  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void mock.stop().then(() => process.exit(0));
    });
  }
  const code = await mock.exited;
  if (!stopping) {
    process.stderr.write(`The mock exited (${code})\n`);
    process.exit(typeof code === 'number' ? code || 1 : 1);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Could not start the mock: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
