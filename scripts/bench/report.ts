/**
 * Turns the bench's figures into tables, ratios and the verdict on each target: printed to the console and
 * written as BENCHMARKS.md. The hand-written analysis in scripts/bench/analysis.md is appended as it is.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../lib/paths.js';
import type { LoadSettings, Measurement } from './load.js';
import type { ProfileSummary, Share } from './profile-summary.js';
import type { ToolTime } from './tools.js';

export type EndpointKey = 'get' | 'list' | 'search' | 'post';

export interface SubjectResult {
  name: string;
  kind?: 'node-http' | 'express' | 'reference' | 'prism';
  /** Contacts in the account (reference server only). */
  scale?: number;
  figures: Partial<Record<EndpointKey, Measurement & { status: number }>>;
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
    /** One-minute load average when the run began and when it ended: other work on the machine skews the figures. */
    loadAverage?: { before: number; after: number };
  };
  settings: LoadSettings;
  quick: boolean;
  scales: { small: number; large: number };
  seedSeconds: { small: number; large: number };
  searchTerm: string;
  subjects: SubjectResult[];
  tools: ToolTime[];
  profiles: { key: EndpointKey; summary: ProfileSummary }[];
}

const ANALYSIS = path.join(repoRoot, 'scripts', 'bench', 'analysis.md');

const LABELS: Record<EndpointKey, string> = {
  get: 'GET /api/contacts/{id}',
  list: 'GET /api/contacts?limit=100',
  search: 'GET /api/contacts?query=…',
  post: 'POST /api/notes',
};
const KEYS = Object.keys(LABELS) as EndpointKey[];

// Ratios and targets -------------------------------------------------------------------------------------

interface Target {
  what: string;
  figure: string;
  met: boolean | undefined;
}

function find(results: BenchResults, kind: SubjectResult['kind'], scale?: number): SubjectResult | undefined {
  return results.subjects.find((s) => s.kind === kind && (scale === undefined || s.scale === scale));
}

function ratio(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined || b === 0 ? undefined : a / b;
}

const fmt = (n: number | undefined, digits = 2) => (n === undefined ? 'n/a' : n.toFixed(digits));

export interface Ratios {
  referenceOverExpress?: number;
  referenceOverPrism?: number;
  referenceOverNodeHttp?: number;
  /** Large over small, mean latency and p99, per endpoint. */
  scale: Partial<Record<EndpointKey, { mean?: number; p99?: number; rps?: number }>>;
}

export function ratios(results: BenchResults): Ratios {
  const ref = find(results, 'reference', results.scales.small);
  const big = find(results, 'reference', results.scales.large);
  const rps = (s: SubjectResult | undefined) => s?.figures.get?.rps;
  const scale: Ratios['scale'] = {};
  for (const key of KEYS) {
    const a = ref?.figures[key];
    const b = big?.figures[key];
    scale[key] = { mean: ratio(b?.mean, a?.mean), p99: ratio(b?.p99, a?.p99), rps: ratio(b?.rps, a?.rps) };
  }
  return {
    referenceOverExpress: ratio(rps(ref), rps(find(results, 'express'))),
    referenceOverPrism: ratio(rps(ref), rps(find(results, 'prism'))),
    referenceOverNodeHttp: ratio(rps(ref), rps(find(results, 'node-http'))),
    scale,
  };
}

export function targets(results: BenchResults): Target[] {
  const r = ratios(results);
  const big = find(results, 'reference', results.scales.large);
  const searchP99 = big?.single?.search?.p99;
  const loadedP99 = big?.figures.search?.p99;
  const conformance = results.tools.find((t) => t.script === 'conformance');
  const k = (n: number) => n.toLocaleString('en-US');
  const scaleTarget = (key: EndpointKey): Target => ({
    what: `${LABELS[key]}: mean latency at ${k(results.scales.large)} contacts ≤ 1.5 × at ${k(results.scales.small)}`,
    figure: `${fmt(r.scale[key]?.mean)} ×`,
    met: r.scale[key]?.mean === undefined ? undefined : r.scale[key]!.mean! <= 1.5,
  });
  return [
    {
      what: 'reference ≥ 0.8 × bare Express, GET /contacts/{id} throughput',
      figure: `${fmt(r.referenceOverExpress)} ×`,
      met: r.referenceOverExpress === undefined ? undefined : r.referenceOverExpress >= 0.8,
    },
    {
      what: 'reference ≥ 2 × Prism, GET /contacts/{id} throughput',
      figure: `${fmt(r.referenceOverPrism)} ×`,
      met: r.referenceOverPrism === undefined ? undefined : r.referenceOverPrism >= 2,
    },
    {
      what: `search over ${k(results.scales.large)} contacts: p99 < 20 ms (one client; under ${results.settings.connections} connections in brackets)`,
      figure: searchP99 === undefined ? 'n/a' : `${searchP99} ms (${loadedP99 ?? 'n/a'} ms)`,
      met: searchP99 === undefined ? undefined : searchP99 < 20,
    },
    scaleTarget('list'),
    scaleTarget('search'),
    {
      what: 'full conformance run (`npm run conformance`) < 20 s',
      figure: conformance ? `${conformance.seconds.toFixed(1)} s${conformance.exitCode ? ` (exit ${conformance.exitCode})` : ''}` : 'not measured (--no-tools)',
      met: conformance ? conformance.exitCode === 0 && conformance.seconds < 20 : undefined,
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
      rows.push([LABELS[key], s.name, f.rps.toFixed(0), fmt(f.mean), String(f.p50), String(f.p99), `${f.status}`, String(f.failures)]);
    }
  }
  return table(['request', 'subject', 'req/s', 'mean ms', 'p50 ms', 'p99 ms', 'status', 'failed'], rows, ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r']);
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

function ratioLines(results: BenchResults): string[] {
  const r = ratios(results);
  return [
    `- reference / bare Express, GET /contacts/{id} throughput: **${fmt(r.referenceOverExpress)}**`,
    `- reference / Prism, GET /contacts/{id} throughput: **${fmt(r.referenceOverPrism)}**`,
    `- reference / bare node:http, GET /contacts/{id} throughput: ${fmt(r.referenceOverNodeHttp)}`,
    `- ${results.scales.large.toLocaleString('en-US')} / ${results.scales.small.toLocaleString('en-US')} contacts, mean latency: list **${fmt(r.scale.list?.mean)}**, search **${fmt(r.scale.search?.mean)}** (p99: list ${fmt(r.scale.list?.p99)}, search ${fmt(r.scale.search?.p99)})`,
  ];
}

function memoryTable(results: BenchResults): string {
  const rows = results.subjects.filter((s) => s.peakRss !== undefined).map((s) => [s.name, mb(s.peakRss)]);
  return table(['process', 'peak RSS (VmHWM)'], rows, ['l', 'r']);
}

function toolTable(results: BenchResults): string {
  const rows = results.tools.map((t) => [`npm run ${t.script}`, t.seconds.toFixed(1), t.exitCode === 0 ? 'ok' : `exit ${t.exitCode}`]);
  return table(['command', 'seconds', 'result'], rows, ['l', 'r', 'l']);
}

function targetTable(results: BenchResults): string {
  const rows = targets(results).map((t) => [t.what, t.figure, t.met === undefined ? 'not measured' : t.met ? 'met' : '**missed**']);
  return table(['target', 'figure', 'verdict'], rows, ['l', 'r', 'l']);
}

function shareRows(shares: Share[]): string[][] {
  return shares.map((s) => [`${(s.share * 100).toFixed(1)} %`, `\`${s.name.replaceAll('|', '\\|')}\``]);
}

function profileSection(results: BenchResults): string {
  if (results.profiles.length === 0) return '_Not run (`--no-profile`)._';
  const parts = [
    `One reference server per request, ${results.scales.large.toLocaleString('en-US')} contacts, \`node --cpu-prof\`, under the same load (a ${results.settings.warmup} s warm-up, then ${results.settings.duration} s); the server's start and the warm-up are left out; self time as a share of the busy (non-idle) time. "(native / V8)" is time in C++ code with no JavaScript frame of its own (socket writes, for one); SQLite's work through better-sqlite3 is charged to the store function that called it. Remake one by hand with \`node --cpu-prof --import tsx server/main.ts ...\` and \`npx tsx scripts/bench/profile-summary.ts <file.cpuprofile> --skip-ms <start-up ms>\`.`,
  ];
  for (const { key, summary } of results.profiles) {
    parts.push(
      `### ${LABELS[key]}`,
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
    ...ratioLines(results),
    '',
    memoryTable(results),
    ...(results.tools.length ? ['', toolTable(results)] : []),
    '',
    targetTable(results),
  ].join('\n');
}

export function renderReport(results: BenchResults): string {
  const { settings, machine } = results;
  const k = (n: number) => n.toLocaleString('en-US');
  const analysis = existsSync(ANALYSIS) ? readFileSync(ANALYSIS, 'utf8').trim() : '';
  return `${[
    '# Benchmarks',
    `Written by \`npm run bench\` on ${results.date}${results.quick ? ' with `--quick` (short runs: rough figures)' : ''}. Every figure below comes from that one run; run it again to remake this file (\`npm run bench -- --help\` lists the options).`,
    `**Machine:** ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb.toFixed(1)} GB, ${machine.platform}, Node ${machine.node}.${
      machine.loadAverage
        ? ` One-minute load average ${machine.loadAverage.before.toFixed(1)} when the run began and ${machine.loadAverage.after.toFixed(1)} when it ended (above ${machine.cpus}, other work shared the cores and every figure is lower and noisier than on a quiet machine).`
        : ''
    }`,
    `**Method:** each server runs in its own process and the load generator (autocannon) in another, on the same machine (they share its ${machine.cpus} cores, the same way for every subject). ${settings.connections} connections; each figure is the median of ${settings.runs} run(s) of ${settings.duration} s after a ${settings.warmup} s warm-up that is thrown away. autocannon reports percentiles in whole milliseconds and the mean to 0.01 ms.`,
    `**Subjects:** a bare \`node:http\` server and a bare Express 5 app answering the reference server's exact bytes (fetched from it once); the reference server as \`npm start\` runs it (request and response validation on, SQLite file in WAL mode, no demo data, rate limit raised out of the way); Prism with the static examples (\`npm run mock\`). Every request carries an \`Authorization\` header.`,
    `**Data:** the demo account holds ${k(results.scales.small)} or ${k(results.scales.large)} contacts, seeded straight into SQLite in transactions (${results.seedSeconds.small.toFixed(1)} s and ${results.seedSeconds.large.toFixed(1)} s, \`scripts/bench/seed.ts\`). The search looks for "${results.searchTerm}", the family name of 3 contacts at 37 %, 62 % and 91 % of the table, at both scales. POST /api/notes writes a new note on every request.`,
    '## Targets',
    targetTable(results),
    '## Ratios',
    ratioLines(results).join('\n'),
    '## Throughput and latency',
    `The reference server with ${k(results.scales.small)} contacts unless named otherwise. "status" is the status of a first check request.`,
    throughputTable(results),
    `## Scale: ${k(results.scales.small)} against ${k(results.scales.large)} contacts`,
    scaleTable(results),
    '### One client',
    'List and search from a single connection: the latency a client sees when the server is not queueing requests.',
    singleTable(results),
    '## Memory',
    'Peak resident memory of each server process over its whole run (its load included).',
    memoryTable(results),
    '## Tool times',
    results.tools.length ? toolTable(results) : '_Not run (`--no-tools`)._',
    '## Profile',
    profileSection(results),
    ...(analysis ? ['## Analysis', analysis] : []),
  ].join('\n\n')}\n`;
}
