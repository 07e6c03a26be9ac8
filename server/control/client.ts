// A client of the control API (server/control/openapi.yaml) with nothing but fetch, for wherever tests run: a
// Playwright worker, a Vitest file, a global setup. startMockServer uses it too.

/** An account as the control API answers it. */
export interface ControlAccountInfo {
  id: number;
  name: string;
  created_at: string;
  demo_data: boolean | null;
  resettable: boolean;
}

/** One account of the mock, ready for a test. */
export interface MockAccount {
  /** The Monica API base URL, ending in `/api`. */
  url: string;
  /** A Monica API token of the account (`Authorization: Bearer <token>`). */
  token: string;
  accountId: number;
  /** Puts the account back as it was right after it was created. */
  reset(): Promise<void>;
}

export interface NewAccountOptions {
  /** Start with the demo account's content (default: the server's setting, on unless started with `--empty`). */
  demoData?: boolean;
  /** A label for the account list. */
  name?: string;
}

export interface ControlClient {
  /** Creates an account through the control API. */
  newAccount(options?: NewAccountOptions): Promise<MockAccount>;
  /** Resets an account to its starting state; answers the rows that came back under new ids (usually none). */
  reset(accountId: number): Promise<Array<{ table: string; from: number; to: number }>>;
  accounts(): Promise<ControlAccountInfo[]>;
}

/** The error body of the control API, thrown as an Error naming the status and the code. */
export class ControlApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`control API ${status} ${code}: ${message}`);
  }
}

/**
 * `controlUrl` is the control API's base URL, ending in `/_control` (startMockServer's `controlUrl`, or
 * `http://127.0.0.1:8080/_control` for `npm start`). `token` is the control token, when the server has one.
 */
export function controlClient(controlUrl: string, options: { token?: string } = {}): ControlClient {
  const base = controlUrl.replace(/\/+$/, '');
  const headers: Record<string, string> = options.token ? { Authorization: `Bearer ${options.token}` } : {};

  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const parsed: unknown = text === '' ? undefined : JSON.parse(text);
    if (!res.ok) {
      const error = (parsed as { error?: { code?: string; message?: string } } | undefined)?.error;
      throw new ControlApiError(res.status, error?.code ?? 'unknown', error?.message ?? text);
    }
    return parsed as T;
  }

  const reset = async (accountId: number) =>
    (await call<{ renumbered: Array<{ table: string; from: number; to: number }> }>('POST', `/accounts/${accountId}/reset`)).renumbered;

  return {
    async newAccount(opts = {}) {
      const request: Record<string, unknown> = {};
      if (opts.demoData !== undefined) request.demo_data = opts.demoData;
      if (opts.name !== undefined) request.name = opts.name;
      const created = await call<ControlAccountInfo & { token: string; api_url: string }>('POST', '/accounts', request);
      return {
        url: created.api_url,
        token: created.token,
        accountId: created.id,
        reset: async () => {
          await reset(created.id);
        },
      };
    },
    reset,
    accounts: async () => (await call<{ data: ControlAccountInfo[] }>('GET', '/accounts')).data,
  };
}
