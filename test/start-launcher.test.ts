// `npm start` runs scripts/start-server.mjs: the server bundled once, bundled again when a source file changes.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../scripts/lib/paths.js';

const launcher = path.join(repoRoot, 'scripts', 'start-server.mjs');
const bundle = path.join(repoRoot, 'node_modules', '.cache', 'monica-server', 'main.mjs');
const stamp = path.join(repoRoot, 'node_modules', '.cache', 'monica-server', 'inputs.json');

/** Runs the launcher with --help (the server prints its options and exits) and answers the bundle's mtime. */
function launch(): number {
  const run = spawnSync(process.execPath, [launcher, '--help'], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain('--database');
  return statSync(bundle).mtimeMs;
}

describe('npm start launcher', () => {
  it('bundles the server, reuses the bundle while no source changes, and bundles again when one does', () => {
    const first = launch();
    const inputs = (JSON.parse(readFileSync(stamp, 'utf8')) as { inputs: string[] }).inputs;
    // The bundle holds the server's own modules (npm packages stay outside it).
    expect(inputs).toContain('server/main.ts');
    expect(inputs).toContain('server/http/validation.ts');
    expect(inputs.some((file) => file.includes('node_modules'))).toBe(false);
    expect(launch()).toBe(first);

    // A source file touched (its content unchanged): the next start bundles again; so does putting the time back.
    const source = path.join(repoRoot, 'server', 'text.ts');
    const { atime, mtime } = statSync(source);
    try {
      utimesSync(source, atime, new Date(mtime.getTime() + 2000));
      const second = launch();
      expect(second).toBeGreaterThan(first);
      utimesSync(source, atime, mtime);
      expect(launch()).toBeGreaterThan(second);
    } finally {
      utimesSync(source, atime, mtime);
    }
  }, 120_000);
});
