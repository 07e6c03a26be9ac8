// What the control API does, without HTTP: create an account (keeping its starting state), reset one to that state,
// list them. The rows are kept and written back by store/accountSnapshots.ts; the stored files (demo photos and
// documents) are kept here beside them, by name and bytes.
import { formatTimestamp } from '../present/dates.js';
import { issueToken } from '../store/accounts.js';
import {
  captureAccountRows,
  ensureStartingStateTable,
  findAccountWithStartingState,
  findStartingState,
  listAccountsWithStartingState,
  restoreAccountRows,
  saveStartingState,
  storedFilesOfAccount,
  type AccountListRow,
  type AccountRows,
  type Renumbered,
} from '../store/accountSnapshots.js';
import type { Db } from '../store/db.js';
import { readStoredFile, removeStoredFiles, restoreStoredFile } from '../store/files.js';
import { createFreshAccount } from '../seed/demo.js';

export interface ControlContext {
  db: Db;
  filesDir: string;
  now: () => Date;
  /** Whether a new account gets the demo data when the request does not say (the server's `--empty` setting). */
  demoDataByDefault: boolean;
}

/** An account as the control API answers it (schema `Account` of server/control/openapi.yaml). */
export interface ControlAccount {
  id: number;
  name: string;
  created_at: string;
  demo_data: boolean | null;
  resettable: boolean;
}

export const DEFAULT_ACCOUNT_NAME = 'Test account';

/** A refusal of the control API: its status, stable code and sentence (schema `Error`). */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** What is kept of an account right after its creation. */
interface StartingState {
  rows: AccountRows;
  /** The account's stored files by path (relative to the files directory), as base64. */
  files: Record<string, string>;
}

/** Prepares the database for the control API (its table of starting states). */
export function initControl(db: Db): void {
  ensureStartingStateTable(db);
}

/** Keeps the account's current state as the one a reset goes back to. Call it right after creating the account. */
export function keepStartingState(ctx: ControlContext, accountId: number, demoData: boolean): void {
  const files: Record<string, string> = {};
  for (const path of storedFilesOfAccount(ctx.db, accountId)) {
    const bytes = readStoredFile(ctx.filesDir, path);
    if (bytes) files[path] = bytes.toString('base64');
  }
  const state: StartingState = { rows: captureAccountRows(ctx.db, accountId), files };
  saveStartingState(ctx.db, {
    account_id: accountId,
    demo_data: demoData ? 1 : 0,
    taken_at: formatTimestamp(ctx.now()),
    state: JSON.stringify(state),
  });
}

function present(row: AccountListRow): ControlAccount {
  return {
    id: row.id,
    name: row.name,
    created_at: row.created_at,
    demo_data: row.demo_data === null ? null : row.demo_data === 1,
    resettable: row.demo_data !== null,
  };
}

export function listControlAccounts(ctx: ControlContext): ControlAccount[] {
  return listAccountsWithStartingState(ctx.db).map(present);
}

export function getControlAccount(ctx: ControlContext, accountId: number): ControlAccount {
  const row = findAccountWithStartingState(ctx.db, accountId);
  if (!row) throw new ControlError(404, 'not_found', `There is no account ${accountId}.`);
  return present(row);
}

/** A fresh account with its starting state kept, and a new Monica token for its user. */
export function createControlAccount(
  ctx: ControlContext,
  request: { demo_data?: boolean; name?: string },
): { account: ControlAccount; token: string } {
  const demoData = request.demo_data ?? ctx.demoDataByDefault;
  return ctx.db.transaction(() => {
    const { accountId, userId } = createFreshAccount(ctx.db, {
      name: request.name ?? DEFAULT_ACCOUNT_NAME,
      withDemoContent: demoData,
      clock: ctx.now,
      filesDir: ctx.filesDir,
    });
    keepStartingState(ctx, accountId, demoData);
    const token = issueToken(ctx.db, accountId, userId, 'control API', formatTimestamp(ctx.now()));
    return { account: getControlAccount(ctx, accountId), token };
  })();
}

/**
 * Puts the account back in its starting state: its rows in one transaction, then its stored files (those added
 * since are removed, the kept ones written back). When rows had to take new ids, the starting state is kept with
 * them, so the next reset gives the same answers again.
 */
export function resetControlAccount(ctx: ControlContext, accountId: number): ControlAccount & { renumbered: Renumbered[] } {
  const account = getControlAccount(ctx, accountId);
  const kept = findStartingState(ctx.db, accountId);
  if (!kept) {
    throw new ControlError(
      409,
      'no_starting_state',
      `Account ${accountId} cannot be reset: it was created while the control API was off, so its starting state was not kept. Create an account instead.`,
    );
  }
  const state = JSON.parse(kept.state) as StartingState;
  const filesBefore = storedFilesOfAccount(ctx.db, accountId);
  const renumbered = ctx.db.transaction(() => {
    const restored = restoreAccountRows(ctx.db, accountId, state.rows);
    if (restored.renumbered.length > 0) {
      saveStartingState(ctx.db, { ...kept, state: JSON.stringify({ ...state, rows: restored.written }) });
    }
    return restored.renumbered;
  })();
  removeStoredFiles(ctx.filesDir, filesBefore.filter((path) => !(path in state.files)));
  for (const [path, base64] of Object.entries(state.files)) {
    const bytes = Buffer.from(base64, 'base64');
    if (!readStoredFile(ctx.filesDir, path)?.equals(bytes)) restoreStoredFile(ctx.filesDir, path, bytes);
  }
  return { ...account, renumbered };
}
