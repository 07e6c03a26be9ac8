/**
 * `npm run bench`: throughput and latency of five requests against a bare node:http server, a bare Express
 * app, the reference server (at two scales, and without response validation), json-server and the Prism mock;
 * each process's peak memory, the start-up times, the project's tool times and a CPU profile of the reference
 * server; printed, and written to BENCHMARKS.md. It measures and reports; it never fails because a target is
 * missed. See `--help`.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../lib/paths.js';
import { startMock } from '../../mock/prism.js';
import type { Fixture } from './fixtures.js';
import { measure, type LoadSettings, type Request } from './load.js';
import { JSON_SERVER_ROUTES, jsonServerData } from './json-server.js';
import { bundleIsOurs, bundleScripts, copyBundleMap, startProcess, type ServerProcess } from './processes.js';
import { formatSummary, summariseProfile, type ProfileSummary } from './profile-summary.js';
import { renderReport, renderConsole, type BenchResults, type EndpointKey, type SubjectResult } from './report.js';
import { SEARCH_TERM, seedDatabase } from './seed.js';
import { measureStartups, type StartupResult } from './startup.js';
import { timeNpmScript, type ToolTime } from './tools.js';

const HELP = `Usage: npm run bench -- [options]

Measures, each server in its own process and autocannon in another:
  GET /api/contacts/{id} of the richest demo contact and of a bare seeded one, GET /api/contacts?limit=100,
  GET /api/contacts?query=${SEARCH_TERM}, POST /api/notes
against the reference server as \`npm start\` runs it (request and response validation on, SQLite on disk, the
demo data plus the small or the large number of contacts), the same without response validation (small) and
without the response cache (both scales: every answer made anew), a
bare node:http server and a bare Express app (both replaying the reference server's bytes), json-server 0.17.4
(serving the same objects) and the Prism mock (static examples). Then the start-up times of \`npm start\`,
json-server and the mock, the tool times (bundle, generate, docs, conformance, test) and a CPU profile of the
reference server. Prints the figures and writes the report.

  --quick               1 run of 2 s per figure after a 1 s warm-up (default: 3 runs of 5 s after 2 s)
  --runs <n>            measured runs per figure (median kept)
  --duration <s>        seconds per run
  --connections <n>     concurrent connections (default 10)
  --small <n>           contacts for the small scale (default 1000)
  --large <n>           contacts for the large scale (default 100000)
  --startup-runs <n>    timed starts per case, median kept (default 5; 3 with --quick)
  --no-startup          skip the start-up times
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
  startupRuns: number;
  startup: boolean;
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
    startupRuns: int('--startup-runs', quick ? 3 : 5),
    startup: !argv.includes('--no-startup'),
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

/**
 * The five benchmarked requests: the richest demo contact, a bare seeded contact from the middle of the table,
 * a page of 100, the search, and a note on another seeded contact.
 */
function endpointsFor(ids: number[], richId: number): Endpoint[] {
  const readId = ids[Math.floor(ids.length / 2)]!;
  const noteId = ids[Math.floor(ids.length / 4)]!;
  return [
    { key: 'get-rich', method: 'GET', path: `/api/contacts/${richId}` },
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
  const figures: SubjectResult['figures'] = {};
  for (const endpoint of endpoints) {
    const first = await fetchOnce(origin, endpoint, token);
    const m = await measure(requestFor(origin, endpoint, token), settings);
    figures[endpoint.key] = { ...m, status: first.status, bytes: Buffer.byteLength(first.body) };
    log(`  ${name.padEnd(40)} ${endpoint.method} ${endpoint.path.padEnd(34)} ${m.rps.toFixed(0).padStart(6)} req/s  p50 ${m.p50} ms  p99 ${m.p99} ms${m.failures ? `  (${m.failures} failed)` : ''}`);
  }
  return { name, figures, peakRss: process?.peakRss() };
}

const READY_URL = /listening on (?<url>http\S+)/;
const READY_TOKEN = /Demo account token: (?<token>\S+)/;

/** The reference server as `npm start` runs it (the launcher, then its bundle), rate limit out of the way. */
async function startReference(
  databasePath: string,
  options: { nodeFlags?: string[]; responseValidation?: boolean; responseCache?: boolean } = {},
): Promise<ServerProcess> {
  const args = [
    ...(options.nodeFlags ?? []),
    path.join('scripts', 'start-server.mjs'),
    '--port',
    '0',
    '--database',
    databasePath,
    '--rate-limit',
    '1000000000',
    ...(options.responseValidation === false ? ['--no-response-validation'] : []),
    ...(options.responseCache === false ? ['--no-response-cache'] : []),
  ];
  const server = await startProcess(process.execPath, args, [READY_URL, READY_TOKEN], { cwd: repoRoot });
  if (!bundleIsOurs()) log('  warning: the server bundle is now another checkout\'s (node_modules is shared); this server may run its code');
  return server;
}

function originOf(apiUrl: string): string {
  return new URL(apiUrl).origin;
}

interface Scale {
  count: number;
  databasePath: string;
  ids: number[];
  demoIds: number[];
  seedSeconds: number;
}

function seedScale(dir: string, count: number): Scale {
  const databasePath = path.join(dir, `contacts-${count}`, 'monica.sqlite');
  mkdirSync(path.dirname(databasePath), { recursive: true });
  const started = performance.now();
  const { ids, demoIds } = seedDatabase(databasePath, count);
  const seedSeconds = (performance.now() - started) / 1000;
  log(`Seeded the demo data (${demoIds.length} contacts) and ${count} contacts in ${seedSeconds.toFixed(1)} s`);
  return { count, databasePath, ids, demoIds, seedSeconds };
}

/** The demo contact with the longest answer to GET /api/contacts/{id}, found on the running reference server. */
async function richestDemoContact(origin: string, token: string, demoIds: number[]): Promise<BenchResults['richContact'] & {}> {
  let best: { id: number; name: string; bytes: number } | undefined;
  for (const id of demoIds) {
    const response = await fetch(`${origin}/api/contacts/${id}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    const body = await response.text();
    if (response.status !== 200) continue;
    const bytes = Buffer.byteLength(body);
    if (!best || bytes > best.bytes) {
      const contact = (JSON.parse(body) as { data: { complete_name?: string } }).data;
      best = { id, name: contact.complete_name ?? `#${id}`, bytes };
    }
  }
  if (!best) throw new Error(`none of the ${demoIds.length} demo contacts answered 200`);
  return best;
}

async function profileReference(scale: Scale, endpoints: Endpoint[], settings: LoadSettings, dir: string) {
  const out: { key: EndpointKey; summary: ProfileSummary }[] = [];
  for (const endpoint of endpoints) {
    const profileDir = path.join(dir, `profile-${endpoint.key}`);
    // The launcher imports the bundle in the same process, so the profile covers the server.
    const server = await startReference(scale.databasePath, { nodeFlags: ['--cpu-prof', '--cpu-prof-dir', profileDir] });
    // The map of the bundle this server loaded, before anything builds it again.
    const bundleMap = path.join(dir, `profile-${endpoint.key}.map`);
    if (!copyBundleMap(bundleMap)) log('  warning: the bundle was built by another checkout; its frames stay unmapped');
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
    const summary = summariseProfile(JSON.parse(readFileSync(path.join(profileDir, file), 'utf8')), 12, skipMs, bundleMap);
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
  const cleanups: (() => void)[] = [() => rmSync(dir, { recursive: true, force: true })];
  const stopAll = async () => {
    for (const r of running.splice(0)) await r.stop().catch(() => {});
  };
  process.once('SIGINT', () =>
    void stopAll().then(() => {
      for (const c of cleanups) c();
      process.exit(130);
    }),
  );
  // The load average now and then over the run, not only at its ends.
  const loadSamples = [os.loadavg()[0]!];
  const sampler = setInterval(() => loadSamples.push(os.loadavg()[0]!), 5_000);
  sampler.unref();
  try {
    const settings = options.load;
    log(`Load: ${settings.connections} connections, ${settings.runs} run(s) of ${settings.duration} s after ${settings.warmup} s of warm-up`);
    const small = seedScale(dir, options.small);
    const large = seedScale(dir, options.large);
    // A copy of the small database for the run without response validation: the first run's POSTs add notes.
    const smallCopy = path.join(dir, `contacts-${small.count}-copy`, 'monica.sqlite');
    cpSync(path.dirname(small.databasePath), path.dirname(smallCopy), { recursive: true });
    const scripts = await bundleScripts(['bare-http', 'bare-express', 'json-server']);
    cleanups.push(scripts.remove);
    const subjects: SubjectResult[] = [];

    // The reference server first: its answers become the other subjects' fixtures and json-server's data.
    let fixtures: Fixture[] = [];
    let rich: BenchResults['richContact'];
    for (const scale of [small, large]) {
      const server = await startReference(scale.databasePath);
      running.push(server);
      const origin = originOf(server.captured.url!);
      if (scale === small) {
        rich = await richestDemoContact(origin, server.captured.token!, small.demoIds);
        log(`Richest demo contact: #${rich.id} ${rich.name}, ${rich.bytes} bytes`);
      }
      const endpoints = endpointsFor(scale.ids, rich!.id);
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
        log(`  ${'  one connection'.padEnd(40)} ${e.method} ${e.path.padEnd(34)} ${m.rps.toFixed(0).padStart(6)} req/s  p50 ${m.p50} ms  p99 ${m.p99} ms`);
      }
      subjects.push({ ...result, single, peakRss: server.peakRss(), scale: scale.count, kind: 'reference' });
      await server.stop();
      running.splice(running.indexOf(server), 1);
    }
    const smallEndpoints = endpointsFor(small.ids, rich!.id);

    // Every answer made anew (--no-response-cache), at both scales: what the store, the presenters and the
    // validators cost, since a repeated request is otherwise a cache hit. Copies, as the POSTs above added notes.
    for (const scale of [small, large]) {
      const copy = path.join(dir, `contacts-${scale.count}-uncached`, 'monica.sqlite');
      cpSync(path.dirname(scale.databasePath), path.dirname(copy), { recursive: true });
      const server = await startReference(copy, { responseCache: false });
      running.push(server);
      const origin = originOf(server.captured.url!);
      const endpoints = endpointsFor(scale.ids, rich!.id);
      log(`Reference server without the response cache, ${scale.count} contacts (pid ${server.pid})`);
      const name = `reference, no response cache (${scale.count.toLocaleString('en-US')})`;
      const result = await measureSubject(name, origin, server.captured.token!, endpoints, settings, server);
      const single: SubjectResult['single'] = {};
      for (const e of endpoints.filter((x) => x.key === 'list' || x.key === 'search')) {
        single[e.key] = await measure(requestFor(origin, e, server.captured.token!), { ...settings, connections: 1 });
      }
      subjects.push({ ...result, single, peakRss: server.peakRss(), scale: scale.count, kind: 'reference-uncached' });
      await server.stop();
      running.splice(running.indexOf(server), 1);
    }

    {
      const server = await startReference(smallCopy, { responseValidation: false });
      running.push(server);
      log(`Reference server without response validation, ${small.count} contacts (pid ${server.pid})`);
      const name = `reference, no response validation (${small.count.toLocaleString('en-US')})`;
      const result = await measureSubject(name, originOf(server.captured.url!), server.captured.token!, smallEndpoints, settings, server);
      subjects.push({ ...result, peakRss: server.peakRss(), scale: small.count, kind: 'reference-no-response-validation' });
      await server.stop();
      running.splice(running.indexOf(server), 1);
    }

    const fixturesFile = path.join(dir, 'fixtures.json');
    writeFileSync(fixturesFile, JSON.stringify(fixtures));
    for (const [kind, script] of [
      ['node-http', 'bare-http'],
      ['express', 'bare-express'],
    ] as const) {
      const server = await startProcess(process.execPath, [scripts.file(script), fixturesFile], [READY_URL], { cwd: repoRoot });
      running.push(server);
      log(`${kind === 'express' ? 'Bare Express' : 'Bare node:http'} (pid ${server.pid})`);
      const result = await measureSubject(kind === 'express' ? 'bare Express' : 'bare node:http', server.captured.url!, 'bench', smallEndpoints, settings, server);
      subjects.push({ ...result, kind });
      await server.stop();
      running.splice(running.indexOf(server), 1);
    }

    // json-server on a file holding the objects the reference answered (its POSTs write to that file).
    const jsonServerDir = path.join(dir, 'json-server');
    mkdirSync(jsonServerDir);
    const data = jsonServerData(fixtures);
    const jsonServerFiles = {
      load: path.join(jsonServerDir, 'db.json'),
      startup: path.join(jsonServerDir, 'db-startup.json'),
      routes: path.join(jsonServerDir, 'routes.json'),
    };
    for (const file of [jsonServerFiles.load, jsonServerFiles.startup]) writeFileSync(file, JSON.stringify(data));
    writeFileSync(jsonServerFiles.routes, JSON.stringify(JSON_SERVER_ROUTES));
    {
      const server = await startProcess(process.execPath, [scripts.file('json-server'), jsonServerFiles.load], [READY_URL], { cwd: repoRoot });
      running.push(server);
      log(`json-server 0.17.4, ${data.contacts.length} contacts (pid ${server.pid})`);
      const result = await measureSubject('json-server 0.17.4', server.captured.url!, 'bench', smallEndpoints, settings, server);
      subjects.push({ ...result, kind: 'json-server' });
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

    let startup: StartupResult[] | undefined;
    if (options.startup) {
      log(`Start-up times (${options.startupRuns} runs each; listening / answered):`);
      startup = await measureStartups({
        runs: options.startupRuns,
        jsonServer: { dbFile: jsonServerFiles.startup, routesFile: jsonServerFiles.routes, contactId: rich!.id },
        log,
      });
    }

    const profiles = options.profile ? await profileReference(large, endpointsFor(large.ids, rich!.id), settings, dir) : [];

    const tools: ToolTime[] = [];
    if (options.tools) {
      for (const script of ['bundle', 'generate', 'docs', 'conformance', 'test']) {
        log(`Timing npm run ${script} ...`);
        const t = await timeNpmScript(script);
        log(`  ${t.seconds.toFixed(1)} s${t.exitCode ? ` (exit code ${t.exitCode})` : ''}`);
        tools.push(t);
      }
    }

    loadSamples.push(os.loadavg()[0]!);
    const results: BenchResults = {
      date: new Date().toISOString().slice(0, 10),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        memoryGb: os.totalmem() / 1024 ** 3,
        node: process.version,
        platform: `${os.type()} ${os.release()}`,
        loadAverage: { before: loadSamples[0]!, after: loadSamples.at(-1)!, max: Math.max(...loadSamples) },
      },
      settings,
      quick: options.quick,
      scales: { small: small.count, large: large.count },
      seedSeconds: { small: small.seedSeconds, large: large.seedSeconds },
      searchTerm: SEARCH_TERM,
      demoContacts: small.demoIds.length,
      richContact: rich,
      bareContact: { id: small.ids[Math.floor(small.ids.length / 2)]!, bytes: subjects[0]?.figures.get?.bytes ?? 0 },
      jsonServerContacts: data.contacts.length,
      subjects,
      startup,
      tools,
      profiles,
    };
    if (options.save) writeFileSync(options.save, `${JSON.stringify(results, null, 2)}\n`);
    writeResults(results, options);
  } finally {
    clearInterval(sampler);
    await stopAll();
    for (const c of cleanups) c();
  }
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exitCode = 1;
});
