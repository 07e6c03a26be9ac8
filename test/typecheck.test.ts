// The whole project type-checks: the server's handlers implement the generated stubs exactly.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('tsc --strict over server, scripts, mock, tests and generated code', () => {
  it('reports no error', () => {
    const run = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(`${run.stdout}${run.stderr}`).toBe('');
    expect(run.status).toBe(0);
  }, 130_000);
});
