// The contract module and the generated metadata: what they say must be what the spec says.
import { describe, expect, it } from 'vitest';
import { errorCodes, globalSortValues, loadContract, operationPath, operations, resources, type OperationMeta } from '../contract/index.js';
import { responseProblems } from '../contract/responses.js';

const contract = loadContract();
const allOps: readonly OperationMeta[] = Object.values(operations);

describe('generated metadata', () => {
  it('gives every list the Limit parameter\'s default and maximum, and no paging to operations without `limit`', () => {
    const limit = contract.at('/components/parameters/Limit') as { schema: { default: number; maximum: number } };
    for (const op of allOps) {
      const takesLimit = 'limit' in op.queryParams;
      expect(op.paging, op.operationId).toEqual(takesLimit ? { defaultLimit: limit.schema.default, maxLimit: limit.schema.maximum } : null);
    }
  });

  it('lists each sorting list\'s values as its sort parameter\'s enum, with fields and a default among them', () => {
    const sorting = allOps.filter((op) => op.sort !== null);
    expect(sorting.length).toBeGreaterThan(10);
    for (const op of sorting) {
      expect(op.sort!.values).toEqual(op.queryParams['sort']!.enum);
      for (const value of op.sort!.values) expect(op.sort!.fields).toContain(value.replace(/^-/, ''));
      expect(op.sort!.fields).toContain(op.sort!.defaultField);
      // Every value a list sorts by is one Monica's global check lets through.
      for (const value of op.sort!.values) expect(globalSortValues).toContain(value);
    }
  });

  it('takes the error-code table from x-error-codes, in agreement with the ErrorCode description\'s table', () => {
    const schema = contract.at('/components/schemas/ErrorCode') as { description: string; enum: number[] };
    const prose = new Map(
      [...schema.description.matchAll(/^\| (\d+) \| (\d+) \|/gm)].map((m) => [Number(m[1]), Number(m[2])] as const),
    );
    expect(Object.keys(errorCodes).map(Number)).toEqual(schema.enum);
    for (const [code, { status }] of Object.entries(errorCodes)) expect(prose.get(Number(code)), `code ${code}`).toBe(status);
  });

  it('marks every id field of every request body with the resource it names, and every such resource exists', () => {
    for (const op of allOps) {
      const body = contract.requestBody(op.operationId);
      if (!body) continue;
      for (const [field, property] of Object.entries(body.properties)) {
        const idLike = /_id$|^contact_is$|^of_contact$/.test(field) && property['deprecated'] !== true;
        if (idLike) expect(op.bodyReferences[field]?.resource, `${op.operationId} ${field}`).toBeDefined();
      }
      for (const ref of Object.values(op.bodyReferences)) expect(resources).toHaveProperty(ref.resource);
    }
    expect(operations.createNote.bodyReferences).toEqual({ contact_id: { resource: 'contacts', isArray: false, nullable: false } });
    expect(operations.attachContactsToGroup.bodyReferences['contacts']).toMatchObject({ resource: 'contacts', isArray: true });
  });

  it('names, for every resource with a read operation, the operation whose path ends in an id of that resource', () => {
    for (const [name, ops] of Object.entries(resources)) {
      const get = (ops as { get?: keyof typeof operations }).get;
      if (!get) continue;
      const op = operations[get];
      const last = /\{([^}]+)\}$/.exec(op.path)![1]!;
      expect((op.pathParams as Record<string, { references?: string }>)[last]!.references, name).toBe(name);
    }
    expect(resources.notes).toMatchObject({ list: 'listNotes', create: 'createNote', get: 'getNote', listForContact: 'listContactNotes' });
  });

  it('builds paths from a template and refuses a missing parameter', () => {
    expect(operationPath('getNote', { id: 3 })).toBe('/notes/3');
    expect(operationPath('updateConversationMessage', { id: 1, messageId: 'a/b' })).toBe('/conversations/1/messages/a%2Fb');
    expect(() => operationPath('getNote', {} as { id: number })).toThrow(/needs the path parameter id/);
  });
});

describe('contract module', () => {
  it('finds the operation of a request, literal segments before ids, with its parameters', () => {
    expect(contract.findOperation('GET', '/api/contacts/12/notes?page=2')).toMatchObject({
      operation: { operationId: 'listContactNotes' },
      params: { id: '12' },
    });
    expect(contract.findOperation('PUT', 'http://h:1/api/conversations/4/messages/9')?.operation.operationId).toBe('updateConversationMessage');
    expect(contract.findOperation('GET', '/me/compliance')?.operation.operationId).toBe('listComplianceSignatures');
    expect(contract.findOperation('PATCH', '/contacts/1')).toBeUndefined();
    expect(contract.findOperation('GET', '/nothing')).toBeUndefined();
    // Every operation is found from its own template.
    for (const op of allOps) expect(contract.findOperation(op.method, op.path.replace(/\{[^}]+\}/g, '7'))?.operation).toBe(op);
  });

  it('reads request bodies merged through allOf, with their examples valid against their schemas', () => {
    const body = contract.requestBody('createOccupation')!;
    expect(body.required).toEqual(expect.arrayContaining(['title', 'contact_id', 'company_id']));
    let checked = 0;
    for (const op of allOps) {
      const shape = contract.requestBody(op.operationId);
      if (!shape || shape.example === undefined || shape.contentType !== 'application/json') continue;
      const validate = contract.validator(shape.schemaPointer);
      expect(validate(shape.example), `${op.operationId}: ${JSON.stringify(validate.errors)}`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('judges responses: documented status, schema with the JSON path of the fault, content type and declared headers', () => {
    const headers = { 'content-type': 'application/json', 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '59' };
    const notFound = JSON.stringify({ error: { message: 'The resource has not been found', error_code: 31 } });
    expect(responseProblems({ method: 'GET', template: '/notes/{id}', status: 404, headers, body: notFound })).toEqual([]);
    expect(responseProblems({ method: 'GET', template: '/notes/{id}', status: 418, headers, body: notFound })[0]).toMatch(/status 418 is not documented/);
    expect(responseProblems({ method: 'GET', template: '/notes/{id}', status: 404, headers: { ...headers, 'content-type': 'text/html' }, body: notFound })).toEqual([
      'Content-Type is "text/html", expected application/json',
    ]);
    const wrongCode = JSON.stringify({ error: { message: 'x', error_code: 'thirty-one' } });
    expect(responseProblems({ method: 'GET', template: '/notes/{id}', status: 404, headers, body: wrongCode })).toContain('/error/error_code must be integer (type)');
    const { 'x-ratelimit-remaining': _gone, ...fewer } = headers;
    expect(responseProblems({ method: 'GET', template: '/notes/{id}', status: 404, headers: fewer, body: notFound })).toEqual([
      'header X-RateLimit-Remaining is missing (declared for 404)',
    ]);
  });
});
