// Wall-clock times of the project's own commands, each run as a user would (`npm run <script>`).
import { spawn } from 'node:child_process';
import { repoRoot } from '../lib/paths.js';

export interface ToolTime {
  script: string;
  seconds: number;
  exitCode: number;
  /** The last lines of output, kept when the command failed. */
  tail?: string;
}

export function timeNpmScript(script: string): Promise<ToolTime> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const keep = (c: Buffer) => (out = (out + c.toString()).slice(-4000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('exit', (code) => {
      const exitCode = code ?? 1;
      const seconds = (performance.now() - started) / 1000;
      resolve({ script, seconds, exitCode, ...(exitCode !== 0 ? { tail: out.split('\n').slice(-15).join('\n') } : {}) });
    });
  });
}
