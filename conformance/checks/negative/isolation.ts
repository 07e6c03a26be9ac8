// Accounts are walled off: with a second account's token, every id of the first account is unknown (404 with
// code 31) for reading, updating and deleting, and ids named in a body are refused the same way. Afterwards the
// first account reads its objects back unchanged. One check per resource; skipped without a second token.
import type { Check } from '../../types.js';
import { byResource, documents, isSharedReference, operations, pathParameters, requestBody, type Operation } from '../../contract.js';
import { firstDifference } from '../compare.js';
import { defineCheck, requireOtherToken } from '../define.js';
import type { Fixtures } from '../fixtures.js';
import { sendPrepared, validRequest, type PreparedRequest } from '../requests.js';
import type { Session } from '../session.js';

/** Reads first, then writes, then deletes: a wrongly accepted delete should not hide the other faults. */
const ORDER: Record<string, number> = { get: 0, post: 1, put: 1, delete: 2 };

function reachesOtherIds(op: Operation): boolean {
  if (!op.authRequired) return false;
  // A path value that names an object (not a month, say) is one another account must not reach.
  if (pathParameters(op).some((name) => op.pathParams[name]!.references)) return true;
  const example = requestBody(op)?.example as Record<string, unknown> | undefined;
  const namesAccountData = Object.entries(op.bodyReferences).some(
    ([field, reference]) => !isSharedReference(reference.resource) && example?.[field] !== undefined && example[field] !== null,
  );
  return documents(op, 404) && namesAccountData;
}

export function isolationChecks(): Check[] {
  return [...byResource(operations.filter(reachesOtherIds))].map(([resource, ops]) =>
    defineCheck({
      name: `negative: ${resource}, another account's ids (404, nothing changed)`,
      kind: 'negative',
      resource,
      operationIds: ops.map((op) => op.operationId),
      async body(session, fixtures) {
        requireOtherToken(session);
        const requests: PreparedRequest[] = [];
        for (const op of [...ops].sort((a, b) => ORDER[a.method]! - ORDER[b.method]!)) requests.push(await validRequest(op, fixtures));
        const before = await snapshot(session, fixtures);
        for (const request of requests) {
          const reply = await sendPrepared(session, request, fixtures, { as: 'other' });
          if (request.method === 'GET' && reply.status >= 200 && reply.status < 300) {
            session.fault(`another account read ${request.path}: ${reply.status}, expected 404 (error code 31)`);
          } else {
            session.expectError(reply, 31, `another account's ${request.method === 'DELETE' ? 'delete' : 'request'}`);
          }
        }
        const after = await snapshot(session, fixtures);
        for (const [path, was] of before) {
          const now = after.get(path);
          if (now === undefined) session.fault(`GET ${path} answered the first account no more after another account's requests`);
          const difference = now === undefined ? undefined : firstDifference(was, now);
          if (difference) session.fault(`another account's requests changed ${path}: ${difference}`);
        }
      },
    }),
  );
}

/** The first account's view of every fixture the check made (those the contract can read back). */
async function snapshot(session: Session, fixtures: Fixtures): Promise<Map<string, unknown>> {
  const seen = new Map<string, unknown>();
  for (const made of fixtures.made) {
    const path = fixtures.readPath(made);
    if (!path || seen.has(path)) continue;
    const reply = await session.send('GET', path);
    if (reply.status === 200) seen.set(path, reply.json);
  }
  return seen;
}
