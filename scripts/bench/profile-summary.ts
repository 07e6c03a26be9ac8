/**
 * Summarises a V8 CPU profile (`node --cpu-prof` writes one `.cpuprofile` per process): the functions with
 * the most self time, and the same time grouped by package or source file, each as a share of the busy time
 * (idle time left out).
 *
 * Frames of the bundle `npm start` runs (node_modules/.cache/monica-server/main.mjs) are mapped through its source
 * map to the server's own files, so they are charged to `server/...` as when it ran from source. The map must be
 * the one of the bundle that ran: the bench copies it when the server is up; alone, the one on disk is read.
 *
 * Run alone: `tsx scripts/bench/profile-summary.ts <file.cpuprofile> [--top 15] [--skip-ms <start-up ms>]`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

export interface Share {
  name: string;
  ms: number;
  /** Share of the busy (non-idle) time, 0..1. */
  share: number;
}

export interface ProfileSummary {
  busyMs: number;
  idleMs: number;
  functions: Share[];
  areas: Share[];
}

/** `node_modules/<pkg>` for dependencies, the repository-relative file for ours, `node:` for Node's own code. */
export function areaOf(url: string): string {
  if (url === '') return '(native / V8)';
  if (url.startsWith('node:')) return 'node: internals';
  const clean = url.replace(/^file:\/\//, '');
  if (/node_modules\/\.cache\/monica-server\//.test(clean)) return 'server bundle (no source map)';
  const mod = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(clean);
  if (mod) return mod[1]!;
  const ours = /\/(server|scripts|generated|mock|conformance)\/(.+)$/.exec(clean);
  return ours ? `${ours[1]}/${ours[2]}` : clean;
}

const BUNDLE = /\/node_modules\/\.cache\/monica-server\/[^/]+\.mjs$/;

/** The bundle's frames as the source file and line they came from; other frames as they are. */
function sourceMapper(bundleMap?: string): (frame: ProfileNode['callFrame']) => { url: string; lineNumber: number } {
  const maps = new Map<string, SourceMap | undefined>();
  const mapOf = (url: string): SourceMap | undefined => {
    if (!maps.has(url)) {
      const file = bundleMap ?? `${fileURLToPath(url)}.map`;
      maps.set(url, existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8')) as SourceMapPayload) : undefined);
    }
    return maps.get(url);
  };
  return (frame) => {
    if (!frame.url.startsWith('file:') || !BUNDLE.test(frame.url)) return frame;
    const entry = mapOf(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber ?? 0);
    if (!entry || !('originalSource' in entry)) return frame;
    // The map's sources are relative to the map file.
    const source = path.resolve(path.dirname(fileURLToPath(frame.url)), entry.originalSource.replace(/^file:\/\//, ''));
    return { url: pathToFileURL(source).href, lineNumber: entry.originalLine };
  };
}

/**
 * `skipMs` leaves out the first milliseconds of the profile (the server's start: compiling modules and the
 * spec's schemas), so that the shares describe the requests. `bundleMap`: the source map of the bundle that ran.
 */
export function summariseProfile(profile: CpuProfile, top = 15, skipMs = 0, bundleMap?: string): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  if (profile.samples && profile.timeDeltas) {
    // Each delta is the time since the previous sample; it is charged to the sample it ends at.
    let at = 0;
    profile.samples.forEach((id, i) => {
      const delta = (profile.timeDeltas![i] ?? 0) / 1000;
      at += delta;
      if (at >= skipMs) self.set(id, (self.get(id) ?? 0) + delta);
    });
  } else {
    const total = profile.nodes.reduce((n, node) => n + (node.hitCount ?? 0), 0) || 1;
    const perHit = (profile.endTime - profile.startTime) / 1000 / total;
    for (const node of profile.nodes) self.set(node.id, (node.hitCount ?? 0) * perHit);
  }
  let idleMs = 0;
  const functions = new Map<string, number>();
  const areas = new Map<string, number>();
  const mapped = sourceMapper(bundleMap);
  for (const [id, ms] of self) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') {
      idleMs += ms;
      continue;
    }
    const { url, lineNumber } = mapped(frame);
    const area = areaOf(url);
    const name = `${frame.functionName || '(anonymous)'} ${url ? `${area}:${lineNumber + 1}` : ''}`.trim();
    functions.set(name, (functions.get(name) ?? 0) + ms);
    areas.set(area, (areas.get(area) ?? 0) + ms);
  }
  const busyMs = [...functions.values()].reduce((a, b) => a + b, 0);
  const ranked = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms, share: busyMs > 0 ? ms / busyMs : 0 }));
  return { busyMs, idleMs, functions: ranked(functions), areas: ranked(areas) };
}

export function formatSummary(summary: ProfileSummary): string {
  const pct = (s: Share) => `${(s.share * 100).toFixed(1).padStart(5)} %  ${s.ms.toFixed(0).padStart(7)} ms  ${s.name}`;
  return [
    `busy ${summary.busyMs.toFixed(0)} ms, idle ${summary.idleMs.toFixed(0)} ms`,
    'top self time by function:',
    ...summary.functions.map(pct),
    'by package or file:',
    ...summary.areas.map(pct),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const argv = process.argv.slice(2);
  const file = argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  const option = (name: string, fallback: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
  if (!file) {
    process.stderr.write('Usage: tsx scripts/bench/profile-summary.ts <file.cpuprofile> [--top 15] [--skip-ms 0]\n');
    process.exit(2);
  }
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  process.stdout.write(`${formatSummary(summariseProfile(profile, option('--top', 15), option('--skip-ms', 0)))}\n`);
}
