/**
 * Starting and stopping the measured servers, each in its own process, and reading a process's peak memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

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
