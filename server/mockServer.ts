/**
 * The stateful mock for end-to-end tests, started from code: Playwright's `globalSetup`, Vitest's `globalSetup`, or a
 * test file. It is the reference server on an in-memory database (by default) with the control API on, so each test
 * can take an account of its own and reset it:
 *
 *   const mock = await startMockServer({ port: 0, demoData: true });
 *   mock.url;                              // http://127.0.0.1:<port>/api
 *   const account = await mock.newAccount(); // { url, token, accountId, reset() }, an account of its own
 *   await account.reset();                 // back as it was when created
 *   await mock.close();
 *
 * From another process (a Playwright worker), `controlClient(mock.controlUrl)` makes and resets accounts the same way.
 */
import { startServer } from './start.js';
import { controlClient, type ControlClient, type MockAccount, type NewAccountOptions } from './control/client.js';

export { controlClient, ControlApiError } from './control/client.js';
export type { ControlAccountInfo, ControlClient, MockAccount, NewAccountOptions } from './control/client.js';

export interface MockServerOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Address to bind (default 127.0.0.1). Another address than loopback needs `controlToken`. */
  host?: string;
  /** The default account, and new accounts unless they say otherwise, start with the demo data (default true). */
  demoData?: boolean;
  /** SQLite file, or `:memory:` (the default). */
  databasePath?: string;
  /** The server's clock: fix it to get the same timestamps in every run. */
  now?: () => Date;
  /** Requests per minute and token (default 10000, so parallel tests do not meet it; Monica's is 60). */
  rateLimit?: number;
  /** The control token (required on an address other than loopback). */
  controlToken?: string;
  log?: (message: string) => void;
}

export interface MockServer extends MockAccount {
  /** The control API's base URL, ending in `/_control`, for `controlClient` in other processes. */
  controlUrl: string;
  /** A fresh account of its own, made through the control API. */
  newAccount(options?: NewAccountOptions): Promise<MockAccount>;
  /** The control API's client, for the account list or a reset by id. */
  control: ControlClient;
  /** Stops the server (and drops the in-memory database). */
  close(): Promise<void>;
}

export const MOCK_RATE_LIMIT = 10_000;

export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const running = await startServer({
    port: options.port ?? 0,
    host: options.host,
    demoData: options.demoData ?? true,
    databasePath: options.databasePath ?? ':memory:',
    now: options.now,
    rateLimit: options.rateLimit ?? MOCK_RATE_LIMIT,
    controlApi: true,
    controlToken: options.controlToken,
    log: options.log,
  });
  const controlUrl = running.controlUrl!;
  const control = controlClient(controlUrl, { token: options.controlToken });
  const accountId = running.accountIds.demo;
  return {
    url: running.url,
    token: running.tokens.demo,
    accountId,
    controlUrl,
    control,
    newAccount: (opts) => control.newAccount(opts),
    reset: async () => {
      await control.reset(accountId);
    },
    close: () => running.close(),
  };
}
