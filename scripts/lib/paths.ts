/**
 * Where the pipeline reads and writes. Every location can be overridden so that tests can regenerate
 * into a temporary directory and compare with the committed `generated/`.
 *
 * - `GENERATED_DIR` (or `--out DIR`): output directory, default `<repo>/generated`.
 * - `OPENAPI_ROOT`: root file of the split spec, default `<repo>/openapi/openapi.yaml`.
 * - `REDOCLY_CONFIG`: redocly config file, default `<repo>/redocly.yaml`.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function argValue(flag: string, argv: readonly string[] = process.argv.slice(2)): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === flag) return argv[i + 1];
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
  }
  return undefined;
}

export function generatedDir(): string {
  const value = argValue('--out') ?? process.env['GENERATED_DIR'];
  return value ? path.resolve(value) : path.join(repoRoot, 'generated');
}

export function specRoot(): string {
  const value = process.env['OPENAPI_ROOT'];
  return value ? path.resolve(value) : path.join(repoRoot, 'openapi', 'openapi.yaml');
}

export function redoclyConfig(): string {
  const value = process.env['REDOCLY_CONFIG'];
  return value ? path.resolve(value) : path.join(repoRoot, 'redocly.yaml');
}

export function bin(name: string): string {
  return path.join(repoRoot, 'node_modules', '.bin', name);
}

export interface OutputPaths {
  dir: string;
  bundle: string;
  bundle30: string;
  mock: string;
  client: string;
  server: string;
  msw: string;
  docs: string;
}

export function outputPaths(dir: string = generatedDir()): OutputPaths {
  return {
    dir,
    bundle: path.join(dir, 'openapi.json'),
    bundle30: path.join(dir, 'openapi-3.0.json'),
    mock: path.join(dir, 'openapi-mock.json'),
    client: path.join(dir, 'client'),
    server: path.join(dir, 'server'),
    msw: path.join(dir, 'msw'),
    docs: path.join(dir, 'docs', 'index.html'),
  };
}

/** True when the module whose `import.meta.url` is given was started directly (`tsx scripts/x.ts`). */
export function isMain(moduleUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  return moduleUrl === pathToFileURL(path.resolve(entry)).href;
}
