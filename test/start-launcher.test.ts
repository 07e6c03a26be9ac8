// `npm start` runs scripts/start-server.mjs: the server bundled once, bundled again when a source file changes.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
    // The bundle holds the server's modules and the packages they use, but not the native SQLite addon.
    expect(inputs).toContain('server/main.ts');
    expect(inputs).toContain('server/http/validation.ts');
    expect(inputs.some((file) => file.startsWith('node_modules/express-openapi-validator/'))).toBe(true);
    expect(inputs.some((file) => file.startsWith('node_modules/better-sqlite3/'))).toBe(false);
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

  it('the bundled server answers as the contract says: reads, refusals, uploads, the documents and the control API', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'monica-launch-'));
    const child = spawn(process.execPath, [launcher, '--port', '0', '--database', path.join(dir, 'db.sqlite')], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let out = '';
      const ready = await new Promise<{ url: string; token: string }>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const url = /listening on (\S+)/.exec(out)?.[1];
          const token = /Demo account token: (\S+)/.exec(out)?.[1];
          if (url && token) resolve({ url, token });
        });
        child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)));
      });
      const auth = { authorization: `Bearer ${ready.token}` };
      const list = await fetch(`${ready.url}/contacts?limit=2`, { headers: auth });
      expect(list.status).toBe(200);
      expect(((await list.json()) as { data: unknown[] }).data).toHaveLength(2);
      // express-openapi-validator's request check and the Monica envelope.
      const refused = await fetch(`${ready.url}/contacts`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' });
      expect(refused.status).toBe(422);
      expect(((await refused.json()) as { error: { error_code: number } }).error.error_code).toBe(32);
      // multer, through the validator's multipart step.
      const contactId = (((await (await fetch(`${ready.url}/contacts?limit=1`, { headers: auth })).json()) as { data: { id: number }[] }).data[0]!).id;
      const form = new FormData();
      form.set('contact_id', String(contactId));
      form.set('document', new Blob(['hello'], { type: 'text/plain' }), 'note.txt');
      const upload = await fetch(`${ready.url}/documents`, { method: 'POST', headers: auth, body: form });
      expect(upload.status, await upload.clone().text()).toBe(201);
      // Files found beside the sources: the spec, its YAML form (yaml loaded on first use), the docs page, the control API's document.
      const origin = new URL(ready.url).origin;
      expect((await fetch(`${origin}/openapi.json`)).status).toBe(200);
      expect(await (await fetch(`${origin}/openapi.yaml`)).text()).toMatch(/^openapi: 3\.1/m);
      expect((await fetch(`${origin}/docs`)).headers.get('content-type')).toMatch(/text\/html/);
      expect(await (await fetch(`${origin}/_control/openapi.yaml`)).text()).toMatch(/^openapi: /m);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('close', resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
