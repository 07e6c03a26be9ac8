/**
 * The contract at run time, for every part of the toolkit that reads it (server, conformance, fuzzer, tests,
 * mock): the 3.1 bundle loaded once, `$ref` resolution, one Ajv 2020-12 instance with formats, operation lookup
 * by method and path, and each operation's schemas. The per-operation facts come from the generated metadata
 * (generated/server/), never from a copy typed here.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { operations, operationIds, type OperationId, type OperationMeta } from '../generated/server/operations.gen.js';
import { errorCodes, globalSortValues, resources, type ErrorCode, type ResourceName } from '../generated/server/contract.gen.js';
import {
  escapePointerToken,
  inlineRefs,
  isObject,
  nodeAt,
  objectShape,
  resolveRef,
  resolveWithPointer,
  type Json,
  type JsonObject,
} from './document.js';
import { createOperationLookup, type OperationLookup, type OperationMatch } from './operationLookup.js';

export { errorCodes, globalSortValues, operationIds, operations, resources };
export type { ErrorCode, Json, JsonObject, OperationId, OperationMeta, ResourceName };
export { escapePointerToken, inlineRefs, isObject, nodeAt, objectShape, resolveRef } from './document.js';
export { operationPath } from '../generated/server/operations.gen.js';
export { createOperationLookup, type OperationLookup, type OperationMatch } from './operationLookup.js';

/** The bundle every part reads: generated/openapi.json. */
export const BUNDLE_FILE = fileURLToPath(new URL('../generated/openapi.json', import.meta.url));

/** The `$id` the bundle is registered under in Ajv, so schemas compile by pointer into it. */
const SPEC_ID = 'https://monica-contract.invalid/openapi.json';

export interface RequestBodyShape {
  contentType: string;
  /** JSON pointer of the body's schema inside the bundle. */
  schemaPointer: string;
  /** Merged through `$ref` and `allOf`: each property resolved (its own keywords kept). */
  properties: Record<string, JsonObject>;
  required: string[];
  /** The documented example: the media type's `example`, else its first named example, else the schema's. */
  example: Json | undefined;
}

export class Contract {
  readonly document: JsonObject;
  /** One Ajv for the whole toolkit: JSON Schema 2020-12, every format in full mode, the bundle registered once. */
  readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly lookup: OperationLookup = createOperationLookup();

  constructor(document: JsonObject) {
    this.document = document;
    // `verbose` keeps each error's schema, so a failed `oneOf` can be narrowed to its closest branch.
    this.ajv = new Ajv2020({ strict: false, allErrors: true, verbose: true, inlineRefs: false });
    // ajv-formats is CommonJS: under NodeNext its function is the default export's `default`.
    addFormats.default(this.ajv, { mode: 'full' });
    this.ajv.addSchema({ ...document, $id: SPEC_ID });
  }

  /** The node a local pointer names (`#/components/schemas/Contact`). */
  at(pointer: string): Json | undefined {
    return nodeAt(this.document, pointer);
  }

  /** Follows `$ref`s to the node they name. */
  resolve<T extends Json = Json>(node: Json | undefined): T | undefined {
    return resolveRef(this.document, node) as T | undefined;
  }

  /** A copy of a node with every `$ref` inlined (for tools that cannot follow references). */
  inline(node: Json | undefined): Json | undefined {
    return inlineRefs(this.document, node);
  }

  operation(operationId: string): OperationMeta {
    const found = (operations as Record<string, OperationMeta>)[operationId];
    if (!found) throw new Error(`the contract has no operation ${operationId}`);
    return found;
  }

  /** The spec's own operation object (parameters, requestBody, responses...). */
  specOperation(operationId: string): JsonObject {
    const op = this.operation(operationId);
    const node = this.at(`/paths/${escapePointerToken(op.path)}/${op.method}`);
    if (!isObject(node)) throw new Error(`the bundle has no ${op.method} ${op.path}`);
    return node;
  }

  /**
   * The operation a request names, with its path parameters: `findOperation('GET', '/contacts/12?with=x')`.
   * `url` is relative to the API base; a leading `/api` or a full URL is accepted too.
   */
  findOperation(method: string, url: string): OperationMatch | undefined {
    let bare = String(url).split('?')[0]!.split('#')[0]!;
    if (/^https?:\/\//.test(bare)) bare = new URL(bare).pathname;
    bare = bare.replace(/^\/api(?=\/|$)/, '') || '/';
    return this.lookup.find(method, bare);
  }

  /** The operation with this method and path template (`GET`, `/contacts/{id}`). */
  operationAt(method: string, template: string): OperationMeta | undefined {
    const wanted = method.toLowerCase();
    return Object.values(operations).find((op) => op.method === wanted && op.path === template);
  }

  /** The operation's request body, or undefined when it takes none. */
  requestBody(operationId: string): RequestBodyShape | undefined {
    const op = this.operation(operationId);
    const base = `/paths/${escapePointerToken(op.path)}/${op.method}/requestBody`;
    const { node: body, pointer } = resolveWithPointer(this.document, this.at(base), base);
    if (!isObject(body) || !isObject(body['content'])) return undefined;
    const [contentType, media] = Object.entries(body['content'])[0] ?? [];
    if (!contentType || !isObject(media)) return undefined;
    const schemaPointer = `${pointer.replace(/^#/, '')}/content/${escapePointerToken(contentType)}/schema`;
    const { properties, required } = objectShape(this.document, media['schema']);
    const examples = isObject(media['examples']) ? Object.values(media['examples']) : [];
    const firstExample = examples.length > 0 ? this.resolve(examples[0]) : undefined;
    const schema = this.resolve(media['schema']);
    const example =
      media['example'] ??
      (isObject(firstExample) ? firstExample['value'] : undefined) ??
      (isObject(schema) ? schema['example'] : undefined);
    return { contentType, schemaPointer, properties, required, example };
  }

  /** The response object of a status, with the pointer where it really lives (`$ref`s followed). */
  response(operationId: string, status: number | string): { response: JsonObject; pointer: string } | undefined {
    const op = this.operation(operationId);
    const base = `/paths/${escapePointerToken(op.path)}/${op.method}/responses/${status}`;
    const { node, pointer } = resolveWithPointer(this.document, this.at(base), base);
    return isObject(node) ? { response: node, pointer: pointer.replace(/^#/, '') } : undefined;
  }

  /** The pointer of a response's JSON body schema, or undefined when that status has no JSON body. */
  responseSchemaPointer(operationId: string, status: number | string): string | undefined {
    const found = this.response(operationId, status);
    const content = found && isObject(found.response['content']) ? found.response['content'] : undefined;
    const media = content?.['application/json'];
    if (!isObject(media) || media['schema'] === undefined) return undefined;
    return `${found!.pointer}/content/application~1json/schema`;
  }

  /** A validator for the schema at a pointer of the bundle, compiled once and kept. */
  validator(pointer: string): ValidateFunction {
    const key = pointer.replace(/^#/, '');
    const known = this.compiled.get(key);
    if (known) return known;
    const validate = this.ajv.compile({ $ref: `${SPEC_ID}#${key}` });
    this.compiled.set(key, validate);
    return validate;
  }

  /**
   * A validator for a schema that is not at a pointer of the bundle (a `oneOf` branch, a header's schema): its
   * local `$ref`s still name the bundle's components. Compiled once per distinct schema.
   */
  schemaValidator(schema: Json): ValidateFunction {
    const text = JSON.stringify(schema).replace(/"\$ref":"#\//g, `"$ref":"${SPEC_ID}#/`);
    const known = this.compiled.get(text);
    if (known) return known;
    const validate = this.ajv.compile(JSON.parse(text) as object);
    this.compiled.set(text, validate);
    return validate;
  }

  /** The status and message of an error code, as the spec's `x-error-codes` gives them. */
  errorCode(code: ErrorCode): { status: number; message: string } {
    return errorCodes[code];
  }

  /** The operations of a resource collection (`notes` → listNotes, createNote, ...). */
  resource(name: ResourceName): (typeof resources)[ResourceName] {
    return resources[name];
  }
}

const loaded = new Map<string, Contract>();

/** The contract of a bundle file (generated/openapi.json by default), loaded once per process. */
export function loadContract(file: string = BUNDLE_FILE): Contract {
  let contract = loaded.get(file);
  if (!contract) {
    contract = new Contract(JSON.parse(readFileSync(file, 'utf8')) as JsonObject);
    loaded.set(file, contract);
  }
  return contract;
}
