// CORS over real HTTP: any origin by default, a configured list restricts; preflights are answered before
// authentication, rate limiting and routing; errors carry the headers too, so a browser can read them.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../../server/start.js';
import { createTestClock } from '../helpers/clock.js';

// On a busy machine servers start and answer slowly; these bounds only catch a hang.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const APP = 'https://app.example.org';
const DEV = 'http://localhost:5173';
const STRANGER = 'https://evil.example.net';

let open: RunningServer;
let restricted: RunningServer;

beforeAll(async () => {
  // A standing clock keeps each minute's budget predictable; a limit of 3 makes the 429 easy to reach.
  const clock = createTestClock();
  open = await startServer({ demoData: false, rateLimit: 3, now: clock.now, log: () => {} });
  restricted = await startServer({ demoData: false, rateLimit: 1_000, now: clock.now, log: () => {}, corsOrigins: [APP, DEV] });
});
afterAll(async () => {
  await open?.close();
  await restricted?.close();
});

async function send(server: RunningServer, method: string, path: string, headers: Record<string, string>) {
  const response = await fetch(`${server.url}${path}`, { method, headers });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const preflight = (server: RunningServer, path: string, origin: string, method = 'POST') =>
  send(server, 'OPTIONS', path, {
    Origin: origin,
    'Access-Control-Request-Method': method,
    'Access-Control-Request-Headers': 'authorization, content-type, prefer',
  });

const list = (value: string | null) => (value ?? '').split(',').map((v) => v.trim().toLowerCase()).filter(Boolean);

describe('by default (any origin)', () => {
  it('answers a preflight with 204, the methods, the headers a client sends, and a max age, without a token', async () => {
    const answer = await preflight(open, '/contacts/123', 'https://anything.example.com', 'PUT');
    expect(answer.status).toBe(204);
    expect(answer.text).toBe('');
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(list(answer.headers.get('access-control-allow-methods'))).toEqual(expect.arrayContaining(['get', 'post', 'put', 'delete']));
    expect(list(answer.headers.get('access-control-allow-headers'))).toEqual(expect.arrayContaining(['authorization', 'content-type', 'prefer']));
    expect(Number(answer.headers.get('access-control-max-age'))).toBeGreaterThan(0);
  });

  it('answers preflights before routing and rate limiting: unknown paths too, and no budget is used', async () => {
    expect((await preflight(open, '/no/such/path', APP)).status).toBe(204);
    for (let i = 0; i < 5; i += 1) expect((await preflight(open, '/tags', APP, 'GET')).status).toBe(204);
    const real = await send(open, 'GET', '/tags', { Origin: APP, Authorization: `Bearer ${open.tokens.demo}` });
    expect([real.status, real.headers.get('x-ratelimit-remaining')]).toEqual([200, '2']);
  });

  it('lets a script read the rate-limit headers of a success', async () => {
    const answer = await send(open, 'GET', '/currencies?limit=1', { Origin: APP });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(list(answer.headers.get('access-control-expose-headers'))).toEqual(
      expect.arrayContaining(['x-ratelimit-limit', 'x-ratelimit-remaining', 'retry-after']),
    );
  });

  it('puts the CORS headers on errors: 401, 404 and 429', async () => {
    const unauthenticated = await send(open, 'GET', '/contacts', { Origin: APP });
    const missing = await send(open, 'GET', '/nowhere', { Origin: APP });
    const token = open.issueToken('cors-429');
    let limited = await send(open, 'GET', '/tags', { Origin: APP, Authorization: `Bearer ${token}` });
    while (limited.status === 200) limited = await send(open, 'GET', '/tags', { Origin: APP, Authorization: `Bearer ${token}` });
    expect([unauthenticated.status, missing.status, limited.status]).toEqual([401, 404, 429]);
    for (const answer of [unauthenticated, missing, limited]) {
      expect(answer.headers.get('access-control-allow-origin')).toBe('*');
      expect(list(answer.headers.get('access-control-expose-headers'))).toContain('retry-after');
    }
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});

describe('with a list of origins', () => {
  it('allows the listed origins by name, and says that the answer varies with the origin', async () => {
    for (const origin of [APP, DEV]) {
      const pre = await preflight(restricted, '/contacts', origin);
      expect([pre.status, pre.headers.get('access-control-allow-origin')]).toEqual([204, origin]);
      expect(list(pre.headers.get('access-control-allow-headers'))).toContain('authorization');
      const real = await send(restricted, 'GET', '/contacts', { Origin: origin, Authorization: `Bearer ${restricted.tokens.demo}` });
      expect([real.status, real.headers.get('access-control-allow-origin')]).toEqual([200, origin]);
      expect(list(real.headers.get('vary'))).toContain('origin');
    }
  });

  it('gives another origin no Allow-Origin, on preflights, successes and errors', async () => {
    const pre = await preflight(restricted, '/contacts', STRANGER);
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    expect(pre.headers.get('access-control-allow-methods')).toBeNull();
    const real = await send(restricted, 'GET', '/contacts', { Origin: STRANGER, Authorization: `Bearer ${restricted.tokens.demo}` });
    const refused = await send(restricted, 'GET', '/contacts', { Origin: STRANGER });
    expect([real.status, refused.status]).toEqual([200, 401]);
    for (const answer of [real, refused]) {
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      expect(answer.headers.get('access-control-expose-headers')).toBeNull();
    }
  });
});
