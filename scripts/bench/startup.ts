/**
 * Start-up times: each command spawned as a user types it (through npm or npx), timed from the spawn until it
 * printed that it listens and until it answered its first API request with 200. The request is sent as soon
 * as the ready line appears (and again every 10 ms while it fails).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../lib/paths.js';

export interface StartupRun {
  /** Milliseconds from the spawn until the ready line appeared. */
  listeningMs: number;
  /** Milliseconds from the spawn until the first request was answered with 200. */
  answeredMs: number;
}

export interface StartupResult {
  name: string;
  /** The command as a user types it. */
  command: string;
  /** The request whose first 200 ends the timing. */
  request: string;
  runs: StartupRun[];
  /** Runs left out because `npm start` rebuilt its bundle during them (another checkout shares the cache). */
  rebuilt?: number;
}

interface Launch {
  command: string;
  args: string[];
  /** The line that says the server listens; its groups feed `url` and `headers`. */
  ready: RegExp[];
  url(captured: Record<string, string>): string;
  headers?(captured: Record<string, string>): Record<string, string>;
  timeoutMs?: number;
}

/** Spawns the command in a process group of its own, times it, then stops the whole group. */
export function timeOneStart(launch: Launch): Promise<StartupRun> {
  const started = performance.now();
  const child = spawn(launch.command, launch.args, { cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const stopGroup = async () => {
    signalGroup(child.pid!, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(child.pid!, 'SIGKILL'), 10_000);
    await exit;
    // npm may exit before the server it ran has closed its database: wait for the whole group.
    for (let i = 0; i < 500 && groupAlive(child.pid!); i++) await sleep(20);
    clearTimeout(timer);
  };
  return new Promise<StartupRun>((resolve, reject) => {
    let listeningMs: number | undefined;
    let settled = false;
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      void stopGroup().then(() => reject(new Error(`${launch.command} ${launch.args.join(' ')}: ${message}\n${output.slice(-3000)}`)));
    };
    const timer = setTimeout(() => fail('no answer in time'), launch.timeoutMs ?? 60_000);
    const ask = async (captured: Record<string, string>) => {
      const url = launch.url(captured);
      const headers = launch.headers?.(captured) ?? {};
      while (!settled && !exited) {
        try {
          const response = await fetch(url, { headers });
          await response.arrayBuffer();
          if (response.status === 200) {
            const answeredMs = performance.now() - started;
            settled = true;
            clearTimeout(timer);
            await stopGroup();
            resolve({ listeningMs: listeningMs!, answeredMs });
            return;
          }
        } catch {
          // not listening yet
        }
        await sleep(10);
      }
    };
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (listeningMs !== undefined) return;
      const matches = launch.ready.map((p) => p.exec(output));
      if (matches.some((m) => m === null)) return;
      listeningMs = performance.now() - started;
      void ask(Object.assign({}, ...matches.map((m) => m!.groups ?? {})) as Record<string, string>);
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!settled) fail(`exited (${code}) before it answered`);
    });
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A port free right now (json-server's CLI prints the port it was given, so it cannot take 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// npm start ---------------------------------------------------------------------------------------------------

/** Changed whenever scripts/start-server.mjs rebuilds the bundle. */
const BUNDLE_STAMP = path.join(repoRoot, 'node_modules', '.cache', 'monica-server', 'inputs.json');

function stampTime(): number | undefined {
  try {
    return statSync(BUNDLE_STAMP).mtimeMs;
  } catch {
    return undefined;
  }
}

const READY_URL = /listening on (?<url>http\S+)/;
const READY_TOKEN = /Demo account token: (?<token>\S+)/;

function npmStart(databasePath: string): Launch {
  return {
    command: 'npm',
    args: ['start', '--', '--port', '0', '--database', databasePath],
    ready: [READY_URL, READY_TOKEN],
    url: (c) => `${c.url}/contacts`,
    headers: (c) => ({ authorization: `Bearer ${c.token}`, accept: 'application/json' }),
  };
}

/**
 * Runs of `npm start` until `runs` of them did not rebuild the bundle (at most twice as many attempts); a run
 * in which the bundle was rebuilt measures esbuild, not the start.
 */
async function npmStartRuns(runs: number, databaseFor: () => { path: string; done(): void }): Promise<{ runs: StartupRun[]; rebuilt: number }> {
  const kept: StartupRun[] = [];
  let rebuilt = 0;
  for (let attempt = 0; kept.length < runs && attempt < runs * 2; attempt++) {
    const database = databaseFor();
    const before = stampTime();
    try {
      const run = await timeOneStart(npmStart(database.path));
      if (stampTime() !== before) rebuilt++;
      else kept.push(run);
    } finally {
      database.done();
    }
  }
  return { runs: kept, rebuilt };
}

export interface StartupOptions {
  runs: number;
  /** A json-server database file, its routes file and the id of a contact it holds. */
  jsonServer?: { dbFile: string; routesFile: string; contactId: number };
  log(line: string): void;
}

const ms = (r: StartupRun) => `${Math.round(r.listeningMs)} / ${Math.round(r.answeredMs)} ms`;

export async function measureStartups(options: StartupOptions): Promise<StartupResult[]> {
  const { runs, log } = options;
  const results: StartupResult[] = [];
  const command = 'npm start -- --port 0 --database <file>';
  const request = 'GET /api/contacts';

  // An existing database: one run creates it (with the demo data), the next ones start on it.
  const existingDir = mkdtempSync(path.join(os.tmpdir(), 'monica-startup-'));
  try {
    const existing = { path: path.join(existingDir, 'monica.sqlite'), done: () => {} };
    const first = await timeOneStart(npmStart(existing.path));
    log(`  npm start, creating the database (not kept): ${ms(first)}`);
    const r = await npmStartRuns(runs, () => existing);
    log(`  npm start, existing database: ${r.runs.map(ms).join(', ')}${r.rebuilt ? ` (${r.rebuilt} run(s) rebuilt the bundle, left out)` : ''}`);
    results.push({ name: 'npm start, existing database', command, request, ...r });
  } finally {
    rmSync(existingDir, { recursive: true, force: true });
  }

  // A new database each time: the start creates the accounts and the demo data.
  const r = await npmStartRuns(runs, () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'monica-startup-'));
    return { path: path.join(dir, 'monica.sqlite'), done: () => rmSync(dir, { recursive: true, force: true }) };
  });
  log(`  npm start, new database with demo data: ${r.runs.map(ms).join(', ')}${r.rebuilt ? ` (${r.rebuilt} run(s) rebuilt the bundle, left out)` : ''}`);
  results.push({ name: 'npm start, new database with demo data', command, request, ...r });

  // The others for comparison, each after one run thrown away (as the reference's first run is).
  const others: { name: string; command: string; request: string; launch: () => Promise<Launch> }[] = [];
  const js = options.jsonServer;
  if (js) {
    others.push({
      name: 'json-server 0.17.4 (its CLI)',
      command: 'npx json-server --host 127.0.0.1 --port <n> --routes routes.json db.json',
      request: `GET /api/contacts/${js.contactId}`,
      launch: async () => {
        const port = await freePort();
        return {
          command: 'npx',
          args: ['json-server', '--host', '127.0.0.1', '--port', String(port), '--routes', js.routesFile, js.dbFile],
          ready: [/Home\s+(?<url>http\S+)/],
          url: (c) => `${c.url}/api/contacts/${js.contactId}`,
        };
      },
    });
  }
  others.push({
    name: 'Prism (npm run mock)',
    command: 'npm run mock -- --port 0 --quiet',
    request: 'GET /api/contacts',
    launch: async () => ({
      command: 'npm',
      args: ['run', 'mock', '--', '--port', '0', '--quiet'],
      ready: [/ready at (?<url>http\S+)/],
      url: (c) => `${c.url}/contacts`,
      headers: () => ({ authorization: 'Bearer bench', accept: 'application/json' }),
    }),
  });
  for (const other of others) {
    await timeOneStart(await other.launch());
    const kept: StartupRun[] = [];
    for (let i = 0; i < runs; i++) kept.push(await timeOneStart(await other.launch()));
    log(`  ${other.name}: ${kept.map(ms).join(', ')}`);
    results.push({ name: other.name, command: other.command, request: other.request, runs: kept });
  }
  return results;
}
