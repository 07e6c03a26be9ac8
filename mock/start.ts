/**
 * `npm run mock`: Prism on generated/openapi-mock.json, quiet, printing the base URL once it listens.
 *
 *   npm run mock -- [--port 4010] [--host 127.0.0.1] [--dynamic] [--seed 1]
 *
 * Environment: MOCK_PORT (default 4010), MOCK_HOST (default 127.0.0.1). SIGINT/SIGTERM stop Prism too.
 */
import { parseArgs } from 'node:util';
import { startMock } from './prism.js';

function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`invalid port: ${value}`);
  return port;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string', short: 'h' },
      dynamic: { type: 'boolean', short: 'd', default: false },
      seed: { type: 'string' },
    },
    strict: true,
  });
  const port = parsePort(values.port ?? process.env['MOCK_PORT'], 4010);
  const host = values.host ?? process.env['MOCK_HOST'] ?? '127.0.0.1';
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`invalid seed: ${values.seed}`);

  // Prism's own lines (errors only, at this log level) go to stderr, less its start-up notice.
  const onOutput = (text: string) => {
    const lines = text.split('\n').filter((line) => line.trim() !== '' && !line.includes('Starting Prism'));
    if (lines.length > 0) process.stderr.write(`${lines.join('\n')}\n`);
  };
  const mock = await startMock({ port, host, dynamic: values.dynamic, seed, onOutput });
  console.log(`Monica API mock (Prism${values.dynamic ? `, dynamic, seed ${seed}` : ''}) ready at ${mock.url}`);

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
    console.error(`Prism exited (${code})`);
    process.exit(typeof code === 'number' ? code || 1 : 1);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
