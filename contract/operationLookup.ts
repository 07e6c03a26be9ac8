/**
 * Which operation a request is for, from the generated operation table alone (no bundle to load): the lookup the
 * contract module's `findOperation` uses, and the one the reference server runs on every request. The patterns
 * are compiled once, grouped by method.
 */
import { operations, type OperationMeta } from '../generated/server/operations.gen.js';

export interface OperationMatch {
  operation: OperationMeta;
  /** The path parameters as sent (strings), by name. */
  params: Record<string, string>;
}

interface CompiledPath {
  operation: OperationMeta;
  pattern: RegExp;
  names: string[];
}

export interface OperationLookup {
  /** The operation of a method and a path relative to the API base (`/contacts/12`, no query string). */
  match(method: string, path: string): OperationMeta | undefined;
  /** The same with the path parameters, decoded (a parameter that is not valid percent-encoding throws URIError). */
  find(method: string, path: string): OperationMatch | undefined;
}

function compile(operation: OperationMeta): CompiledPath & { literalSegments: number; segments: number } {
  const segments = operation.path.split('/').slice(1);
  const names: string[] = [];
  const source = segments
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      names.push(param[1]!);
      return '([^/]+)';
    })
    .join('/');
  return {
    operation,
    pattern: new RegExp(`^/${source}/?$`),
    names,
    literalSegments: segments.filter((s) => !s.startsWith('{')).length,
    segments: segments.length,
  };
}

export function createOperationLookup(list: readonly OperationMeta[] = Object.values(operations)): OperationLookup {
  const byMethod = new Map<string, CompiledPath[]>();
  const compiled = list
    .map(compile)
    // Literal segments win over `{id}`: `/contacts/{id}/notes` never shadows a fixed path of the same length.
    .sort((a, b) => b.segments - a.segments || b.literalSegments - a.literalSegments);
  for (const entry of compiled) {
    const method = entry.operation.method.toUpperCase();
    byMethod.set(method, [...(byMethod.get(method) ?? []), entry]);
  }
  const candidatesOf = (method: string) => byMethod.get(method) ?? byMethod.get(method.toUpperCase()) ?? [];
  return {
    match: (method, path) => candidatesOf(method).find((candidate) => candidate.pattern.test(path))?.operation,
    find(method, path) {
      for (const candidate of candidatesOf(method)) {
        const match = candidate.pattern.exec(path);
        if (!match) continue;
        const params: Record<string, string> = {};
        candidate.names.forEach((name, i) => {
          params[name] = decodeURIComponent(match[i + 1]!);
        });
        return { operation: candidate.operation, params };
      }
      return undefined;
    },
  };
}
