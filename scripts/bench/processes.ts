/**
 * Starting and stopping the measured servers, each in its own process, and reading a process's peak memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../lib/paths.js';

export interface ServerProcess {
  pid: number;
  /** The values the ready pattern captured, by group name. */
  captured: Record<string, string>;
  /** Milliseconds from spawning the process until it was ready. */
  readyMs: number;
  /** Peak resident memory so far, in bytes (undefined when /proc is not readable). */
  peakRss(): number | undefined;
  /** Asks the process to stop (SIGTERM, then SIGKILL after 10 s) and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Runs `command args` and waits until its output has matched every pattern (named groups are captured).
 * Fails when the process exits first or after `timeoutMs`.
 */
export function startProcess(
  command: string,
  args: string[],
  patterns: RegExp[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<ServerProcess> {
  const spawnedAt = performance.now();
  const child: ChildProcess = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exit;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${command} ${args.join(' ')} did not start in time:\n${output}`));
    }, options.timeoutMs ?? 60_000);
    const check = () => {
      const matches = patterns.map((p) => p.exec(output));
      if (matches.some((m) => m === null)) return;
      clearTimeout(timer);
      const captured = Object.assign({}, ...matches.map((m) => m!.groups ?? {})) as Record<string, string>;
      resolve({ pid: child.pid!, captured, readyMs: performance.now() - spawnedAt, peakRss: () => peakRss(child.pid!), stop });
    };
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-50_000);
      check();
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(' ')} exited (${code}) before it was ready:\n${output}`));
    });
  });
}

/** VmHWM of a live process: the most resident memory it has held, in bytes. */
export function peakRss(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

/**
 * The bench's own servers (bare-http.ts, bare-express.ts, json-server.ts) as plain JavaScript, built by esbuild
 * as `npm start` builds the reference server: run through tsx, each process would also hold the TypeScript
 * loader's thread (about 35 MB more peak memory). Written under node_modules' real directory so that the
 * packages resolve from there; `remove()` deletes them.
 */
export async function bundleScripts(names: string[]): Promise<{ file(name: string): string; remove(): void }> {
  const { build } = await import('esbuild');
  const cache = path.join(realpathSync(path.join(repoRoot, 'node_modules')), '.cache');
  // A fresh install has no node_modules/.cache yet.
  mkdirSync(cache, { recursive: true });
  const outdir = mkdtempSync(path.join(cache, 'monica-bench-'));
  await build({
    entryPoints: names.map((n) => path.join(repoRoot, 'scripts', 'bench', `${n}.ts`)),
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    packages: 'external',
    logLevel: 'error',
  });
  return {
    file: (name) => path.join(outdir, `${name}.mjs`),
    remove: () => rmSync(outdir, { recursive: true, force: true }),
  };
}

const BUNDLE_DIR = path.join(repoRoot, 'node_modules', '.cache', 'monica-server');

/**
 * Whether the bundle `npm start` runs was last built from this checkout. node_modules (and so the bundle's
 * cache) can be shared with other checkouts, and each rebuilds it from its own sources when it starts.
 */
export function bundleIsOurs(): boolean {
  try {
    return (JSON.parse(readFileSync(path.join(BUNDLE_DIR, 'inputs.json'), 'utf8')) as { root?: string }).root === repoRoot;
  } catch {
    return false;
  }
}

/** Copies the bundle's source map to `to` when the bundle is this checkout's; false when it is not. */
export function copyBundleMap(to: string): boolean {
  if (!bundleIsOurs()) return false;
  copyFileSync(path.join(BUNDLE_DIR, 'main.mjs.map'), to);
  return bundleIsOurs();
}
