// The control API (server/control/openapi.yaml): accounts for end-to-end tests, made and reset on demand. startServer
// checks where it may run (access.ts), then builds it here and hands it to createApp, which mounts it at /_control.
import type { Router } from 'express';
import { initControl, keepStartingState, type ControlContext } from './accounts.js';
import { createControlRouter } from './router.js';

export { checkControlAccess, isLoopback, CONTROL_TOKEN_MIN_LENGTH } from './access.js';
export { CONTROL_BASE_PATH } from './router.js';

export interface ControlApiOptions extends ControlContext {
  token?: string;
  log?: (message: string) => void;
  /** Accounts this start has just created (a fresh database): their starting state is kept now. */
  createdAccounts: ReadonlyArray<{ id: number; demoData: boolean }>;
}

export function createControlApi(options: ControlApiOptions): Router {
  initControl(options.db);
  options.db.transaction(() => {
    for (const account of options.createdAccounts) keepStartingState(options, account.id, account.demoData);
  })();
  return createControlRouter(options);
}
