/** Runs a command to completion, capturing its output; throws with that output when it fails. */
import { spawnSync } from 'node:child_process';
import { repoRoot } from './paths.js';

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** `env` adds to (or overrides) the inherited environment; `check: false` returns a failure instead of throwing. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd?: string; check?: boolean; env?: Record<string, string> } = {},
): RunResult {
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? repoRoot,
    encoding: 'utf8',
    // REDOCLY_TELEMETRY=off: no usage report from the CLI, and `disableTelemetry` in the built docs page.
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', REDOCLY_TELEMETRY: 'off', ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  const out: RunResult = { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
  if ((options.check ?? true) && out.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${out.status}\n${out.stdout}\n${out.stderr}`);
  }
  return out;
}
