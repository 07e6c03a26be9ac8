// Audit logs: the account's events, newest first.
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { presentAuditLog } from '../present/auditLogs.js';
import { listAuditLogs } from '../store/auditLogs.js';
import { listHandler, presentEach } from './crud.js';

export const auditLogsHandlers = {
  listAuditLogs: listHandler('listAuditLogs', listAuditLogs, presentEach(presentAuditLog).rows),
} satisfies Partial<Handlers<Context>>;
