/**
 * Summarises a V8 CPU profile (`node --cpu-prof` writes one `.cpuprofile` per process): the functions with
 * the most self time, and the same time grouped by package or source file, each as a share of the busy time
 * (idle time left out).
 *
 * Run alone: `tsx scripts/bench/profile-summary.ts <file.cpuprofile> [--top 15] [--skip-ms <start-up ms>]`.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
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
  const mod = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(clean);
  if (mod) return mod[1]!;
  const ours = /\/(server|scripts|generated|mock|conformance)\/(.+)$/.exec(clean);
  return ours ? `${ours[1]}/${ours[2]}` : clean;
}

/**
 * `skipMs` leaves out the first milliseconds of the profile (the server's start: compiling modules and the
 * spec's schemas), so that the shares describe the requests.
 */
export function summariseProfile(profile: CpuProfile, top = 15, skipMs = 0): ProfileSummary {
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
  for (const [id, ms] of self) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') {
      idleMs += ms;
      continue;
    }
    const area = areaOf(frame.url);
    const name = `${frame.functionName || '(anonymous)'} ${frame.url ? `${area}:${frame.lineNumber + 1}` : ''}`.trim();
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
