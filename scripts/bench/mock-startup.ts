/**
 * How long the Prism mock takes to start, measured rather than asserted (timings belong here, not in tests):
 *
 *   npx tsx scripts/bench/mock-startup.ts [--runs 5]
 *
 * - "mock process": startMock() until the mock says it listens (what tests and `npm run mock` wait for);
 * - "npm run mock": the whole command, from spawning npm until its "ready" line;
 * - "prism mock (CLI)": Prism's own CLI on the same spec, until it answers, for comparison.
 * The first run of the mock process fills the operations cache; the median is over the runs that follow.
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { startMock } from '../../mock/prism.js';
import { bin, outputPaths, repoRoot } from '../lib/paths.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function mockProcess(): Promise<number> {
  const started = performance.now();
  const mock = await startMock({ logLevel: 'error' });
  const took = performance.now() - started;
  await mock.stop();
  return took;
}

/** Spawns a command and resolves when `ready(output)` holds, then stops the whole process group. */
function untilReady(command: string, args: string[], ready: (output: string) => Promise<boolean> | boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let done = false;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      const took = performance.now() - started;
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
      if (error) reject(error);
      else resolve(took);
    };
    const check = async () => {
      if (!done && (await ready(output))) finish();
    };
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      void check();
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => finish(new Error(`${command} exited (${code}) before it was ready:\n${output}`)));
    const poll = setInterval(() => void check().then(() => done && clearInterval(poll)), 20);
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return true;
  } catch {
    return false;
  }
}

const results: Record<string, number[]> = { 'mock process': [], 'npm run mock': [], 'prism mock (CLI)': [] };
await mockProcess(); // fills the operations cache
for (let i = 0; i < runs; i++) {
  results['mock process']!.push(await mockProcess());
  results['npm run mock']!.push(await untilReady('npm', ['run', 'mock', '--', '--port', '4599', '--quiet'], (out) => out.includes('ready at')));
  results['prism mock (CLI)']!.push(
    await untilReady(bin('prism'), ['mock', outputPaths().mock, '--port', '4598', '--verboseLevel', 'error'], () => answers('http://127.0.0.1:4598/api/currencies')),
  );
}
for (const [what, times] of Object.entries(results)) {
  console.log(`${what.padEnd(18)} median ${seconds(median(times))}  (runs: ${times.map(seconds).join(', ')})`);
}
