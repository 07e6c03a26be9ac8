// The audit of the spec policy's point 4: every request field takes what Monica 4.x's own rule takes and refuses
// what it refuses. Generated from the inventory (test/fixtures/inventory.json, each request field's 4.x rule), not
// from a list: for every operation of the spec with a JSON body and every field with a rule, the rule is read as
// kinds (test/helpers/laravelRules.ts) and each kind's values are sent, one at a time, in an otherwise valid body
// (the fixture registry's, with real ids) to one fresh reference server with demo data. A value the rule takes
// must be answered 2xx; one it refuses 422 with code 32; an unknown id 404 with code 31 where the spec (or 4.x's
// rule) says so, else 422. Where the spec documents a deliberate difference from 4.x for a field ("**Differs from
// Monica 4.x:**"), the field's values are judged by the spec's schema instead, and the field is listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, isObject, LENIENT_DAY, operationAt, operations, type Json, type JsonObject, type Operation } from '../conformance/contract.js';
import { FixtureRegistry, httpSend, referenceSlots, type ReferenceSlot } from '../conformance/fixtures/index.js';
import { request, valueAt } from '../conformance/http.js';
import { extractedOperations } from '../scripts/dev/extract-inventory.js';
import { parseRule, valueCases, type ParsedRule, type RuleKind, type ValueCase } from './helpers/laravelRules.js';
import { closeTestServers, startTestServer } from './helpers/server.js';

const DIFFERS = '**Differs from Monica 4.x:**';
/** Requests in flight at once: the server is in this process, so more would only queue. */
const CONCURRENCY = 6;

interface AuditedField {
  name: string;
  rule: string;
  parsed: ParsedRule;
  cases: ValueCase[];
  /** The spec's sentence on how the field differs from 4.x, when it says so. */
  differs?: string;
  /** Whether the field's description (or its body's) says an unknown id answers 404. */
  says404: boolean;
  reference?: ReferenceSlot;
}

interface AuditedOperation {
  op: Operation;
  label: string;
  fields: AuditedField[];
}

/** Every operation the inventory gives rules for, as the spec has it; and what the spec has not. */
function auditPlan(): { audited: AuditedOperation[]; notInSpec: string[]; fieldsNotInSpec: string[] } {
  const audited: AuditedOperation[] = [];
  const notInSpec: string[] = [];
  const fieldsNotInSpec: string[] = [];
  for (const entry of extractedOperations()) {
    if (entry.request_content_type !== 'application/json' || entry.impl_broken) continue;
    const label = `${entry.method} ${entry.path}`;
    const ruled = entry.request_fields.map((f) => ({ ...f, parsed: parseRule(f.rule, f.required) })).filter((f) => f.parsed);
    if (ruled.length === 0) continue;
    const op = operationAt(entry.method, entry.path);
    if (!op) {
      notInSpec.push(label);
      continue;
    }
    const shape = contract.requestBody(op.operationId)!;
    // A field the spec says is required only when others say so is conditional too, whatever 4.x's rule says.
    for (const field of ruled) {
      const description = shape.properties[field.name]?.['description'];
      if (typeof description === 'string' && /\bRequired when\b/.test(description)) field.parsed!.conditional = true;
    }
    const conditional = ruled.some((f) => f.parsed!.conditional);
    // The body's own description may say it for every id it holds ("each id must name an object of the account").
    const bodySchema = contract.resolve(contract.at(shape.schemaPointer));
    const bodySays404 = isObject(bodySchema) && typeof bodySchema['description'] === 'string' && /\b404\b/.test(bodySchema['description']);
    const fields: AuditedField[] = [];
    for (const field of ruled) {
      const property = shape.properties[field.name];
      if (!property) {
        fieldsNotInSpec.push(`${label} ${field.name} (${field.rule})`);
        continue;
      }
      const description = typeof property['description'] === 'string' ? property['description'].replace(/\s+/g, ' ') : '';
      // The difference's first sentence (`e.g. ` does not end one).
      const differs = description.includes(DIFFERS) ? /^(.*?\.)(?=\s+[A-Z*]|$)/.exec(description.split(DIFFERS)[1]!.trim())?.[1] : undefined;
      fields.push({
        name: field.name,
        rule: field.rule!,
        parsed: field.parsed!,
        cases: valueCases(field.parsed!, conditional),
        ...(differs ? { differs } : {}),
        says404: bodySays404 || /\b404\b/.test(description),
        reference: referenceSlots(op).find((slot) => slot.field === field.name),
      });
    }
    audited.push({ op, label, fields });
  }
  return { audited, notInSpec, fieldsNotInSpec };
}

const plan = auditPlan();

/** What a case's answer must be. */
interface Outcome {
  status: number;
  code?: number;
}

function expected(field: AuditedField, expect: ValueCase['expect'], schemaTakes: boolean): Outcome | 'success' {
  if (expect === 'unknown id') return field.says404 || field.parsed.unknownIdIs404 ? { status: 404, code: 31 } : { status: 422, code: 32 };
  const taken = field.differs ? schemaTakes : expect === 'taken';
  return taken ? 'success' : { status: 422, code: 32 };
}

/** Failures by `label field`, and the numbers the summary reports. */
const failures = new Map<string, string[]>();
const baseFailures: string[] = [];
let sent = 0;
let notApplicable = 0;

async function runPool<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

beforeAll(async () => {
  const server = await startTestServer({ demoData: true });
  const fixtures = new FixtureRegistry(httpSend(server.url, server.tokens.demo));
  const send = (method: string, path: string, body: Json) => request(server.url, method, path, { body, token: server.tokens.demo });

  interface Job {
    audited: AuditedOperation;
    field?: AuditedField;
    case?: ValueCase;
  }
  const jobs: Job[] = plan.audited.flatMap((audited) => [
    { audited },
    ...audited.fields.flatMap((field) => field.cases.map((c) => ({ audited, field, case: c }))),
  ]);
  // The objects every body names are made first, one at a time, so that concurrent cases share them.
  for (const { op } of plan.audited) {
    await fixtures.pathValues(op);
    await fixtures.jsonBody(op);
  }

  await runPool(jobs, async ({ audited, field, case: c }) => {
    const { op, label } = audited;
    const method = op.method.toUpperCase();
    const path = await fixtures.path(op);
    // A new body each time: names the server wants unique get a suffix of their own.
    const body: JsonObject = await fixtures.jsonBody(op);
    if (!field || !c) {
      const reply = await send(method, path, body);
      sent += 1;
      if (reply.status >= 300) baseFailures.push(`${label}: the valid body answered ${reply.status}: ${reply.text.slice(0, 200)}`);
      return;
    }
    const valid = body[field.name];
    if (c.appliesTo && !c.appliesTo(valid)) {
      notApplicable += 1;
      return;
    }
    const id = typeof valid === 'number' ? valid : Array.isArray(valid) && typeof valid[0] === 'number' ? valid[0] : field.reference ? await fixtures.get(field.reference.resource, field.reference.nth) : undefined;
    body[field.name] = c.value({ valid, id }) as Json;
    const schemaTakes = contract.validator(contract.requestBody(op.operationId)!.schemaPointer)(body) as boolean;
    const want = expected(field, c.expect, schemaTakes);
    const reply = await send(method, path, body);
    sent += 1;
    const code = (reply.json as { error?: { error_code?: unknown } } | undefined)?.error?.error_code;
    const ok = want === 'success' ? reply.status >= 200 && reply.status < 300 : reply.status === want.status && code === want.code;
    const key = `${label} ${field.name}`;
    const fail = (problem: string) => failures.set(key, [...(failures.get(key) ?? []), `${c.kind}: ${c.label} → ${problem}`]);
    if (!ok) {
      fail(`${reply.status} (expected ${want === 'success' ? '2xx' : `${want.status} with code ${want.code}`}): ${reply.text.slice(0, 160)}`);
      return;
    }
    // A day written as a date-time is kept as that day, in whatever form the answer gives it.
    const answered = valueAt(reply.json, `/data/${field.name}`);
    if (want === 'success' && c.kind === 'date' && typeof answered === 'string' && !answered.startsWith(LENIENT_DAY)) fail(`taken, but answered as ${answered}`);
  });
}, 120_000);

afterAll(async () => {
  const fields = plan.audited.flatMap((a) => a.fields);
  const kinds = new Map<RuleKind, number>();
  for (const field of fields) for (const kind of field.parsed.kinds) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  const differing = plan.audited.flatMap((a) => a.fields.filter((f) => f.differs).map((f) => `  ${a.label} ${f.name}: ${f.differs}`));
  console.info(
    [
      `Leniency audit: ${plan.audited.length} operations, ${fields.length} fields, ${sent} requests (${notApplicable} cases not applicable to the valid body).`,
      `Rule kinds (fields): ${[...kinds].map(([kind, n]) => `${kind} ${n}`).join(', ')}.`,
      `Not in the spec, so not audited: ${plan.notInSpec.length} operations${plan.notInSpec.length ? ` (${plan.notInSpec.join(', ')})` : ''}; fields: ${plan.fieldsNotInSpec.join(', ') || 'none'}.`,
      `Where the spec documents a difference from Monica 4.x, its schema decides (${differing.length} fields):`,
      ...differing,
    ].join('\n'),
  );
  await closeTestServers();
});

describe('every request field takes what Monica 4.x takes, and refuses what it refuses', () => {
  it('starts from valid bodies the server takes', () => {
    expect(baseFailures).toEqual([]);
  });

  it('audits every JSON write of the spec the inventory has rules for, with every kind of rule', () => {
    // The others are those 4.x serves without reading a rule (groups, partners and kids).
    const audited = new Set(plan.audited.map((a) => a.op.operationId));
    const ruled = new Set(extractedOperations().filter((e) => e.request_fields.some((f) => parseRule(f.rule))).map((e) => `${e.method} ${e.path}`));
    const left = operations.filter((op) => op.requestContentType === 'application/json' && !audited.has(op.operationId));
    expect(left.filter((op) => ruled.has(`${op.method.toUpperCase()} ${op.path}`)).map((op) => op.operationId)).toEqual([]);
    expect(plan.audited.length).toBeGreaterThanOrEqual(45);
    const kinds = new Set(plan.audited.flatMap((a) => a.fields.flatMap((f) => [...f.parsed.kinds])));
    expect([...kinds].sort()).toEqual(['array', 'boolean', 'date', 'date_format', 'exists', 'in', 'integer', 'max', 'nullable', 'numeric', 'string']);
  });

  for (const { label, fields } of plan.audited) {
    describe(label, () => {
      for (const field of fields) {
        const follows = field.differs ? ' — follows the spec, which differs from 4.x' : '';
        it(`${field.name}: ${field.rule}${follows}`, () => {
          expect(failures.get(`${label} ${field.name}`) ?? []).toEqual([]);
        });
      }
    });
  }
});
