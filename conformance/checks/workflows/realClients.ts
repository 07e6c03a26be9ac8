// What real Monica clients send, which Monica takes and so the contract promises (the spec policy's point 4).
// Every write operation is sent again with its lenient fields in the other forms Laravel's rules take (numbers
// as numeric strings, booleans as 1/0 and "1"/"0", days as each date-time form), and every object's own values
// are sent back to its update operation (read-modify-write), which must take them and change nothing. Which
// fields are lenient is read from their schemas (`lenientFields`), not from a list. One check per resource.
import type { Check } from '../../types.js';
import {
  byResource,
  contract,
  dateTimeForms,
  isObject,
  LENIENT_DAY,
  lenientFields,
  operation,
  operations,
  pathOf,
  pathParameters,
  requestBody,
  resources,
  tagOf,
  type Json,
  type JsonObject,
  type Operation,
} from '../../contract.js';
import { newIdOf } from '../../fixtures/index.js';
import { firstDifference, sentFieldMismatches } from '../compare.js';
import { defineCheck } from '../define.js';
import type { Fixtures } from '../fixtures.js';
import { sendPrepared, validRequest, type PreparedRequest } from '../requests.js';
import { short, type Reply, type Session } from '../session.js';

/** One field of a valid request sent in another form. */
interface Override {
  field: string;
  value: Json;
  /** How the value differs from the valid one: `a boolean as a number`. */
  note: string;
  /** What the answer's field must equal (loosely, see compare.ts), when the answer has it: the day of a date-time. */
  echo?: Json;
}

/** A resource whose objects can be read back and sent to its update operation. */
interface Rewritable {
  resource: string;
  create: Operation;
  update: Operation;
  /** Where the object is read: its own GET, or (messages) the GET of the object its create path names. */
  read: Operation;
  /** Whether `read` answers the object itself, or its parent holding it in a list. */
  readsParent: boolean;
}

type ResourceOperations = { create?: string; get?: string; update?: string };

/** Resources with a JSON create and update, and a way to read an object back. */
export function rewritables(): Rewritable[] {
  const found: Rewritable[] = [];
  for (const [resource, ops] of Object.entries(resources) as Array<[string, ResourceOperations]>) {
    if (!ops.create || !ops.update) continue;
    const create = operation(ops.create);
    const update = operation(ops.update);
    if (create.requestContentType !== 'application/json' || update.requestContentType !== 'application/json') continue;
    if (ops.get) {
      found.push({ resource, create, update, read: operation(ops.get), readsParent: false });
      continue;
    }
    const params = pathParameters(create);
    const parent = params.length > 0 ? create.pathParams[params[params.length - 1]!]!.references : undefined;
    const parentGet = parent ? (resources as Record<string, ResourceOperations>)[parent]?.get : undefined;
    if (parentGet) found.push({ resource, create, update, read: operation(parentGet), readsParent: true });
  }
  return found;
}

export function realClientChecks(): Check[] {
  const forms = operations.filter((op) => lenientFields(op).length > 0);
  const rewrites = rewritables();
  const tags = byResource([...forms, ...rewrites.map((r) => r.update)]);
  return [...tags.keys()].map((resource) => {
    const ops = forms.filter((op) => tagOf(op) === resource);
    const lives = rewrites.filter((r) => tagOf(r.update) === resource);
    const operationIds = new Set([...ops, ...lives.flatMap((r) => [r.create, r.update, r.read])].map((op) => op.operationId));
    return defineCheck({
      name: `workflow: ${resource}, what real clients send (numeric strings, 1/0 booleans, date-times, its own values back)`,
      kind: 'workflow',
      resource,
      operationIds: [...operationIds],
      async body(session, fixtures) {
        for (const op of ops) await lenientForms(op, session, fixtures);
        for (const life of lives) await readModifyWrite(life, session, fixtures);
      },
    });
  });
}

/** The operation's valid request sent again with each group of its lenient fields in another form. */
async function lenientForms(op: Operation, session: Session, fixtures: Fixtures): Promise<void> {
  const first = await validRequest(op, fixtures);
  // A create is sent a new body each time (names the server wants unique get a suffix of their own); an update
  // changes the same object again and again, to the same content.
  const next = async () => (op.method === 'post' ? validRequest(op, fixtures) : first);
  const valid = first.json ?? {};
  const numbers: Override[] = [];
  const asNumbers: Override[] = [];
  const asStrings: Override[] = [];
  const dates: Override[][] = dateTimeForms(LENIENT_DAY).map(() => []);
  for (const { field, leniency } of lenientFields(op)) {
    const value = valid[field];
    if (leniency === 'number' && typeof value === 'number') {
      numbers.push({ field, value: String(value), note: 'a number as a numeric string', echo: value });
    } else if (leniency === 'numbers' && Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'number')) {
      numbers.push({ field, value: value.map(String), note: 'ids as numeric strings' });
    } else if (leniency === 'boolean' && typeof value === 'boolean') {
      // The same truth in the other forms: the other one may call for more fields (a known birthdate its day).
      asNumbers.push({ field, value: value ? 1 : 0, note: 'a boolean as a number', echo: value });
      asStrings.push({ field, value: value ? '1' : '0', note: 'a boolean as a numeric string', echo: value });
    } else if (leniency === 'date') {
      const day = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : LENIENT_DAY;
      dateTimeForms(day).forEach((form, i) => dates[i]!.push({ field, value: form, note: 'a date-time', echo: day }));
    }
  }
  for (const group of [numbers, asNumbers, asStrings, ...dates]) await expectTaken(op, group, next, session, fixtures);
}

/**
 * An object read, its fields the update operation takes (same name) sent back as they were read, and read again:
 * the update must take them and the object must not change (`updated_at` aside). A value the contract itself
 * refuses there (a reminder's `initial_date` is read as a timestamp and written as `YYYY-MM-DD`, as in Monica) is
 * sent as the object was created with instead: that is not the server's to take.
 */
async function readModifyWrite(life: Rewritable, session: Session, fixtures: Fixtures): Promise<void> {
  const creating = await validRequest(life.create, fixtures);
  const created = await sendPrepared(session, creating, fixtures);
  const what = `${life.update.method.toUpperCase()} ${life.update.path}`;
  if (!session.expectStatus(created, [...life.create.successStatuses], `${what}, read-modify-write: creating the object`)) return;
  const id = newIdOf(life.resource as never, created.json);
  if (id === undefined) {
    session.fault(`${what}, read-modify-write: ${created.label} answered ${created.status} without the new object's id`);
    return;
  }
  const read = () => readObject(life, creating.values, id, session);
  const before = await read();
  if (!before) return;

  const shape = requestBody(life.update)!;
  const sent = creating.json ?? {};
  const body = await fixtures.jsonBody(life.update);
  for (const field of Object.keys(shape.properties)) if (field in sent) body[field] = sent[field]!;
  const own: Override[] = [];
  for (const [field, schema] of Object.entries(shape.properties)) {
    if (!(field in before) || !contract.schemaValidator(schema)(before[field])) continue;
    own.push({ field, value: before[field]!, note: "the server's own value" });
  }
  const names = pathParameters(life.update);
  const values = { ...creating.values, [names[names.length - 1]!]: id };
  const request: PreparedRequest = { operation: life.update, method: 'PUT', path: pathOf(life.update, values), values, json: body };
  if (!(await expectTaken(life.update, own, async () => request, session, fixtures))) return;

  const after = await read();
  const changed = after && firstDifference(withoutUpdatedAt(before), withoutUpdatedAt(after));
  if (changed) session.fault(`${what}: sending back the object's own values (${own.map((o) => o.field).join(', ')}) changed it: ${changed}`);
}

async function readObject(life: Rewritable, parents: Record<string, number>, id: number, session: Session): Promise<JsonObject | undefined> {
  const names = pathParameters(life.read);
  const last = names[names.length - 1]!;
  // The parent's id is the create path's last value (a message's conversation).
  const createNames = pathParameters(life.create);
  const path = pathOf(life.read, life.readsParent ? { [last]: parents[createNames[createNames.length - 1]!]! } : { ...parents, [last]: id });
  const reply = await session.send('GET', path);
  if (!session.expectStatus(reply, 200, `reading ${life.resource} ${id} back`)) return undefined;
  const found = life.readsParent ? itemWithId(reply.json?.data, id) : reply.json?.data;
  if (!isObject(found)) session.fault(`GET ${path} answered without ${life.resource} ${id}`);
  return isObject(found) ? found : undefined;
}

/** The object with this id in one of the lists an object holds (a conversation's messages). */
function itemWithId(parent: unknown, id: number): JsonObject | undefined {
  if (!isObject(parent)) return undefined;
  for (const value of Object.values(parent)) {
    if (!Array.isArray(value)) continue;
    const item = value.find((entry) => isObject(entry) && Number(entry['id']) === id);
    if (isObject(item)) return item;
  }
  return undefined;
}

function withoutUpdatedAt(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutUpdatedAt);
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'updated_at').map(([key, v]) => [key, withoutUpdatedAt(v)]));
}

/**
 * Sends the operation's valid request with these fields changed, and requires 2xx and an answer that holds what
 * was sent. A refusal is narrowed down: each field is sent alone, and each one refused is named with its value.
 * Returns whether the request was taken.
 */
async function expectTaken(op: Operation, overrides: Override[], next: () => Promise<PreparedRequest>, session: Session, fixtures: Fixtures): Promise<boolean> {
  if (overrides.length === 0) return true;
  const what = `${op.method.toUpperCase()} ${op.path}`;
  const reply = await sendWith(await next(), overrides, session, fixtures);
  if (taken(reply)) {
    const echoes = Object.fromEntries(overrides.filter((o) => o.echo !== undefined).map((o) => [o.field, o.echo!]));
    const data = reply.json?.data;
    if (isObject(data)) {
      for (const mismatch of sentFieldMismatches(echoes, data)) session.fault(`${what}: ${describe(overrides)} taken, but ${mismatch}`);
    }
    return true;
  }
  if (overrides.length === 1) {
    session.fault(refusal(what, overrides[0]!, reply));
    return false;
  }
  let named = false;
  for (const override of overrides) {
    const alone = await sendWith(await next(), [override], session, fixtures);
    if (taken(alone)) continue;
    session.fault(refusal(what, override, alone));
    named = true;
  }
  if (!named) session.fault(`${what}: ${describe(overrides)}, each taken alone, refused together with ${reply.status}: ${short(reply.text, 200)}`);
  return false;
}

const taken = (reply: Reply) => reply.status >= 200 && reply.status < 300;

function sendWith(request: PreparedRequest, overrides: Override[], session: Session, fixtures: Fixtures): Promise<Reply> {
  const json: JsonObject = { ...request.json };
  for (const { field, value } of overrides) json[field] = value;
  return sendPrepared(session, { ...request, json }, fixtures);
}

function refusal(what: string, override: Override, reply: Reply): string {
  return `${what}: ${override.field} ${JSON.stringify(override.value)} (${override.note}) refused with ${reply.status}: ${short(reply.text, 200)}`;
}

function describe(overrides: Override[]): string {
  return overrides.map((o) => `${o.field} ${JSON.stringify(o.value)}`).join(', ') + ` (${overrides[0]!.note})`;
}
