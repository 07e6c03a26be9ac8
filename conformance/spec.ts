// Typed access to the contract's rules (rules.cjs, CommonJS so that the Dredd hooks can require it too).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface OperationRef {
  template: string;
  operationId: string;
  tag: string;
  method: string;
  /** The statuses the contract documents for it. */
  statuses: number[];
}

interface Rules {
  findOperation(method: string, urlPath: string): OperationRef | undefined;
  allOperations(): OperationRef[];
  responseProblems(response: {
    method: string;
    template: string;
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }): string[];
  /** The 3.1 bundle (generated/openapi.json) the rules read. */
  spec: any;
  /** The node of the bundle a local `$ref` names (undefined when it names nothing). */
  resolvePointer(pointer: string): any;
}

const rules = require('./rules.cjs') as Rules;

export const findOperation = rules.findOperation;
export const allOperations = rules.allOperations;
export const responseProblems = rules.responseProblems;
export const spec = rules.spec;
export const resolvePointer = rules.resolvePointer;
