// A check's fixtures: the registry's objects (conformance/fixtures), made through the check's session with the
// target's token, so that those requests are recorded and checked against the contract like the check's own, and
// deleted again when the check ends (newest first).
import { operation, type JsonObject } from '../contract.js';
import { FixtureRegistry } from '../fixtures/index.js';
import type { Session } from './session.js';

export { uniqueWord } from '../fixtures/index.js';

export class Fixtures extends FixtureRegistry {
  /** Delete paths of what this check created, oldest first. */
  private readonly created: string[];

  constructor(private readonly session: Session) {
    const created: string[] = [];
    super(
      (method, path, body, as) =>
        session.send(method, path, {
          as: as === 'account' ? 'main' : 'anonymous',
          ...(body instanceof FormData ? { form: body } : body === undefined ? {} : { json: body }),
        }),
      { onCreated: (deletePath) => created.push(deletePath) },
    );
    this.created = created;
  }

  /** The object was deleted by the check itself: nothing to clean up. */
  untrack(deletePath: string): void {
    const at = this.created.indexOf(deletePath);
    if (at >= 0) this.created.splice(at, 1);
  }

  /** Remembers an object the check created by hand, to delete it at the end. */
  track(deletePath: string): void {
    this.created.push(deletePath);
  }

  async cleanup(): Promise<void> {
    for (const path of this.created.splice(0).reverse()) {
      try {
        await this.session.send('DELETE', path);
      } catch {
        // A server that went away mid-check has already failed the check; the rest cannot be cleaned up either.
        return;
      }
    }
  }

  /** The example of an operation's request, ready to send with this account's ids. */
  exampleBody(operationId: string): Promise<JsonObject> {
    return this.jsonBody(operation(operationId));
  }

  /** Sends a create operation a body of the check's own; the object is deleted with the fixtures. Returns its id. */
  async create(operationId: string, body: JsonObject): Promise<number> {
    const op = operation(operationId);
    const reply = await this.session.send(op.method.toUpperCase(), op.path, { json: body });
    const id = Number(reply.json?.data?.id);
    const deletePath = this.deletePathOf(op, reply.json, {});
    if (!String(reply.status).startsWith('2') || !(id > 0) || !deletePath) {
      throw new Error(`fixture: ${reply.label} answered ${reply.status}: ${reply.text.slice(0, 200)}`);
    }
    this.created.push(deletePath);
    return id;
  }
}
