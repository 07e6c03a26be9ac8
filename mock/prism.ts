/**
 * Starts Prism on generated/openapi-mock.json (the bundle with every path under `/api`), so a client
 * configured for a real Monica (`https://host/api`) works unchanged against `http://127.0.0.1:PORT/api`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { bin, outputPaths } from '../scripts/lib/paths.js';

export interface MockOptions {
  /** Port to listen on; 0 or undefined picks a free one. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Generate responses from the schemas (json-schema-faker) instead of the spec's examples. */
  dynamic?: boolean;
  /** Seed of the dynamic generation (default 1), so that answers repeat from run to run. */
  seed?: number;
  /** Spec to serve; default generated/openapi-mock.json. */
  spec?: string;
  /** Prism's log level; default `error`. */
  logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
  /** Receives Prism's output as it comes (it is also kept, and shown if Prism fails to start). */
  onOutput?: (text: string) => void;
  /** How long to wait for Prism to listen, in ms (default 30000). */
  timeoutMs?: number;
}

export interface MockServer {
  /** Base URL for clients, with the `/api` prefix: `http://127.0.0.1:4010/api`. */
  url: string;
  host: string;
  port: number;
  /** Resolves with Prism's exit code (or signal name) when it exits. */
  exited: Promise<number | string>;
  stop(): Promise<void>;
}

/** Prism cannot listen on port 0: take a free port from the OS, release it and hand it over. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(500);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

export function prismArgs(spec: string, options: { host: string; port: number; dynamic: boolean; seed: number; logLevel: string }): string[] {
  const args = ['mock', spec, '--host', options.host, '--port', String(options.port), '--verboseLevel', options.logLevel];
  if (options.dynamic) {
    // Without fillProperties=false, json-schema-faker invents properties where additionalProperties allows them.
    args.push('--dynamic', '--seed', String(options.seed), '--json-schema-faker-fillProperties=false');
  }
  return args;
}

export async function startMock(options: MockOptions = {}): Promise<MockServer> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ? options.port : await freePort(host);
  const spec = options.spec ?? outputPaths().mock;
  if (!existsSync(spec)) throw new Error(`${spec} is missing: run \`npm run bundle\` first`);
  const args = prismArgs(spec, {
    host,
    port,
    dynamic: options.dynamic ?? false,
    seed: options.seed ?? 1,
    logLevel: options.logLevel ?? 'error',
  });

  const child: ChildProcess = spawn(bin('prism'), args, { stdio: ['ignore', 'pipe', 'pipe'] });
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

  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  while (!(await canConnect(host, port))) {
    if (exitedWith !== undefined) throw new Error(`Prism exited (${exitedWith}) before listening:\n${output}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Prism did not listen on ${host}:${port} in time:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${urlHost}:${port}/api`, host, port, exited, stop };
}
