/**
 * `npm run bench`: throughput and latency of four requests against a bare node:http server, a bare Express
 * app, the reference server (at two scales) and the Prism mock, the reference server's peak memory, the
 * project's tool times and a CPU profile of the reference server; printed, and written to BENCHMARKS.md.
 * It measures and reports; it never fails because a target is missed. See `--help`.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../lib/paths.js';
import { startMock } from '../../mock/prism.js';
import type { Fixture } from './fixtures.js';
import { measure, type LoadSettings, type Measurement, type Request } from './load.js';
import { startProcess, type ServerProcess } from './processes.js';
import { formatSummary, summariseProfile, type ProfileSummary } from './profile-summary.js';
import { renderReport, renderConsole, type BenchResults, type EndpointKey, type SubjectResult } from './report.js';
import { SEARCH_TERM, seedDatabase } from './seed.js';
import { timeNpmScript, type ToolTime } from './tools.js';

const HELP = `Usage: npm run bench -- [options]

Measures, each server in its own process and autocannon in another:
  GET /api/contacts/{id}, GET /api/contacts?limit=100, GET /api/contacts?query=${SEARCH_TERM}, POST /api/notes
against a bare node:http server and a bare Express app (both replaying the reference server's bytes), the
reference server (request and response validation on, SQLite on disk) with the small and the large number of
contacts, and the Prism mock (static examples). Then the tool times (bundle, generate, docs, conformance, test)
and a CPU profile of the reference server. Prints the figures and writes the report.

  --quick               1 run of 2 s per figure after a 1 s warm-up (default: 3 runs of 5 s after 2 s)
  --runs <n>            measured runs per figure (median kept)
  --duration <s>        seconds per run
  --connections <n>     concurrent connections (default 10)
  --small <n>           contacts for the small scale (default 1000)
  --large <n>           contacts for the large scale (default 100000)
  --no-tools            skip the tool times (npm test alone takes minutes)
  --no-profile          skip the CPU profile pass
  --report <file>       where to write the report (default BENCHMARKS.md); --no-report writes nothing
  --save <file>         also save the raw figures as JSON
  --render <file>       measure nothing: write the report again from figures saved with --save
  --help                show this help
`;

interface Options {
  load: LoadSettings;
  small: number;
  large: number;
  tools: boolean;
  profile: boolean;
  report: string | undefined;
  save: string | undefined;
  render: string | undefined;
  quick: boolean;
}

function readOptions(argv: string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const int = (name: string, fallback: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
    return Number(raw);
  };
  const quick = argv.includes('--quick');
  return {
    load: {
      connections: int('--connections', 10),
      runs: int('--runs', quick ? 1 : 3),
      duration: int('--duration', quick ? 2 : 5),
      warmup: quick ? 1 : 2,
    },
    small: int('--small', 1000),
    large: int('--large', 100_000),
    tools: !argv.includes('--no-tools'),
    profile: !argv.includes('--no-profile'),
    report: argv.includes('--no-report') ? undefined : path.resolve(repoRoot, value('--report') ?? 'BENCHMARKS.md'),
    save: value('--save') === undefined ? undefined : path.resolve(value('--save')!),
    render: value('--render') === undefined ? undefined : path.resolve(value('--render')!),
    quick,
  };
}

interface Endpoint {
  key: EndpointKey;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

/** The four benchmarked requests, on ids taken from the middle of the seeded contacts. */
function endpointsFor(ids: number[]): Endpoint[] {
  const readId = ids[Math.floor(ids.length / 2)]!;
  const noteId = ids[Math.floor(ids.length / 4)]!;
  return [
    { key: 'get', method: 'GET', path: `/api/contacts/${readId}` },
    { key: 'list', method: 'GET', path: '/api/contacts?limit=100' },
    { key: 'search', method: 'GET', path: `/api/contacts?query=${SEARCH_TERM}` },
    {
      key: 'post',
      method: 'POST',
      path: '/api/notes',
      body: JSON.stringify({ body: 'Called about the weekend; she is moving to Porto in May.', contact_id: noteId, is_favorited: false }),
    },
  ];
}

function requestFor(origin: string, endpoint: Endpoint, token: string): Request {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
  if (endpoint.body !== undefined) headers['content-type'] = 'application/json';
  return { method: endpoint.method, url: `${origin}${endpoint.path}`, headers, body: endpoint.body };
}

/** One request, to check the subject answers before loading it (and to record the reference's bytes). */
async function fetchOnce(origin: string, endpoint: Endpoint, token: string): Promise<Fixture> {
  const r = requestFor(origin, endpoint, token);
  const response = await fetch(r.url, { method: r.method, headers: r.headers, body: r.body });
  return {
    method: endpoint.method,
    path: endpoint.path,
    status: response.status,
    contentType: response.headers.get('content-type') ?? 'application/json',
    body: await response.text(),
  };
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

async function measureSubject(
  name: string,
  origin: string,
  token: string,
  endpoints: Endpoint[],
  settings: LoadSettings,
  process?: ServerProcess,
): Promise<SubjectResult> {
  const figures: Partial<Record<EndpointKey, Measurement & { status: number }>> = {};
  for (const endpoint of endpoints) {
    const first = await fetchOnce(origin, endpoint, token);
    const m = await measure(requestFor(origin, endpoint, token), settings);
    figures[endpoint.key] = { ...m, status: first.status };
    log(`  ${name.padEnd(28)} ${endpoint.method} ${endpoint.path.padEnd(34)} ${m.rps.toFixed(0).padStart(6)} req/s  p50 ${m.p50} ms  p99 ${m.p99} ms${m.failures ? `  (${m.failures} failed)` : ''}`);
  }
  return { name, figures, peakRss: process?.peakRss() };
}

const READY_URL = /listening on (?<url>http\S+)/;
const READY_TOKEN = /Demo account token: (?<token>\S+)/;

/** The reference server as `npm start` runs it, on a seeded database file, rate limit out of the way. */
function startReference(databasePath: string, nodeFlags: string[] = []): Promise<ServerProcess> {
  const args = [
    ...nodeFlags,
    '--import',
    'tsx',
    'server/main.ts',
    '--port',
    '0',
    '--database',
    databasePath,
    '--empty',
    '--rate-limit',
    '1000000000',
  ];
  return startProcess(process.execPath, args, [READY_URL, READY_TOKEN], { cwd: repoRoot });
}

function originOf(apiUrl: string): string {
  return new URL(apiUrl).origin;
}

interface Scale {
  count: number;
  databasePath: string;
  ids: number[];
  seedSeconds: number;
}

function seedScale(dir: string, count: number): Scale {
  const databasePath = path.join(dir, `contacts-${count}`, 'monica.sqlite');
  mkdirSync(path.dirname(databasePath), { recursive: true });
  const started = performance.now();
  const { ids } = seedDatabase(databasePath, count);
  const seedSeconds = (performance.now() - started) / 1000;
  log(`Seeded ${count} contacts in ${seedSeconds.toFixed(1)} s`);
  return { count, databasePath, ids, seedSeconds };
}

async function profileReference(scale: Scale, endpoints: Endpoint[], settings: LoadSettings, dir: string) {
  const out: { key: EndpointKey; summary: ProfileSummary }[] = [];
  for (const endpoint of endpoints) {
    const profileDir = path.join(dir, `profile-${endpoint.key}`);
    const server = await startReference(scale.databasePath, ['--cpu-prof', '--cpu-prof-dir', profileDir]);
    try {
      const origin = originOf(server.captured.url!);
      await measure(requestFor(origin, endpoint, server.captured.token!), { ...settings, runs: 1 });
    } finally {
      await server.stop();
    }
    const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) {
      log(`  no profile written for ${endpoint.key}`);
      continue;
    }
    // Leave out the start and the warm-up: the shares then describe the measured requests.
    const skipMs = server.readyMs + settings.warmup * 1000;
    const summary = summariseProfile(JSON.parse(readFileSync(path.join(profileDir, file), 'utf8')), 12, skipMs);
    log(`\nProfile of the reference server (${scale.count} contacts), ${endpoint.method} ${endpoint.path}:\n${formatSummary(summary)}`);
    out.push({ key: endpoint.key, summary });
  }
  return out;
}

function writeResults(results: BenchResults, options: Options): void {
  process.stdout.write(`\n${renderConsole(results)}\n`);
  if (options.report) {
    writeFileSync(options.report, renderReport(results));
    log(`Wrote ${path.relative(process.cwd(), options.report) || options.report}`);
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help')) {
    process.stdout.write(HELP);
    return;
  }
  let options: Options;
  try {
    options = readOptions(argv);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${HELP}`);
    process.exit(2);
  }
  if (options.render) {
    writeResults(JSON.parse(readFileSync(options.render, 'utf8')) as BenchResults, options);
    return;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'monica-bench-'));
  const running: { stop(): Promise<void> }[] = [];
  const stopAll = async () => {
    for (const r of running.splice(0)) await r.stop().catch(() => {});
  };
  process.once('SIGINT', () =>
    void stopAll().then(() => {
      rmSync(dir, { recursive: true, force: true });
      process.exit(130);
    }),
  );
  const loadBefore = os.loadavg()[0]!;
  try {
    const settings = options.load;
    log(`Load: ${settings.connections} connections, ${settings.runs} run(s) of ${settings.duration} s after ${settings.warmup} s of warm-up`);
    const small = seedScale(dir, options.small);
    const large = seedScale(dir, options.large);
    const subjects: SubjectResult[] = [];

    // The reference server first: its answers become the bare servers' fixtures.
    let fixtures: Fixture[] = [];
    for (const scale of [small, large]) {
      const server = await startReference(scale.databasePath);
      running.push(server);
      const origin = originOf(server.captured.url!);
      const endpoints = endpointsFor(scale.ids);
      if (scale === small) {
        fixtures = [];
        for (const e of endpoints) fixtures.push(await fetchOnce(origin, e, server.captured.token!));
      }
      log(`Reference server, ${scale.count} contacts (pid ${server.pid})`);
      const result = await measureSubject(`reference (${scale.count.toLocaleString('en-US')} contacts)`, origin, server.captured.token!, endpoints, settings, server);
      // Latency as one client sees it, without the queue that 10 connections build on 2 cores.
      const single: SubjectResult['single'] = {};
      for (const e of endpoints.filter((x) => x.key === 'list' || x.key === 'search')) {
        const m = await measure(requestFor(origin, e, server.captured.token!), { ...settings, connections: 1 });
        single[e.key] = m;
        log(`  ${'  one connection'.padEnd(28)} ${e.method} ${e.path.padEnd(34)} ${m.rps.toFixed(0).padStart(6)} req/s  p50 ${m.p50} ms  p99 ${m.p99} ms`);
      }
      subjects.push({ ...result, single, peakRss: server.peakRss(), scale: scale.count, kind: 'reference' });
      await server.stop();
      running.splice(running.indexOf(server), 1);
    }

    const fixturesFile = path.join(dir, 'fixtures.json');
    writeFileSync(fixturesFile, JSON.stringify(fixtures));
    const smallEndpoints = endpointsFor(small.ids);
    for (const [kind, script] of [
      ['node-http', 'bare-http.ts'],
      ['express', 'bare-express.ts'],
    ] as const) {
      const server = await startProcess(process.execPath, ['--import', 'tsx', path.join('scripts', 'bench', script), fixturesFile], [READY_URL], {
        cwd: repoRoot,
      });
      running.push(server);
      log(`${kind === 'express' ? 'Bare Express' : 'Bare node:http'} (pid ${server.pid})`);
      const result = await measureSubject(kind === 'express' ? 'bare Express' : 'bare node:http', server.captured.url!, 'bench', smallEndpoints, settings, server);
      subjects.push({ ...result, kind });
      await server.stop();
      running.splice(running.indexOf(server), 1);
    }

    const mock = await startMock({ logLevel: 'error' });
    running.push(mock);
    log(`Prism mock (static examples)`);
    const prism = await measureSubject('Prism (static)', originOf(mock.url), 'bench', smallEndpoints, settings);
    subjects.push({ ...prism, kind: 'prism' });
    await mock.stop();
    running.splice(running.indexOf(mock), 1);

    const profiles = options.profile ? await profileReference(large, endpointsFor(large.ids), settings, dir) : [];

    const tools: ToolTime[] = [];
    if (options.tools) {
      for (const script of ['bundle', 'generate', 'docs', 'conformance', 'test']) {
        log(`Timing npm run ${script} ...`);
        const t = await timeNpmScript(script);
        log(`  ${t.seconds.toFixed(1)} s${t.exitCode ? ` (exit code ${t.exitCode})` : ''}`);
        tools.push(t);
      }
    }

    const results: BenchResults = {
      date: new Date().toISOString().slice(0, 10),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        memoryGb: os.totalmem() / 1024 ** 3,
        node: process.version,
        platform: `${os.type()} ${os.release()}`,
        loadAverage: { before: loadBefore, after: os.loadavg()[0]! },
      },
      settings,
      quick: options.quick,
      scales: { small: small.count, large: large.count },
      seedSeconds: { small: small.seedSeconds, large: large.seedSeconds },
      searchTerm: SEARCH_TERM,
      subjects,
      tools,
      profiles,
    };
    if (options.save) writeFileSync(options.save, `${JSON.stringify(results, null, 2)}\n`);
    writeResults(results, options);
  } finally {
    await stopAll();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exitCode = 1;
});
