// A request the contract accepts for an operation, built from its example and this account's fixtures: the
// starting point the negative and isolation checks break one thing of.
import { pathOf, type JsonObject, type Operation } from '../contract.js';
import type { Fixtures } from './fixtures.js';
import type { Reply, Session, SendOptions } from './session.js';

export interface PreparedRequest {
  operation: Operation;
  method: string;
  path: string;
  /** The path values the path was made of. */
  values: Record<string, number>;
  /** The JSON body, when the operation takes one. */
  json?: JsonObject;
  /** A new multipart form each time (a form is read once when sent), with some fields left out. */
  form?: (leaveOut?: string[]) => Promise<FormData>;
}

export async function validRequest(op: Operation, fixtures: Fixtures): Promise<PreparedRequest> {
  const values = await fixtures.pathValues(op);
  const prepared: PreparedRequest = { operation: op, method: op.method.toUpperCase(), path: pathOf(op, values), values };
  if (op.requestContentType === 'multipart/form-data') prepared.form = (leaveOut = []) => fixtures.form(op, { leaveOut });
  else if (op.requestContentType !== null) prepared.json = await fixtures.jsonBody(op);
  return prepared;
}

/** A create that should have been refused but was not still leaves an object behind: delete it with the fixtures. */
export function trackIfCreated(reply: Reply, request: PreparedRequest, fixtures: Fixtures): void {
  if (request.method !== 'POST' || reply.status < 200 || reply.status >= 300) return;
  const deletePath = fixtures.deletePathOf(request.operation, reply.json, request.values);
  if (deletePath) fixtures.track(deletePath);
}

export async function sendPrepared(session: Session, request: PreparedRequest, fixtures: Fixtures, extra: SendOptions = {}): Promise<Reply> {
  const body: SendOptions = request.json ? { json: request.json } : request.form ? { form: await request.form() } : {};
  const reply = await session.send(request.method, request.path, { ...body, ...extra });
  trackIfCreated(reply, request, fixtures);
  return reply;
}
