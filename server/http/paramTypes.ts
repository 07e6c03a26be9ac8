// Reads, from the bundled spec, which path and query parameters are integers, so the adapter can hand
// handlers numbers (Express gives strings) exactly where the generated types promise them.

interface SpecParameter {
  name: string;
  in: string;
  schema?: { type?: string | string[]; $ref?: string };
  $ref?: string;
}

type Spec = {
  paths: Record<string, Record<string, { operationId?: string; parameters?: SpecParameter[] } & Record<string, unknown>>>;
  components?: { parameters?: Record<string, SpecParameter>; schemas?: Record<string, { type?: string | string[] }> };
};

export type IntegerParams = Map<string, { path: Set<string>; query: Set<string> }>;

function resolve<T>(spec: Spec, ref: string): T {
  const parts = ref.replace(/^#\//, '').split('/');
  let node: unknown = spec;
  for (const p of parts) node = (node as Record<string, unknown>)[p];
  return node as T;
}

export function integerParamsByOperation(spec: Spec): IntegerParams {
  const result: IntegerParams = new Map();
  for (const pathItem of Object.values(spec.paths)) {
    const shared = (pathItem.parameters as unknown as SpecParameter[] | undefined) ?? [];
    for (const [method, op] of Object.entries(pathItem)) {
      if (method === 'parameters' || !op?.operationId) continue;
      const entry = { path: new Set<string>(), query: new Set<string>() };
      for (const raw of [...shared, ...(op.parameters ?? [])]) {
        const param = raw.$ref ? resolve<SpecParameter>(spec, raw.$ref) : raw;
        const schema = param.schema?.$ref ? resolve<{ type?: string | string[] }>(spec, param.schema.$ref) : param.schema;
        const types = ([] as string[]).concat(schema?.type ?? []);
        if (types.includes('integer') && (param.in === 'path' || param.in === 'query')) entry[param.in].add(param.name);
      }
      result.set(op.operationId, entry);
    }
  }
  return result;
}

/** Converts the named values to numbers when they are plain decimal integers; anything else is left for the validator. */
export function coerceIntegers(values: Record<string, unknown>, names: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...values };
  for (const name of names) {
    const v = out[name];
    // The validator's coercion takes surrounding white space (`%201`) as the integer too: so must the handler.
    if (typeof v === 'string' && /^\s*-?\d{1,15}\s*$/.test(v)) out[name] = Number(v);
  }
  return out;
}
