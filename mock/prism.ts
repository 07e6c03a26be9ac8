/**
 * Starts the Prism mock of the contract in a child process (mock/prism-process.mjs) on
 * generated/openapi-mock.json, the bundle with every path under `/api`, so that a client configured for a real
 * Monica (`https://host/api`) works unchanged against `http://127.0.0.1:PORT/api`.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generatedFile } from '../contract/files.js';

const PROCESS_SCRIPT = fileURLToPath(new URL('./prism-process.mjs', import.meta.url));

export interface MockOptions {
  /** Port to listen on; 0 or undefined lets the system pick a free one. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Generate responses from the schemas (json-schema-faker) instead of the spec's examples. */
  dynamic?: boolean;
  /** Seed of the dynamic generation (default 1): the same seed gives the same answers. */
  seed?: number;
  /** Spec to serve; default generated/openapi-mock.json. */
  spec?: string;
  /**
   * What the mock logs: `info` (default) a line per request and the contract violations; `error` only the
   * violations and failures (cheaper under load); `silent` nothing.
   */
  logLevel?: 'info' | 'error' | 'silent';
  /** Receives the mock's log as it comes (it is also kept, and shown if the mock fails to start). */
  onOutput?: (text: string) => void;
  /** How long to wait for the mock to listen, in ms (default 30000). */
  timeoutMs?: number;
}

export interface MockServer {
  /** Base URL for clients, with the `/api` prefix: `http://127.0.0.1:4010/api`. */
  url: string;
  host: string;
  port: number;
  /** Resolves with the mock's exit code (or signal name) when it exits. */
  exited: Promise<number | string>;
  stop(): Promise<void>;
}

/** The arguments of mock/prism-process.mjs. */
export function processArgs(spec: string, options: { host: string; port: number; dynamic: boolean; seed: number; logLevel: string }): string[] {
  const args = ['--spec', spec, '--host', options.host, '--port', String(options.port), '--seed', String(options.seed), '--log-level', options.logLevel];
  if (options.dynamic) args.push('--dynamic');
  return args;
}

export async function startMock(options: MockOptions = {}): Promise<MockServer> {
  const host = options.host ?? '127.0.0.1';
  const spec = options.spec ?? generatedFile('openapi-mock.json');
  if (!existsSync(spec)) throw new Error(`${spec} is missing: run \`npm run bundle\` first`);
  const args = processArgs(spec, {
    host,
    port: options.port ?? 0,
    dynamic: options.dynamic ?? false,
    seed: options.seed ?? 1,
    logLevel: options.logLevel ?? 'info',
  });

  const child = spawn(process.execPath, [PROCESS_SCRIPT, ...args], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-20_000);
    options.onOutput?.(text);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exitedWith: number | string | undefined;
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      exitedWith = code ?? signal ?? 1;
      resolve(exitedWith);
    });
    child.once('error', (error) => {
      output += String(error);
      exitedWith = 1;
      resolve(1);
    });
  });

  const stop = async (): Promise<void> => {
    if (exitedWith !== undefined) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };

  // The child sends its address once it listens; exiting first, or the deadline, is a failure with its output.
  const listening = new Promise<string>((resolve) => {
    child.on('message', (message: unknown) => {
      if (typeof message === 'object' && message !== null && typeof (message as { listening?: unknown }).listening === 'string') {
        resolve((message as { listening: string }).listening);
      }
    });
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), options.timeoutMs ?? 30_000);
  });
  const outcome = await Promise.race([listening, exited.then(() => 'exited' as const), deadline]);
  clearTimeout(timer);
  if (outcome === 'exited') throw new Error(`the mock exited (${exitedWith}) before listening:\n${output}`);
  if (outcome === 'timeout') {
    await stop();
    throw new Error(`the mock did not listen on ${host} in time:\n${output}`);
  }
  const port = Number(/:(\d+)\/?$/.exec(outcome)?.[1]);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${urlHost}:${port}/api`, host, port, exited, stop };
}
