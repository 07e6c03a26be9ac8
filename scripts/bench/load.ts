/**
 * The load generator: autocannon, always in a child process of its own so it never shares an event loop with
 * the server it measures. A warm-up run is thrown away, then the median of the measured runs is kept.
 */
import { spawn } from 'node:child_process';
import { repoRoot } from '../lib/paths.js';
import path from 'node:path';

const AUTOCANNON = path.join(repoRoot, 'node_modules', 'autocannon', 'autocannon.js');

export interface Request {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadSettings {
  connections: number;
  /** Seconds per measured run. */
  duration: number;
  runs: number;
  /** Seconds of the discarded warm-up run (0 for none). */
  warmup: number;
}

/** One autocannon run's figures. */
export interface RunFigures {
  rps: number;
  /** Mean latency in ms (autocannon gives it to 0.01 ms; its percentiles are whole milliseconds). */
  mean: number;
  p50: number;
  p99: number;
  /** Answers outside 2xx, plus connection errors and timeouts. */
  failures: number;
  requests: number;
}

/** Each figure the median over the measured runs; the runs themselves are kept. */
export interface Measurement extends RunFigures {
  runs: RunFigures[];
}

function autocannon(request: Request, connections: number, duration: number): Promise<RunFigures> {
  const args = [AUTOCANNON, '--json', '-c', String(connections), '-d', String(duration), '-m', request.method];
  for (const [name, value] of Object.entries(request.headers)) args.push('-H', `${name}=${value}`);
  if (request.body !== undefined) args.push('-b', request.body);
  args.push(request.url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}: ${err}`));
      try {
        const r = JSON.parse(out) as {
          requests: { average: number; total: number };
          latency: { average: number; p50: number; p99: number };
          non2xx: number;
          errors: number;
          timeouts: number;
        };
        resolve({
          rps: r.requests.average,
          mean: r.latency.average,
          p50: r.latency.p50,
          p99: r.latency.p99,
          failures: r.non2xx + r.errors + r.timeouts,
          requests: r.requests.total,
        });
      } catch (e) {
        reject(new Error(`autocannon output unreadable: ${(e as Error).message}\n${out.slice(0, 500)}`));
      }
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Warm-up, then `runs` runs; each figure is the median over the runs. */
export async function measure(request: Request, settings: LoadSettings): Promise<Measurement> {
  if (settings.warmup > 0) await autocannon(request, settings.connections, settings.warmup);
  const runs: RunFigures[] = [];
  for (let i = 0; i < settings.runs; i++) runs.push(await autocannon(request, settings.connections, settings.duration));
  return {
    rps: median(runs.map((r) => r.rps)),
    mean: median(runs.map((r) => r.mean)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    failures: runs.reduce((n, r) => n + r.failures, 0),
    requests: runs.reduce((n, r) => n + r.requests, 0),
    runs,
  };
}
