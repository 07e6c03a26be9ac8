// A request the contract accepts for an operation, built from its example and this account's fixtures: the
// starting point the negative and isolation checks break one thing of.
import { requestBody, type Operation } from './contract.js';
import { uploadForm, withUniqueNames, type Fixtures } from './fixtures.js';
import type { Reply, Session, SendOptions } from './session.js';

export interface PreparedRequest {
  operation: Operation;
  method: string;
  path: string;
  /** The JSON body, when the operation takes one. */
  json?: Record<string, unknown>;
  /** A new multipart form each time (a form is read once when sent). */
  form?: (options?: { withFile?: boolean; withContact?: boolean }) => FormData;
}

export async function validRequest(op: Operation, fixtures: Fixtures): Promise<PreparedRequest> {
  const path = await fixtures.path(op.path);
  const prepared: PreparedRequest = { operation: op, method: op.method.toUpperCase(), path };
  const body = requestBody(op);
  if (!body) return prepared;
  if (body.contentType === 'multipart/form-data') {
    const kind = op.path === '/photos' ? 'photo' : 'document';
    const contact = await fixtures.get('contact');
    prepared.form = ({ withFile = true, withContact = true } = {}) => {
      const form = uploadForm(kind, contact, withFile);
      if (!withContact) form.delete('contact_id');
      return form;
    };
    return prepared;
  }
  prepared.json = withUniqueNames(op.path.split('/')[1], await fixtures.exampleBody(op.operationId));
  return prepared;
}

export function sendOptions(request: PreparedRequest, extra: SendOptions = {}): SendOptions {
  return { ...(request.json ? { json: request.json } : {}), ...(request.form ? { form: request.form() } : {}), ...extra };
}

/** A create that should have been refused but was not still leaves an object behind: delete it with the fixtures. */
export function trackIfCreated(reply: Reply, request: PreparedRequest, fixtures: Fixtures): void {
  const id = reply.json?.data?.id;
  if (request.method === 'POST' && /^\/[a-z]+$/.test(request.path) && reply.status >= 200 && reply.status < 300 && id !== undefined) {
    fixtures.track(`${request.path}/${id}`);
  }
}

export async function sendPrepared(session: Session, request: PreparedRequest, fixtures: Fixtures, extra: SendOptions = {}): Promise<Reply> {
  const reply = await session.send(request.method, request.path, sendOptions(request, extra));
  trackIfCreated(reply, request, fixtures);
  return reply;
}
