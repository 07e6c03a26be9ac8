/**
 * Turns the bench's figures into tables, ratios and the verdict on each target: printed to the console and
 * written as BENCHMARKS.md. The hand-written analysis in scripts/bench/analysis.md is appended as it is.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../lib/paths.js';
import type { LoadSettings, Measurement } from './load.js';
import type { ProfileSummary, Share } from './profile-summary.js';
import type { StartupResult, StartupRun } from './startup.js';
import type { ToolTime } from './tools.js';

export type EndpointKey = 'get-rich' | 'get' | 'list' | 'search' | 'post';

export interface SubjectResult {
  name: string;
  kind?: 'node-http' | 'express' | 'reference' | 'reference-no-response-validation' | 'reference-uncached' | 'json-server' | 'prism';
  /** Contacts in the account (reference server only). */
  scale?: number;
  /** `bytes`: the length of the first answer's body. */
  figures: Partial<Record<EndpointKey, Measurement & { status: number; bytes?: number }>>;
  /** The same requests from a single connection (reference server: list and search). */
  single?: Partial<Record<EndpointKey, Measurement>>;
  peakRss?: number;
}

export interface BenchResults {
  date: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    platform: string;
    /**
     * One-minute load average when the run began, when it ended and the highest seen in between (sampled every
     * 5 s): other work on the machine skews the figures.
     */
    loadAverage?: { before: number; after: number; max?: number };
  };
  settings: LoadSettings;
  quick: boolean;
  scales: { small: number; large: number };
  seedSeconds: { small: number; large: number };
  searchTerm: string;
  /** Contacts of the demo data, in the account besides the seeded ones. */
  demoContacts?: number;
  /** The demo contact with the longest answer to GET /api/contacts/{id}, and the seeded one asked for. */
  richContact?: { id: number; name: string; bytes: number };
  bareContact?: { id: number; bytes: number };
  /** Contacts in json-server's data (those the reference answered). */
  jsonServerContacts?: number;
  subjects: SubjectResult[];
  startup?: StartupResult[];
  tools: ToolTime[];
  profiles: { key: EndpointKey; summary: ProfileSummary }[];
}

const ANALYSIS = path.join(repoRoot, 'scripts', 'bench', 'analysis.md');

const LABELS: Record<EndpointKey, string> = {
  'get-rich': 'GET /api/contacts/{id} (richest demo contact)',
  get: 'GET /api/contacts/{id} (bare contact)',
  list: 'GET /api/contacts?limit=100',
  search: 'GET /api/contacts?query=…',
  post: 'POST /api/notes',
};
const KEYS = Object.keys(LABELS) as EndpointKey[];

// Ratios and targets -------------------------------------------------------------------------------------

interface Target {
  what: string;
  figure: string;
  /** The same figure for the reference server without response validation (no target of its own). */
  withoutResponseValidation?: string;
  /** The same figure with `--no-response-cache`: every answer made anew (no target). */
  uncached?: string;
  /** undefined: not measured; 'reported': a figure the issue asks for, with no threshold. */
  met: boolean | undefined | 'reported';
}

function find(results: BenchResults, kind: SubjectResult['kind'], scale?: number): SubjectResult | undefined {
  return results.subjects.find((s) => s.kind === kind && (scale === undefined || s.scale === scale));
}

function ratio(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined || b === 0 ? undefined : a / b;
}

const fmt = (n: number | undefined, digits = 2) => (n === undefined ? 'n/a' : n.toFixed(digits));

/** Throughput of one reference subject over each other subject, per endpoint. */
export interface Over {
  jsonServer?: number;
  express?: number;
  nodeHttp?: number;
  prism?: number;
}

export interface Ratios {
  /** The reference server at the small scale, validation on. */
  reference: Partial<Record<EndpointKey, Over>>;
  /** The reference server without response validation (small scale). */
  withoutResponseValidation: Partial<Record<EndpointKey, Over>>;
  /** The reference server with `--no-response-cache` (small scale). */
  uncached: Partial<Record<EndpointKey, Over>>;
  /** Large over small, mean latency, p99 and throughput, per endpoint. */
  scale: Partial<Record<EndpointKey, { mean?: number; p99?: number; rps?: number }>>;
  /** The same, with `--no-response-cache`: what the store and the presenters do at each scale. */
  scaleUncached: Partial<Record<EndpointKey, { mean?: number; p99?: number; rps?: number }>>;
}

export function ratios(results: BenchResults): Ratios {
  const ref = find(results, 'reference', results.scales.small);
  const big = find(results, 'reference', results.scales.large);
  const over = (s: SubjectResult | undefined) => {
    const out: Partial<Record<EndpointKey, Over>> = {};
    for (const key of KEYS) {
      const rps = (o: SubjectResult | undefined) => o?.figures[key]?.rps;
      out[key] = {
        jsonServer: ratio(rps(s), rps(find(results, 'json-server'))),
        express: ratio(rps(s), rps(find(results, 'express'))),
        nodeHttp: ratio(rps(s), rps(find(results, 'node-http'))),
        prism: ratio(rps(s), rps(find(results, 'prism'))),
      };
    }
    return out;
  };
  const scaleOf = (small: SubjectResult | undefined, large: SubjectResult | undefined) => {
    const out: Ratios['scale'] = {};
    for (const key of KEYS) {
      const a = small?.figures[key];
      const b = large?.figures[key];
      out[key] = { mean: ratio(b?.mean, a?.mean), p99: ratio(b?.p99, a?.p99), rps: ratio(b?.rps, a?.rps) };
    }
    return out;
  };
  return {
    reference: over(ref),
    withoutResponseValidation: over(find(results, 'reference-no-response-validation')),
    uncached: over(find(results, 'reference-uncached', results.scales.small)),
    scale: scaleOf(ref, big),
    scaleUncached: scaleOf(find(results, 'reference-uncached', results.scales.small), find(results, 'reference-uncached', results.scales.large)),
  };
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? undefined : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const seconds = (ms: number | undefined) => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);

export function startupFigures(s: StartupResult): { listening?: number; answered?: number; min?: number; max?: number } {
  const answered = s.runs.map((r: StartupRun) => r.answeredMs);
  return {
    listening: median(s.runs.map((r) => r.listeningMs)),
    answered: median(answered),
    min: answered.length ? Math.min(...answered) : undefined,
    max: answered.length ? Math.max(...answered) : undefined,
  };
}

export function targets(results: BenchResults): Target[] {
  const r = ratios(results);
  const big = find(results, 'reference', results.scales.large);
  const bigUncached = find(results, 'reference-uncached', results.scales.large);
  const searchP99 = big?.single?.search?.p99;
  const loadedP99 = big?.figures.search?.p99;
  const searchP99Uncached = bigUncached?.single?.search?.p99;
  // Search and scale are judged on the figure without the cache when it was measured: a repeated search is a
  // cache hit at any scale, so only every-request-anew says how the store holds up.
  const judged = <T>(uncached: T | undefined, cached: T | undefined) => (uncached !== undefined ? uncached : cached);
  const conformance = results.tools.find((t) => t.script === 'conformance');
  const k = (n: number) => n.toLocaleString('en-US');
  const x = (n: number | undefined) => `${fmt(n)} ×`;
  const over = (key: EndpointKey, versus: 'jsonServer' | 'express', what: string, threshold: number): Target => {
    const value = r.reference[key]?.[versus];
    return {
      what: `${LABELS[key]}: reference ≥ ${threshold} × ${what}, throughput`,
      figure: x(value),
      withoutResponseValidation: x(r.withoutResponseValidation[key]?.[versus]),
      uncached: x(r.uncached[key]?.[versus]),
      met: value === undefined ? undefined : value >= threshold,
    };
  };
  const scaleTarget = (key: EndpointKey): Target => {
    const s = r.scale[key];
    const u = r.scaleUncached[key];
    const rps = (kind: SubjectResult['kind'], scale: number) => fmt(find(results, kind, scale)?.figures[key]?.rps, 0);
    const mean = judged(u?.mean, s?.mean);
    return {
      what: `${LABELS[key]}: mean latency at ${k(results.scales.large)} contacts ≤ 1.5 × at ${k(results.scales.small)} (req/s at each in brackets)`,
      figure: `${x(s?.mean)} (${rps('reference', results.scales.small)} / ${rps('reference', results.scales.large)})`,
      uncached: u?.mean === undefined ? undefined : `${x(u.mean)} (${rps('reference-uncached', results.scales.small)} / ${rps('reference-uncached', results.scales.large)})`,
      met: mean === undefined ? undefined : mean <= 1.5,
    };
  };
  const startupTarget = (index: number, what: string, limitMs: number): Target => {
    const s = results.startup?.[index];
    const f = s ? startupFigures(s) : undefined;
    return {
      what: `${what} ≤ ${limitMs / 1000} s (median from the spawn to the first 200; listening line in brackets)`,
      figure: f?.answered === undefined ? 'not measured' : `${seconds(f.answered)} (${seconds(f.listening)})`,
      met: f?.answered === undefined ? undefined : f.answered <= limitMs,
    };
  };
  const rss = (kind: SubjectResult['kind']) => mb(find(results, kind, kind === 'reference' ? results.scales.small : undefined)?.peakRss);
  return [
    over('get-rich', 'jsonServer', 'json-server', 2),
    over('get-rich', 'express', 'bare Express', 0.5),
    over('list', 'jsonServer', 'json-server', 2),
    over('list', 'express', 'bare Express', 0.5),
    {
      what: `search over ${k(results.scales.large)} contacts: p99 < 20 ms (one client; under ${results.settings.connections} connections in brackets)`,
      figure: searchP99 === undefined ? 'n/a' : `${searchP99} ms (${loadedP99 ?? 'n/a'} ms)`,
      uncached: searchP99Uncached === undefined ? undefined : `${searchP99Uncached} ms (${bigUncached?.figures.search?.p99 ?? 'n/a'} ms)`,
      met: judged(searchP99Uncached, searchP99) === undefined ? undefined : judged(searchP99Uncached, searchP99)! < 20,
    },
    ...KEYS.map(scaleTarget),
    {
      what: 'full conformance run (`npm run conformance`) < 20 s',
      figure: conformance ? `${conformance.seconds.toFixed(1)} s${conformance.exitCode ? ` (exit ${conformance.exitCode})` : ''}` : 'not measured (--no-tools)',
      met: conformance ? conformance.exitCode === 0 && conformance.seconds < 20 : undefined,
    },
    startupTarget(0, '`npm start` on an existing database', 1000),
    startupTarget(1, '`npm start` creating a database with the demo data', 1500),
    {
      what: `peak RSS under the bench's load (${k(results.scales.small)} contacts): reference, beside json-server and bare Express`,
      figure: `${rss('reference')}; json-server ${rss('json-server')}; bare Express ${rss('express')}`,
      withoutResponseValidation: rss('reference-no-response-validation'),
      met: 'reported',
    },
  ];
}

// Tables ---------------------------------------------------------------------------------------------------

function table(head: string[], rows: string[][], align: ('l' | 'r')[]): string {
  const sep = align.map((a) => (a === 'r' ? '---:' : '---'));
  return [head, sep, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function mb(bytes: number | undefined): string {
  return bytes === undefined ? 'n/a' : `${(bytes / 1024 ** 2).toFixed(0)} MB`;
}

function throughputTable(results: BenchResults): string {
  const rows: string[][] = [];
  for (const key of KEYS) {
    for (const s of results.subjects) {
      const f = s.figures[key];
      if (!f) continue;
      rows.push([LABELS[key], s.name, f.rps.toFixed(0), fmt(f.mean), String(f.p50), String(f.p99), `${f.status}`, f.bytes === undefined ? 'n/a' : String(f.bytes), String(f.failures)]);
    }
  }
  return table(
    ['request', 'subject', 'req/s', 'mean ms', 'p50 ms', 'p99 ms', 'status', 'bytes', 'failed'],
    rows,
    ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
}

function scaleTable(results: BenchResults): string {
  const small = find(results, 'reference', results.scales.small);
  const large = find(results, 'reference', results.scales.large);
  const r = ratios(results);
  const rows = KEYS.map((key) => {
    const a = small?.figures[key];
    const b = large?.figures[key];
    return [LABELS[key], fmt(a?.rps, 0), fmt(b?.rps, 0), fmt(a?.mean), fmt(b?.mean), fmt(r.scale[key]?.mean), String(a?.p99 ?? 'n/a'), String(b?.p99 ?? 'n/a')];
  });
  const s = results.scales.small.toLocaleString('en-US');
  const l = results.scales.large.toLocaleString('en-US');
  return table(
    ['request', `req/s ${s}`, `req/s ${l}`, `mean ms ${s}`, `mean ms ${l}`, `mean ${l}/${s}`, `p99 ms ${s}`, `p99 ms ${l}`],
    rows,
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
}

function singleTable(results: BenchResults): string {
  const rows: string[][] = [];
  for (const s of results.subjects) {
    for (const key of KEYS) {
      const f = s.single?.[key];
      if (f) rows.push([LABELS[key], s.name, f.rps.toFixed(0), fmt(f.mean), String(f.p50), String(f.p99)]);
    }
  }
  return table(['request', 'subject', 'req/s', 'mean ms', 'p50 ms', 'p99 ms'], rows, ['l', 'l', 'r', 'r', 'r', 'r']);
}

/** Throughput of the reference server (validation on, and without response validation) over each other subject. */
function ratioTable(results: BenchResults): string {
  const r = ratios(results);
  const rows: string[][] = [];
  for (const key of KEYS) {
    for (const [name, o] of [
      ['reference', r.reference[key]],
      ['reference, no response validation', r.withoutResponseValidation[key]],
      ['reference, no response cache', r.uncached[key]],
    ] as const) {
      rows.push([LABELS[key], name, fmt(o?.jsonServer), fmt(o?.express), fmt(o?.nodeHttp), fmt(o?.prism)]);
    }
  }
  return table(['request', 'subject', '÷ json-server', '÷ bare Express', '÷ bare node:http', '÷ Prism'], rows, ['l', 'l', 'r', 'r', 'r', 'r']);
}

function scaleLine(results: BenchResults): string {
  const r = ratios(results);
  const each = (what: 'mean' | 'p99') => KEYS.map((key) => `${LABELS[key]} ${fmt(r.scale[key]?.[what])}`).join(', ');
  return `- ${results.scales.large.toLocaleString('en-US')} / ${results.scales.small.toLocaleString('en-US')} contacts, mean latency: ${each('mean')}; p99: ${each('p99')}.`;
}

function memoryTable(results: BenchResults): string {
  const express = find(results, 'express')?.peakRss;
  const rows = results.subjects
    .filter((s) => s.peakRss !== undefined)
    .map((s) => [s.name, mb(s.peakRss), fmt(ratio(s.peakRss, express))]);
  return table(['process', 'peak RSS (VmHWM)', '÷ bare Express'], rows, ['l', 'r', 'r']);
}

function startupTable(results: BenchResults): string {
  const rows = (results.startup ?? []).map((s) => {
    const f = startupFigures(s);
    return [
      s.name,
      `\`${s.command}\``,
      s.request,
      seconds(f.listening),
      seconds(f.answered),
      `${seconds(f.min)} – ${seconds(f.max)}`,
      `${s.runs.length}${s.rebuilt ? ` (${s.rebuilt} left out: bundle rebuilt)` : ''}`,
    ];
  });
  return table(['start', 'command', 'first request', 'listening (median)', 'answered (median)', 'answered min – max', 'runs'], rows, ['l', 'l', 'l', 'r', 'r', 'r', 'l']);
}

function toolTable(results: BenchResults): string {
  const rows = results.tools.map((t) => [`npm run ${t.script}`, t.seconds.toFixed(1), t.exitCode === 0 ? 'ok' : `exit ${t.exitCode}`]);
  return table(['command', 'seconds', 'result'], rows, ['l', 'r', 'l']);
}

function targetTable(results: BenchResults): string {
  const verdict = (t: Target) => (t.met === 'reported' ? 'reported' : t.met === undefined ? 'not measured' : t.met ? 'met' : '**missed**');
  const rows = targets(results).map((t) => [t.what, t.figure, t.withoutResponseValidation ?? '', t.uncached ?? '', verdict(t)]);
  return table(
    ['target', 'figure (as `npm start` runs)', 'without response validation (no target)', 'without the response cache', 'verdict'],
    rows,
    ['l', 'r', 'r', 'r', 'l'],
  );
}

function shareRows(shares: Share[]): string[][] {
  return shares.map((s) => [`${(s.share * 100).toFixed(1)} %`, `\`${s.name.replaceAll('|', '\\|')}\``]);
}

function profileSection(results: BenchResults): string {
  if (results.profiles.length === 0) return '_Not run (`--no-profile`)._';
  const parts = [
    `One reference server per request, ${results.scales.large.toLocaleString('en-US')} contacts, \`node --cpu-prof scripts/start-server.mjs\` (the launcher imports the bundle in the same process), under the same load (a ${results.settings.warmup} s warm-up, then ${results.settings.duration} s); the server's start and the warm-up are left out; self time as a share of the busy (non-idle) time. The bundle's frames are mapped back to the server's source files through its source map. "(native / V8)" is time in C++ code with no JavaScript frame of its own (socket writes, for one); SQLite's work through better-sqlite3 is charged to the store function that called it. Remake one by hand with \`node --cpu-prof --cpu-prof-dir <dir> scripts/start-server.mjs --database <file> ...\` and \`npx tsx scripts/bench/profile-summary.ts <file.cpuprofile> --skip-ms <start-up ms>\`.`,
  ];
  for (const { key, summary } of results.profiles) {
    parts.push(
      `### ${LABELS[key] ?? key}`,
      `Busy ${(summary.busyMs / 1000).toFixed(1)} s, idle ${(summary.idleMs / 1000).toFixed(1)} s.`,
      table(['self', 'function'], shareRows(summary.functions.slice(0, 10)), ['r', 'l']),
      table(['self', 'package or file'], shareRows(summary.areas.slice(0, 8)), ['r', 'l']),
    );
  }
  return parts.join('\n\n');
}

export function renderConsole(results: BenchResults): string {
  return [
    throughputTable(results),
    '',
    scaleTable(results),
    '',
    singleTable(results),
    '',
    ratioTable(results),
    '',
    scaleLine(results),
    '',
    memoryTable(results),
    ...(results.startup ? ['', startupTable(results)] : []),
    ...(results.tools.length ? ['', toolTable(results)] : []),
    '',
    targetTable(results),
  ].join('\n');
}

function loadLine(machine: BenchResults['machine']): string {
  const l = machine.loadAverage;
  if (!l) return '';
  const highest = Math.max(l.before, l.after, l.max ?? 0);
  const seen = `One-minute load average ${l.before.toFixed(1)} when the run began and ${l.after.toFixed(1)} when it ended${l.max === undefined ? '' : `, at most ${l.max.toFixed(1)} in between (sampled every 5 s)`}`;
  return highest > machine.cpus
    ? ` ${seen}: above the ${machine.cpus} cores, so other work shared them and every figure is lower and noisier than on a quiet machine.`
    : ` ${seen}: never above the ${machine.cpus} cores.`;
}

export function renderReport(results: BenchResults): string {
  const { settings, machine } = results;
  const k = (n: number) => n.toLocaleString('en-US');
  const analysis = existsSync(ANALYSIS) ? readFileSync(ANALYSIS, 'utf8').trim() : '';
  const rich = results.richContact;
  const bare = results.bareContact;
  return `${[
    '# Benchmarks',
    `Written by \`npm run bench\` on ${results.date}${results.quick ? ' with `--quick` (short runs: rough figures)' : ''}. Every figure below comes from that one run; run it again to remake this file (\`npm run bench -- --help\` lists the options).`,
    `**Machine:** ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb.toFixed(1)} GB, ${machine.platform}, Node ${machine.node}.${loadLine(machine)}`,
    `**Method:** each server runs in its own process and the load generator (autocannon) in another, on the same machine (they share its ${machine.cpus} cores, the same way for every subject). ${settings.connections} connections; each figure is the median of ${settings.runs} run(s) of ${settings.duration} s after a ${settings.warmup} s warm-up that is thrown away. autocannon reports percentiles in whole milliseconds and the mean to 0.01 ms. Ratios compare throughputs measured in this run, one subject after the other.`,
    `**Subjects:** the reference server as \`npm start\` runs it (\`node scripts/start-server.mjs\`: the server bundled by esbuild; request and response validation on, SQLite file in WAL mode, rate limit raised out of the way), at both scales (a repeated GET is answered from its response cache of checked bytes), again with \`--no-response-validation\` on a copy of the small database, and with \`--no-response-cache\` (every answer made anew) on copies at both scales; a bare \`node:http\` server and a bare Express 5 app answering the reference server's exact bytes (fetched from it once, encoded once); json-server 0.17.4 (\`scripts/bench/json-server.ts\`: \`jsonServer.create()\`, \`defaults({ logger: false })\`, a rewriter from the /api paths, \`router(db.json)\`) holding the ${results.jsonServerContacts ?? 'n/a'} contacts the reference server answered to these requests; Prism with the static examples (\`npm run mock\`). The bare servers and json-server run bundled by esbuild too, so no process carries a TypeScript loader. Every request carries an \`Authorization\` header (json-server and the bare servers ignore it).`,
    `**json-server's answers are not the reference's:** it serves the same contact objects, but a contact as the object itself rather than \`{ "data": … }\`, and lists as a bare array (no \`links\` or \`meta\`); it indents its JSON by 2 spaces (its default \`json spaces\`), adds an ETag and CORS headers, and searches (\`q\`) every field of the ${results.jsonServerContacts ?? 'n/a'} contacts it holds rather than ${k(results.scales.small)}. Its POST adds the note as sent, with an id, and saves the whole database file on every write (lowdb's FileSync, as \`json-server db.json\` does); the reference answers the note with its contact. The "bytes" column shows the difference.`,
    `**Data:** the demo account holds the demo data as \`npm start\` creates it (${results.demoContacts ?? 'n/a'} contacts with their notes, relationships, photos and so on; the files beside the database) and ${k(results.scales.small)} or ${k(results.scales.large)} more contacts, seeded straight into SQLite in transactions (${results.seedSeconds.small.toFixed(1)} s and ${results.seedSeconds.large.toFixed(1)} s in all, \`scripts/bench/seed.ts\`). The richest demo contact is the one with the longest answer to GET /api/contacts/{id}, found by asking for every demo contact: ${rich ? `#${rich.id} ${rich.name}, ${k(rich.bytes)} bytes` : 'n/a'}; the bare contact is a seeded one from the middle of the table${bare ? ` (#${bare.id} at ${k(results.scales.small)}, ${k(bare.bytes)} bytes)` : ''}. The search looks for "${results.searchTerm}", the family name of 3 seeded contacts at 37 %, 62 % and 91 % of the table, at both scales. POST /api/notes writes a new note on every request.`,
    '## Targets',
    targetTable(results),
    '## Ratios',
    `Throughput of the reference server (${k(results.scales.small)} contacts) divided by each other subject's, per request.`,
    ratioTable(results),
    scaleLine(results),
    '## Throughput and latency',
    `The reference server with ${k(results.scales.small)} contacts unless named otherwise. "status" is the status of a first check request and "bytes" the length of its answer's body.`,
    throughputTable(results),
    `## Scale: ${k(results.scales.small)} against ${k(results.scales.large)} contacts`,
    scaleTable(results),
    '### One client',
    'List and search from a single connection: the latency a client sees when the server is not queueing requests.',
    singleTable(results),
    '## Memory',
    'Peak resident memory of each server process over its whole run (its load included). Prism runs in a process the bench does not start itself, so it has no figure here.',
    memoryTable(results),
    '## Start-up',
    results.startup
      ? [
          `Each command is spawned as a user types it, through npm or npx, and timed from the spawn: "listening" when it printed its address, "answered" when its first request was answered with 200 (sent as soon as that line appeared, and again every 10 ms while it failed). The median of ${results.startup[0]?.runs.length ?? 'n/a'} runs per line. \`npm start\` on an existing database runs after one start that created it; a new database is made in a new temporary directory each time (the accounts and the demo data are created by the start). json-server and Prism each start once before their timed runs too. A run during which \`npm start\` rebuilt its bundle (another checkout sharing node_modules can make it do so) is left out and repeated.`,
          startupTable(results),
        ].join('\n\n')
      : '_Not run (`--no-startup`)._',
    '## Tool times',
    results.tools.length ? toolTable(results) : '_Not run (`--no-tools`)._',
    '## Profile',
    profileSection(results),
    ...(analysis ? ['## Analysis', analysis] : []),
  ].join('\n\n')}\n`;
}
