// The reference server publishes its own contract: the docs page and the bundled spec in JSON and YAML.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../server/start.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = JSON.parse(readFileSync(`${root}generated/openapi.json`, 'utf8'));

describe('contract routes of the reference server', () => {
  let server: RunningServer;
  let origin: string;
  beforeAll(async () => {
    server = await startServer({ demoData: false });
    origin = server.url.replace(/\/api$/, '');
  });
  afterAll(() => server.close());

  it('serves the bundled spec at /openapi.json, unchanged by the validator', async () => {
    const res = await fetch(`${origin}/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual(bundle);
  });

  it('serves the same spec as YAML at /openapi.yaml', async () => {
    const res = await fetch(`${origin}/openapi.yaml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/yaml/);
    expect(parse(await res.text())).toEqual(bundle);
  });

  it('serves the rendered reference at /docs', async () => {
    const res = await fetch(`${origin}/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain(bundle.info.title);
  });

  it('knows the control API (/_control, its own document) as no part of the Monica API', async () => {
    const paths = Object.keys(bundle.paths);
    expect(paths.filter((p) => p.includes('_control'))).toEqual([]);
    expect(JSON.stringify(bundle.servers)).not.toContain('_control');
    // Under the Monica base URL it does not exist; outside it, it answers on its own terms.
    expect((await fetch(`${server.url}/_control/accounts`)).status).toBe(404);
    expect((await fetch(`${origin}/_control/accounts`)).status).toBe(200);
  });

  it('answers an unknown path outside /api with the error envelope', async () => {
    const res = await fetch(`${origin}/nothing-here`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { message: 'The resource has not been found', error_code: 31 } });
  });
});
