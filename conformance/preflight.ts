// Before any check runs: is the URL a Monica-compatible API, and does it accept the tokens? Every problem here is
// a UsageError (exit 2) with one line that says what to fix, not a page of failed checks.
import type { Target } from './types.js';
import { UsageError } from './errors.js';
import { parseJson } from './http.js';

const TIMEOUT_MS = 10_000;

/** `http://host:port/api/` → `http://host:port/api`; refuses anything that is not an http(s) URL ending in /api. */
export function normalizeBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--url "${raw}" is not a URL; give the API's base URL, e.g. https://monica.example.org/api`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--url "${raw}" must start with http:// or https://`);
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  if (!base.endsWith('/api')) throw new UsageError(`--url "${raw}" must be the API's base URL, ending in /api`);
  if (url.search || url.hash) throw new UsageError(`--url "${raw}" must not carry a query or a fragment`);
  return base;
}

interface Me {
  status: number;
  type: string;
  accountId?: number;
}

async function getMe(baseUrl: string, token: string): Promise<Me> {
  let res: Response;
  try {
    res = await fetch(`${baseUrl}/me`, {
      headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'manual',
    });
  } catch (err) {
    throw new UsageError(`cannot reach ${baseUrl}: ${connectionProblem(err)}`);
  }
  const type = res.headers.get('content-type') ?? '';
  const text = await res.text().catch(() => '');
  const json = parseJson(text) as { data?: { account?: { id?: unknown } } } | undefined;
  if (!/json/i.test(type) || json === undefined) {
    const what = /html/i.test(type) || /^\s*</.test(text) ? 'HTML' : type ? `"${type}"` : 'a body that is not JSON';
    throw new UsageError(
      `${baseUrl}/me answered ${res.status} with ${what}, not JSON: this is not a Monica API (is --url the API's base URL, ending in /api?)`,
    );
  }
  const accountId = json?.data?.account?.id;
  return { status: res.status, type, accountId: typeof accountId === 'number' ? accountId : undefined };
}

function connectionProblem(err: unknown): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) return `no answer within ${TIMEOUT_MS / 1000} s`;
  const cause = err instanceof Error ? (err.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code === 'ECONNREFUSED') return 'connection refused (is the server running?)';
  if (cause?.code === 'ENOTFOUND') return 'unknown host';
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}

function expectAccepted(me: Me, flag: string, baseUrl: string) {
  if (me.status === 401) throw new UsageError(`${flag} was refused: GET ${baseUrl}/me answered 401`);
  if (me.status === 429) throw new UsageError(`${flag} is over the server's rate limit (GET ${baseUrl}/me answered 429); wait a minute`);
  if (me.status !== 200) throw new UsageError(`GET ${baseUrl}/me with ${flag} answered ${me.status}, not 200: is this a Monica-compatible API?`);
}

/** Checks the server and every token; resolves to the target with its normalized base URL. */
export async function preflight(target: Target): Promise<Target> {
  const baseUrl = normalizeBaseUrl(target.baseUrl);
  if (!target.token) throw new UsageError('--token is required with --url (a token of the account the checks may write to)');
  const me = await getMe(baseUrl, target.token);
  expectAccepted(me, '--token', baseUrl);
  if (target.otherToken) {
    const other = await getMe(baseUrl, target.otherToken);
    expectAccepted(other, '--token-other', baseUrl);
    if (me.accountId !== undefined && other.accountId === me.accountId) {
      throw new UsageError('--token-other belongs to the same account as --token; it must be a token of a second account');
    }
  }
  if (target.burnToken) {
    const burn = await getMe(baseUrl, target.burnToken);
    // A budget an earlier run used up answers 429 for the rest of its minute, which is what the 429 checks want.
    if (burn.status !== 429) expectAccepted(burn, '--burn-token', baseUrl);
    if (me.accountId !== undefined && burn.accountId !== undefined && burn.accountId !== me.accountId) {
      throw new UsageError('--burn-token belongs to another account; it must be a second token of the --token account');
    }
  }
  return { ...target, baseUrl };
}
