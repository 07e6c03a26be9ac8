// Finds which operation of the spec a request is for, so that middleware can act on it before routing.

export interface OperationInfo {
  operationId: string;
  method: string;
  path: string;
  expressPath: string;
  authRequired: boolean;
}

interface CompiledOperation extends OperationInfo {
  pattern: RegExp;
}

export interface MatchResult {
  operation?: OperationInfo;
  /** True when the path exists but not with this method. */
  pathKnown: boolean;
}

function compile(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => (/^\{.+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`);
}

export function createOperationMatcher(operations: OperationInfo[]) {
  // Literal paths first so that `/contacts/{id}` never shadows a fixed path of the same length.
  const compiled: CompiledOperation[] = operations
    .map((op) => ({ ...op, pattern: compile(op.path) }))
    .sort((a, b) => (a.path.match(/\{/g)?.length ?? 0) - (b.path.match(/\{/g)?.length ?? 0));
  return (method: string, path: string): MatchResult => {
    let pathKnown = false;
    for (const op of compiled) {
      if (!op.pattern.test(path)) continue;
      pathKnown = true;
      if (op.method.toUpperCase() === method.toUpperCase()) return { operation: op, pathKnown };
    }
    return { pathKnown };
  };
}
