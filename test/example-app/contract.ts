// What the contract documents for the operations the example app calls, read from the bundled spec: the tests
// expect these values, so they follow the spec and are never typed again.
import { mediaExamples, METHODS, resolveRef, spec } from '../helpers/mockCalls.js';

/**
 * An example of a documented status: the one named, else the first (the one the generated MSW handlers answer
 * by default).
 */
export function documentedExample(operationId: string, status: number, name?: string): any {
  for (const item of Object.values<any>(spec.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      if (!METHODS.includes(method) || op.operationId !== operationId) continue;
      const examples = mediaExamples(resolveRef(op.responses[String(status)])?.content?.['application/json']);
      const found = name === undefined ? Object.values(examples)[0] : examples[name];
      if (found === undefined) throw new Error(`${operationId} documents no example ${name ?? ''} for ${status}`);
      return found;
    }
  }
  throw new Error(`the spec has no operation ${operationId}`);
}

/** The names of the contacts of a documented example of listContacts. */
export function documentedContactNames(name?: string): string[] {
  return documentedExample('listContacts', 200, name).data.map((contact: { complete_name: string }) => contact.complete_name);
}
