// The contract pipeline: generated/ is exactly what the scripts produce, the spec lints clean, the server stubs
// really constrain handlers, the operation table and the docs match the bundle, and Dredd reads every
// operation (the Prism mock's answers under /api are test/mock.test.ts).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isObject, readJson, type JsonObject } from '../scripts/lib/json.js';
import { typePrefix } from '../scripts/lib/server-stubs.js';
import { convertTo30 } from '../scripts/lib/downconvert.js';
import { bin, outputPaths, redoclyConfig, repoRoot, specRoot } from '../scripts/lib/paths.js';
import { run as runCommand } from '../scripts/lib/run.js';
import { sharedInputSchema } from '../scripts/lib/docs.js';

const committed = outputPaths(path.join(repoRoot, 'generated'));
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Runs a command from the repository root; a failure is returned (with all its output), not thrown. */
function exec(command: string, args: string[], env: Record<string, string> = {}) {
  const result = runCommand(command, args, { check: false, env });
  return { ...result, output: `${result.stdout}\n${result.stderr}` };
}

function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(path.join(dir, entry.name), rel) : [rel];
  });
}

/** The operations of the bundle, read directly (not through the generator's own code). */
function bundleOperations(bundle: JsonObject): { operationId: string; method: string; path: string; summary: string }[] {
  const out: { operationId: string; method: string; path: string; summary: string }[] = [];
  for (const [p, item] of Object.entries(isObject(bundle['paths']) ? bundle['paths'] : {})) {
    if (!isObject(item)) continue;
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method) || !isObject(op)) continue;
      out.push({ operationId: String(op['operationId']), method, path: p, summary: String(op['summary'] ?? '') });
    }
  }
  return out;
}

describe('pipeline', () => {
  let fresh: string;

  beforeAll(() => {
    fresh = mkdtempSync(path.join(os.tmpdir(), 'monica-generated-'));
  });
  afterAll(() => {
    if (fresh) rmSync(fresh, { recursive: true, force: true });
  });

  it('generated/ is byte for byte what bundle + generate + docs produce', () => {
    const env = { GENERATED_DIR: fresh };
    for (const script of ['scripts/generate.ts', 'scripts/docs.ts']) {
      const run = exec(bin('tsx'), [script], env);
      expect(run.status, `${script} failed:\n${run.output}`).toBe(0);
    }
    const expected = listFiles(fresh).sort();
    const actual = new Set(listFiles(committed.dir));
    const problems: string[] = [];
    for (const file of expected) {
      if (!actual.has(file)) problems.push(`missing in generated/: ${file}`);
      else if (!readFileSync(path.join(fresh, file)).equals(readFileSync(path.join(committed.dir, file)))) {
        problems.push(`differs from a fresh build: generated/${file}`);
      }
      actual.delete(file);
    }
    for (const file of [...actual].sort()) problems.push(`extra in generated/ (no script writes it): ${file}`);
    expect(problems, `run \`npm run generate && npm run docs\`:\n${problems.join('\n')}`).toEqual([]);
  }, 60_000);

  it('redocly lint passes with no errors and no warnings', () => {
    const run = exec(bin('redocly'), ['lint', '--config', redoclyConfig(), '--format', 'json', specRoot()]);
    expect(run.status, run.output).toBe(0);
    const report = JSON.parse(run.stdout) as { totals: { errors: number; warnings: number }; problems: unknown[] };
    expect(report.problems, JSON.stringify(report.problems, null, 2)).toEqual([]);
    expect(report.totals.errors).toBe(0);
    expect(report.totals.warnings).toBe(0);
  }, 30_000);

  // The server skips this check at start-up (server/http/validation.ts): the bundle it serves is checked here.
  it("the bundle passes express-openapi-validator's own OpenAPI schema check", async () => {
    const { OpenApiSpecLoader } = await import('express-openapi-validator/dist/framework/openapi.spec.loader.js');
    const apiDoc = readJson(path.join(repoRoot, 'generated', 'openapi.json'));
    const loaded = await new OpenApiSpecLoader({ apiDoc: apiDoc as never, validateApiSpec: true, $refParser: { mode: 'bundle' } }).load();
    expect(loaded.routes.length).toBe(bundleOperations(apiDoc).length);
    // And it can fail: a parameter without its required `in` is refused.
    const broken = structuredClone(apiDoc) as { paths: Record<string, Record<string, { parameters: Record<string, unknown>[] }>> };
    broken.paths['/contacts']!['get']!.parameters.unshift({ name: 'broken', schema: { type: 'string' } });
    await expect(new OpenApiSpecLoader({ apiDoc: broken as never, validateApiSpec: true, $refParser: { mode: 'bundle' } }).load()).rejects.toThrow();
  }, 30_000);

  it('the operation table holds exactly the operations of the bundle', async () => {
    const bundle = readJson(committed.bundle);
    const fromBundle = bundleOperations(bundle).map((op) => `${op.operationId} ${op.method} ${op.path}`).sort();
    const module = (await import(pathToFileURL(path.join(committed.server, 'operations.gen.ts')).href)) as {
      operations: Record<string, { operationId: string; method: string; path: string; expressPath: string }>;
      operationIds: readonly string[];
    };
    const table = Object.entries(module.operations).map(([key, op]) => {
      expect(op.operationId).toBe(key);
      expect(op.expressPath).toBe(op.path.replace(/\{([^}]+)\}/g, ':$1'));
      return `${op.operationId} ${op.method} ${op.path}`;
    });
    expect(table.sort()).toEqual(fromBundle);
    expect([...module.operationIds].sort()).toEqual(Object.keys(module.operations).sort());
    expect(fromBundle.length).toBeGreaterThan(0);
  });

  it('the server stubs reject a Handlers object missing an operation or with a mistyped handler', () => {
    const bundle = readJson(committed.bundle);
    const first = bundleOperations(bundle)[0]!;
    const prefix = typePrefix(first.operationId);
    const handlersModule = path.join(committed.server, 'handlers.gen.js');
    const typesModule = path.join(committed.client, 'types.gen.js');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'monica-stubs-'));
    try {
      const check = path.join(dir, 'check.ts');
      writeFileSync(
        check,
        [
          `import type { Handlers, ${prefix}Handler } from ${JSON.stringify(handlersModule)};`,
          `import type { ${prefix}Responses } from ${JSON.stringify(typesModule)};`,
          `type Ctx = { user: string };`,
          `declare const complete: Handlers<Ctx>;`,
          `declare const okBody: ${prefix}Responses[keyof ${prefix}Responses];`,
          `declare const okStatus: keyof ${prefix}Responses;`,
          `export const all: Handlers<Ctx> = complete;`,
          `const { ${first.operationId}: _dropped, ...rest } = complete;`,
          `// @ts-expect-error a Handlers object missing ${first.operationId} must not compile`,
          `export const incomplete: Handlers<Ctx> = rest;`,
          `export const wrongStatus: Handlers<Ctx> = {`,
          `  ...complete,`,
          `  // @ts-expect-error an undocumented status must not compile`,
          `  ${first.operationId}: async () => ({ status: 299 as const, body: okBody }),`,
          `};`,
          `export const wrongContext: ${prefix}Handler<Ctx> = ({ context }) => {`,
          `  // @ts-expect-error the context is typed`,
          `  const n: number = context.user;`,
          `  void n;`,
          `  return { status: okStatus, body: okBody } as Awaited<ReturnType<${prefix}Handler<Ctx>>>;`,
          `};`,
          '',
        ].join('\n'),
      );
      writeFileSync(
        path.join(dir, 'tsconfig.json'),
        JSON.stringify({
          extends: path.join(repoRoot, 'tsconfig.json'),
          compilerOptions: { types: [], noUnusedLocals: false },
          include: [check],
        }),
      );
      const run = exec(bin('tsc'), ['--noEmit', '-p', path.join(dir, 'tsconfig.json')]);
      expect(run.output.trim(), 'tsc output').toBe('');
      expect(run.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('the docs name every operation and load nothing from the network', () => {
    // The drift test proves the committed page is a fresh build; read it from there. Redoc renders in the
    // browser from the definition embedded in the page, so that is where the summaries are.
    const html = readFileSync(committed.docs, 'utf8');
    const named = (summary: string) =>
      [JSON.stringify(summary), JSON.stringify(summary).replace(/</g, '\\u003c')].some((json) => html.includes(`"summary":${json}`));
    const missing = bundleOperations(readJson(committed.bundle))
      .filter((op) => !named(op.summary))
      .map((op) => `${op.operationId}: ${op.summary}`);
    expect(missing).toEqual([]);
    expect(html).toContain('hydrate(__redoc_definition');
    expect(html).not.toMatch(/<script\b[^>]*\bsrc\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b[^>]*\bhref\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/import\s*(\{[^}]*\}\s*from\s*)?["']https?:/);
  });

  it("the docs show each shared input schema's sentence under every field that names it", () => {
    // The spec says each leniency once, in a `Lenient*` schema; Redoc would show only a field's own description.
    const bundle = readJson(committed.bundle);
    const html = readFileSync(committed.docs, 'utf8');
    const schemas = (bundle['components'] as JsonObject)['schemas'] as JsonObject;
    const naming = new Map<string, number>();
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (!isObject(node)) return;
      const name = sharedInputSchema(node);
      if (name && typeof node['description'] === 'string') naming.set(name, (naming.get(name) ?? 0) + 1);
      Object.values(node).forEach(visit);
    };
    visit(bundle);
    expect(naming.size).toBeGreaterThan(3);
    for (const [name, fields] of naming) {
      const sentence = JSON.stringify(String((schemas[name] as JsonObject)['description']).trim()).slice(1, -1);
      // Once in the schema itself, and once under each field.
      expect(html.split(sentence).length - 1, name).toBeGreaterThanOrEqual(fields + 1);
    }
  });

  it('Dredd reads every operation of the 3.0 document without parse errors', () => {
    // Dredd exits before a pipe is drained once its output grows large: let it write to a file instead.
    const log = path.join(mkdtempSync(path.join(os.tmpdir(), 'dredd-names-')), 'names.log');
    const shell = exec('sh', ['-c', `"$0" "$1" http://127.0.0.1:9 --names --no-color > "$2" 2>&1`, bin('dredd'), committed.bundle30, log]);
    const run = { ...shell, output: readFileSync(log, 'utf8') };
    rmSync(path.dirname(log), { recursive: true, force: true });
    expect(run.status, run.output).toBe(0);
    expect(run.output).not.toMatch(/^error:/m);
    // Warnings that would mean a schema or an operation is lost (the others name keywords Dredd ignores).
    expect(run.output).not.toMatch(/'type' (is not a string|must be)|contains invalid key '(type|const|nullable|oneOf)'|Reference Object/);
    const names = run.output;
    const missing = bundleOperations(readJson(committed.bundle))
      .filter((op) => !names.includes(`${op.path} > ${op.summary} > `))
      .map((op) => op.operationId);
    expect(missing).toEqual([]);
  }, 30_000);

  it('the 3.0 down-conversion leaves no 3.1-only constructs', () => {
    const doc = convertTo30({
      openapi: '3.1.0',
      info: { title: 't', version: '1', summary: 's' },
      paths: {},
      components: {
        schemas: {
          Target: { type: 'object', properties: { a: { type: 'string' } } },
          Lenient: { type: ['integer', 'string', 'null'], minimum: 1, pattern: '^[0-9]+$', description: 'd' },
          Flag: { enum: [true, false, 1, 0, '1', '0', null] },
          Holder: {
            type: 'object',
            properties: {
              ref: { oneOf: [{ $ref: '#/components/schemas/Target' }, { type: 'null' }], description: 'kept' },
              fixed: { type: 'boolean', const: false },
              text: { type: ['string', 'null'], maxLength: 3 },
            },
          },
        },
      },
    });
    const schemas = (doc['components'] as JsonObject)['schemas'] as JsonObject;
    expect(doc['openapi']).toBe('3.0.3');
    expect((doc['info'] as JsonObject)['summary']).toBeUndefined();
    expect(schemas['Lenient']).toEqual({
      description: 'd',
      oneOf: [
        { type: 'integer', minimum: 1, nullable: true },
        { type: 'string', pattern: '^[0-9]+$' },
      ],
    });
    expect(schemas['Flag']).toEqual({
      oneOf: [
        { type: 'boolean', enum: [true, false, null], nullable: true },
        { type: 'integer', enum: [1, 0] },
        { type: 'string', enum: ['1', '0'] },
      ],
    });
    const props = (schemas['Holder'] as JsonObject)['properties'] as JsonObject;
    expect(props['ref']).toEqual({ type: 'object', properties: { a: { type: 'string' } }, nullable: true, description: 'kept' });
    expect(props['fixed']).toEqual({ type: 'boolean', enum: [false] });
    expect(props['text']).toEqual({ type: 'string', maxLength: 3, nullable: true });
    // Nothing anywhere: multi-types, `type: 'null'`, `const`, `nullable` without a type.
    const bad: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${at}/${i}`));
      if (!isObject(node)) return;
      if (Array.isArray(node['type']) || node['type'] === 'null' || 'const' in node) bad.push(at);
      if (node['nullable'] === true && typeof node['type'] !== 'string') bad.push(at);
      for (const [key, value] of Object.entries(node)) walk(value, `${at}/${key}`);
    };
    walk(doc, '');
    walk(readJson(committed.bundle30)['components'], '#/components');
    expect(bad).toEqual([]);
  });
});
