// Requests the contract says a server must refuse, for every operation, each case breaking one thing of an
// otherwise valid request: no token (401), `limit` over the maximum (400/30), a body that is not JSON (400/37),
// a required field left out (422/32, `message` an array), a field of the wrong type (422/32).
import type { Check } from '../../types.js';
import { byResource, limitMaximum, listOperations, operations, requestBody, wrongTypeValue, type Operation } from '../contract.js';
import { defineCheck } from '../define.js';
import type { Fixtures } from '../fixtures.js';
import { withQuery } from '../lists.js';
import { sendPrepared, validRequest, type PreparedRequest } from '../requests.js';
import type { Reply, Session } from '../session.js';

/** A body that starts like JSON and stops. */
const NOT_JSON = '{"this is": "not JSON"';

export function badRequestChecks(): Check[] {
  const lists = new Set(listOperations().map((op) => op.operationId));
  // One check per resource: its operations share the fixtures, which a check per operation would make again.
  return [...byResource(operations.filter((op) => op.authRequired || lists.has(op.operationId)))].map(([resource, ops]) =>
    defineCheck({
      name: `negative: ${resource}, refused requests (401, 400/30, 400/37, 422/32)`,
      kind: 'negative',
      resource,
      operationIds: ops.map((op) => op.operationId),
      async body(session, fixtures) {
        for (const op of ops) await refusals(op, lists.has(op.operationId), session, fixtures);
      },
    }),
  );
}

async function refusals(op: Operation, isList: boolean, session: Session, fixtures: Fixtures): Promise<void> {
  const request = await validRequest(op, fixtures);
  const what = `${request.method} ${op.path}`;

  if (op.authRequired) {
    const reply = await sendPrepared(session, request, fixtures, { as: 'anonymous' });
    session.expectUnauthenticated(reply, `${what} without a token`);
  }

  const maximum = limitMaximum(op);
  if (isList && maximum !== undefined) {
    const reply = await session.send('GET', withQuery(request.path, { limit: maximum + 1 }));
    session.expectError(reply, 400, 30, `${what} with limit=${maximum + 1}`);
  }

  if (request.json) await jsonBodyRefusals(op, request, session, fixtures);
  else if (request.form) await formRefusals(op, request, session, fixtures);
}

async function jsonBodyRefusals(op: Operation, request: PreparedRequest, session: Session, fixtures: Fixtures): Promise<void> {
  const what = `${request.method} ${op.path}`;
  const body = requestBody(op);
  const valid = request.json ?? {};

  const notJson = await session.send(request.method, request.path, { raw: NOT_JSON });
  session.expectError(notJson, 400, 37, `${what} with a body that is not JSON`);

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
  const required = requestBody(op)?.required ?? [];
  if (required.includes('contact_id')) {
    const reply = await sendPrepared(session, { ...request, form: () => request.form!({ withContact: false }) }, fixtures);
    expectValidationError(session, reply, `${what} without the required field contact_id`);
  }
  const fileField = op.path === '/photos' ? 'photo' : 'document';
  if (required.includes(fileField)) {
    const reply = await sendPrepared(session, { ...request, form: () => request.form!({ withFile: false }) }, fixtures);
    expectValidationError(session, reply, `${what} without the required file ${fileField}`);
  }
}

/** 422 with code 32, and `message` an array of sentences. */
function expectValidationError(session: Session, reply: Reply, context: string): void {
  if (!session.expectError(reply, 422, 32, context)) return;
  const message = reply.json.error.message;
  if (!Array.isArray(message) || message.length === 0 || !message.every((m: unknown) => typeof m === 'string')) {
    session.fault(`${context}: ${reply.label} answered 422 with error.message ${JSON.stringify(message)?.slice(0, 80)}, expected an array of sentences`);
  }
}

/** The field to give a wrong type: a required one that is not an id if there is one, else any. */
function wrongTypeField(op: Operation, valid: Record<string, unknown>): { field: string; value: unknown } | undefined {
  const body = requestBody(op);
  if (!body) return undefined;
  const names = Object.keys(body.properties);
  const ranked = [
    ...names.filter((n) => body.required.includes(n) && !n.endsWith('_id')),
    ...names.filter((n) => body.required.includes(n) && n.endsWith('_id')),
    ...names.filter((n) => !body.required.includes(n) && n in valid),
  ];
  for (const field of ranked) {
    const value = wrongTypeValue(body.properties[field]);
    if (value !== undefined) return { field, value };
  }
  return undefined;
}
