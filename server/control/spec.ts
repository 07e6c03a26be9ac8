// The control API's own contract (server/control/openapi.yaml): served as is, and the source of the request body's
// schema, so the rules a request must follow are written once, in the document.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { parseYaml } from '../yaml.js';

export const CONTROL_SPEC_PATH = fileURLToPath(new URL('./openapi.yaml', import.meta.url));

/** The document's text, and the document. */
export function loadControlSpec(): { text: string; document: Record<string, unknown> } {
  const text = readFileSync(CONTROL_SPEC_PATH, 'utf8');
  return { text, document: parseYaml(text) as Record<string, unknown> };
}

/** Checks a value against one of the document's component schemas: the sentences saying what is wrong, or none. */
export function schemaChecker(document: Record<string, unknown>, schemaName: string): (value: unknown) => string[] {
  // Formats are not checked: the request schemas use none, and the answers are the server's own.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: 'control', components: document.components }, 'control');
  const validate = ajv.compile({ $ref: `control#/components/schemas/${schemaName}` });
  return (value) => (validate(value) ? [] : (validate.errors ?? []).map(sentence));
}

function sentence(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'the body' : error.instancePath.slice(1).replace(/\//g, '.');
  if (error.keyword === 'additionalProperties') return `${where} has an unknown property "${String(error.params.additionalProperty)}"`;
  if (error.keyword === 'type') return `${where} must be ${article(String(error.params.type))}`;
  return `${where} ${error.message ?? 'is not valid'}`;
}

const article = (type: string) => (type === 'object' || type === 'integer' || type === 'array' ? `an ${type}` : `a ${type}`);
