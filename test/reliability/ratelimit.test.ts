// The rate limit under load: of 200 concurrent requests against 60 a minute exactly 60 pass, the others get 429
// (code 34) with Retry-After; budgets are per token; requests without a valid token use no one's budget.
// The server's clock stands still (test/helpers/clock.ts), so the minute cannot roll over during a test.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeTestServers, startTestServer, type TestServer } from '../helpers/server.js';

// On a busy machine servers start and answer slowly; these bounds only catch a hang.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const LIMIT = 60;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ rateLimit: LIMIT });
});
afterAll(closeTestServers);

interface Answer {
  status: number;
  remaining: string | null;
  limit: string | null;
  retryAfter: string | null;
  body: unknown;
}

async function get(path: string, token?: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${server.url}${path}`, {
    headers: { Accept: 'application/json', ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }), ...headers },
  });
  return {
    status: response.status,
    remaining: response.headers.get('x-ratelimit-remaining'),
    limit: response.headers.get('x-ratelimit-limit'),
    retryAfter: response.headers.get('retry-after'),
    body: await response.json(),
  };
}

describe('200 concurrent requests against a limit of 60 a minute', () => {
  let answers: Answer[];
  beforeAll(async () => {
    const token = server.issueToken('load');
    answers = await Promise.all(Array.from({ length: 200 }, () => get('/tags?limit=1', token)));
  });

  it('let exactly 60 through, each with its own X-RateLimit-Remaining from 59 down to 0', () => {
    const passed = answers.filter((a) => a.status === 200);
    expect(passed).toHaveLength(LIMIT);
    expect(passed.map((a) => Number(a.remaining)).sort((a, b) => b - a)).toEqual(Array.from({ length: LIMIT }, (_, i) => LIMIT - 1 - i));
    for (const a of passed) expect(a.limit).toBe(String(LIMIT));
  });

  it('answer the other 140 with 429, code 34, Retry-After and no budget left', () => {
    const refused = answers.filter((a) => a.status !== 200);
    expect(refused).toHaveLength(140);
    for (const a of refused) {
      expect(a.status).toBe(429);
      expect(a.body).toEqual({ error: { message: 'Too many attempts, please slow down the request', error_code: 34 } });
      expect(a.remaining).toBe('0');
      expect(a.limit).toBe(String(LIMIT));
      // The clock stands at the start of the window: the whole minute is left.
      expect(a.retryAfter).toBe('60');
    }
  });

  it('refill once the minute is over', async () => {
    const token = server.issueToken('refill');
    await Promise.all(Array.from({ length: LIMIT }, () => get('/tags?limit=1', token)));
    expect((await get('/tags?limit=1', token)).status).toBe(429);
    server.clock.advance(30);
    const halfway = await get('/tags?limit=1', token);
    expect([halfway.status, halfway.retryAfter]).toEqual([429, '30']);
    server.clock.advance(30);
    const next = await get('/tags?limit=1', token);
    expect([next.status, next.remaining]).toEqual([200, String(LIMIT - 1)]);
  });
});

describe('budgets', () => {
  it('are per token: a used-up token leaves another token of the same account untouched', async () => {
    const spent = server.issueToken('spent');
    const fresh = server.issueToken('fresh');
    await Promise.all(Array.from({ length: LIMIT + 5 }, () => get('/tags?limit=1', spent)));
    expect((await get('/tags?limit=1', spent)).status).toBe(429);
    const answer = await get('/tags?limit=1', fresh);
    expect([answer.status, answer.remaining]).toEqual([200, String(LIMIT - 1)]);
  });

  it('are not used by requests without a token or with a bad one: they get 401, never 429', async () => {
    const answers = await Promise.all([
      ...Array.from({ length: 100 }, () => get('/tags?limit=1')),
      ...Array.from({ length: 100 }, () => get('/tags?limit=1', 'not-a-token-of-anyone')),
    ]);
    for (const a of answers) {
      expect(a.status).toBe(401);
      expect(a.body).toEqual({ message: 'Unauthenticated.' });
      expect(a.remaining).toBeNull();
    }
    // The caller's address was not charged either: its public budget is whole.
    const publicCall = await get('/currencies?limit=1');
    expect([publicCall.status, publicCall.remaining]).toEqual([200, String(LIMIT - 1)]);
    // Nor was any account's token.
    const token = server.issueToken('after-401s');
    expect((await get('/tags?limit=1', token)).remaining).toBe(String(LIMIT - 1));
  });
});
