// Requests the contract says a server must refuse, for every operation, each case breaking one thing of an
// otherwise valid request: no token (401), `limit` over the maximum (400/30), a body that is not JSON (400/37),
// a required field left out (422/32, `message` an array), a field of the wrong type (422/32).
import type { Check } from '../../types.js';
import { byResource, operations, requestBody, wrongTypeField, type Operation } from '../../contract.js';
import { defineCheck } from '../define.js';
import type { Fixtures } from '../fixtures.js';
import { withQuery } from '../lists.js';
import { sendPrepared, validRequest, type PreparedRequest } from '../requests.js';
import type { Reply, Session } from '../session.js';

/** A body that starts like JSON and stops. */
const NOT_JSON = '{"this is": "not JSON"';

export function badRequestChecks(): Check[] {
  // One check per resource: its operations share the fixtures, which a check per operation would make again.
  return [...byResource(operations.filter((op) => op.authRequired || op.paging))].map(([resource, ops]) =>
    defineCheck({
      name: `negative: ${resource}, refused requests (401, 400/30, 400/37, 422/32)`,
      kind: 'negative',
      resource,
      operationIds: ops.map((op) => op.operationId),
      async body(session, fixtures) {
        for (const op of ops) await refusals(op, session, fixtures);
      },
    }),
  );
}

async function refusals(op: Operation, session: Session, fixtures: Fixtures): Promise<void> {
  const request = await validRequest(op, fixtures);
  const what = `${request.method} ${op.path}`;

  if (op.authRequired) {
    const reply = await sendPrepared(session, request, fixtures, { as: 'anonymous' });
    session.expectUnauthenticated(reply, `${what} without a token`);
  }

  if (op.paging) {
    const limit = op.paging.maxLimit + 1;
    const reply = await session.send('GET', withQuery(request.path, { limit }));
    session.expectError(reply, 30, `${what} with limit=${limit}`);
  }

  if (request.json) await jsonBodyRefusals(op, request, session, fixtures);
  else if (request.form) await formRefusals(op, request, session, fixtures);
}

async function jsonBodyRefusals(op: Operation, request: PreparedRequest, session: Session, fixtures: Fixtures): Promise<void> {
  const what = `${request.method} ${op.path}`;
  const body = requestBody(op);
  const valid = request.json ?? {};

  const notJson = await session.send(request.method, request.path, { raw: NOT_JSON });
  session.expectError(notJson, 37, `${what} with a body that is not JSON`);

  for (const field of body?.required ?? []) {
    const { [field]: _left, ...without } = valid;
    const reply = await sendPrepared(session, { ...request, json: without }, fixtures);
    expectValidationError(session, reply, `${what} without the required field ${field}`);
  }

  const wrong = wrongTypeField(op, valid);
  if (wrong) {
    const reply = await sendPrepared(session, { ...request, json: { ...valid, [wrong.field]: wrong.value } }, fixtures);
    expectValidationError(session, reply, `${what} with ${wrong.field} = ${JSON.stringify(wrong.value)} (wrong type)`);
  }
}

async function formRefusals(op: Operation, request: PreparedRequest, session: Session, fixtures: Fixtures): Promise<void> {
  // A multipart upload has no JSON to break and its fields are text: only leaving out what the contract requires applies.
  const what = `${request.method} ${op.path}`;
  const body = requestBody(op);
  for (const field of body?.required ?? []) {
    const file = body?.properties[field]?.['format'] === 'binary';
    const reply = await sendPrepared(session, { ...request, form: () => request.form!([field]) }, fixtures);
    expectValidationError(session, reply, `${what} without the required ${file ? 'file' : 'field'} ${field}`);
  }
}

/** 422 with code 32, and `message` an array of sentences. */
function expectValidationError(session: Session, reply: Reply, context: string): void {
  if (!session.expectError(reply, 32, context)) return;
  const message = reply.json.error.message;
  if (!Array.isArray(message) || message.length === 0 || !message.every((m: unknown) => typeof m === 'string')) {
    session.fault(`${context}: ${reply.label} answered 422 with error.message ${JSON.stringify(message)?.slice(0, 80)}, expected an array of sentences`);
  }
}
