// Finds which operation of the spec a request is for, so that middleware can act on it before routing.

export interface OperationInfo {
  operationId: string;
  method: string;
  path: string;
  expressPath: string;
  authRequired: boolean;
}

function compile(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => (/^\{.+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/** Returns a lookup from a request's method and path to its operation (undefined when the spec has none). */
export function createOperationMatcher(operations: readonly OperationInfo[]) {
  // Literal paths first so that `/contacts/{id}` never shadows a fixed path of the same length.
  const compiled = operations
    .map((operation) => ({ operation, method: operation.method.toUpperCase(), pattern: compile(operation.path) }))
    .sort((a, b) => (a.operation.path.match(/\{/g)?.length ?? 0) - (b.operation.path.match(/\{/g)?.length ?? 0));
  return (method: string, path: string): OperationInfo | undefined => {
    const wanted = method.toUpperCase();
    return compiled.find((c) => c.method === wanted && c.pattern.test(path))?.operation;
  };
}
