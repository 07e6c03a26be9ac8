// Every curl sample the docs show (generated from the spec by scripts/lib/code-samples.ts) runs against a fresh
// reference server with demo data, with the token filled in, and gets the operation's documented success status.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContract, operations, type OperationMeta } from '../contract/index.js';
import { codeSamples, TOKEN_VARIABLE } from '../scripts/lib/code-samples.js';
import { startServer, type RunningServer } from '../server/start.js';

const run = promisify(execFile);
const contract = loadContract();
const samples = codeSamples(contract.document);
const baseUrl = (contract.document['servers'] as { url: string }[])[0]!.url;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let dir: string;
const started: RunningServer[] = [];

async function demoServer(): Promise<RunningServer> {
  const server = await startServer({ port: 0, databasePath: ':memory:', demoData: true, rateLimit: 1_000_000, log: () => {} });
  started.push(server);
  return server;
}

/** Runs a curl sample against `server` and answers the HTTP status it printed. */
async function runSample(source: string, server: RunningServer): Promise<{ status: number; body: string }> {
  const command = `${source.split(baseUrl).join(server.url)} -s -o response.json -w '%{http_code}'`;
  const { stdout } = await run('sh', ['-c', command], { cwd: dir, env: { PATH: process.env['PATH'], [TOKEN_VARIABLE]: server.tokens.demo } });
  const { readFileSync } = await import('node:fs');
  return { status: Number(stdout), body: readFileSync(path.join(dir, 'response.json'), 'utf8') };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'monica-samples-'));
  writeFileSync(path.join(dir, 'photo.png'), PNG);
  writeFileSync(path.join(dir, 'document.pdf'), '%PDF-1.4\n%%EOF\n');
});
afterAll(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
});

describe('the docs\' code samples', () => {
  const all = Object.values(operations) as OperationMeta[];

  it('exist for every operation, in curl and TypeScript, and name the operation\'s method, path and SDK function', () => {
    for (const op of all) {
      const [shell, ts] = samples.get(op.operationId)!;
      expect(shell!.source, op.operationId).toMatch(new RegExp(`^curl -X ${op.method.toUpperCase()} '${baseUrl}/`));
      expect(ts!.source, op.operationId).toContain(`await ${op.operationId}({ client`);
    }
  });

  // Deletes run last, each on a server of its own, so that no sample removes what another one reads.
  it('run with curl against a fresh reference server and get the documented success status', async () => {
    const shared = await demoServer();
    const failures: string[] = [];
    const check = async (op: OperationMeta, server: RunningServer) => {
      const { status, body } = await runSample(samples.get(op.operationId)![0]!.source, server);
      if (!op.successStatuses.includes(status)) failures.push(`${op.operationId}: ${status} ${body.slice(0, 160)}`);
    };
    for (const op of all.filter((o) => o.method !== 'delete')) await check(op, shared);
    for (const op of all.filter((o) => o.method === 'delete')) await check(op, await demoServer());
    expect(failures).toEqual([]);
  }, 300_000);
});
