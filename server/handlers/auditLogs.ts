// Audit logs: the account's events, newest first.
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { presentAuditLog } from '../present/auditLogs.js';
import { listAuditLogs } from '../store/auditLogs.js';
import { pageRequest, paginate } from './paging.js';
import { listUrl, type Handler } from './shared.js';

const listAuditLogsHandler: Handler<'listAuditLogs'> = ({ context, query }) => {
  const request = pageRequest('listAuditLogs', query);
  const page = listAuditLogs(context.db, context.caller.accountId, request.options);
  return { status: 200, body: paginate(page.rows.map(presentAuditLog), page.total, request, listUrl(context, '/logs')) };
};

export const auditLogsHandlers = {
  listAuditLogs: listAuditLogsHandler,
} satisfies Partial<Handlers<Context>>;
