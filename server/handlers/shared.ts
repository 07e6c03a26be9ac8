// Small pieces every handler file uses: the handler type, the time, the caller as audit-log author.
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { formatTimestamp } from '../present/dates.js';
import type { Actor } from '../store/auditLogs.js';

/** The typed handler of one operation, as generated from the spec. */
export type Handler<K extends keyof Handlers<Context>> = Handlers<Context>[K];

export const nowOf = (context: Context): string => formatTimestamp(context.now());

export const actorOf = (context: Context): Actor => ({ userId: context.caller.userId, name: context.caller.userName });

export const listUrl = (context: Context, path: string): string => `${context.baseUrl}${path}`;
