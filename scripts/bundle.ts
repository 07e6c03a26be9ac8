/**
 * `npm run bundle`: openapi/openapi.yaml -> generated/openapi.json (3.1 bundle), generated/openapi-3.0.json
 * (for Dredd) and generated/openapi-mock.json (for Prism, paths under /api).
 * Output directory: `GENERATED_DIR` or `--out DIR`; spec root: `OPENAPI_ROOT`.
 */
import path from 'node:path';
import { writeBundles } from './lib/bundle.js';
import { isMain, outputPaths, repoRoot } from './lib/paths.js';

export function bundle(dir?: string): void {
  const paths = outputPaths(dir);
  writeBundles(paths);
  for (const file of [paths.bundle, paths.bundle30, paths.mock]) console.log(`wrote ${path.relative(repoRoot, file) || file}`);
}

if (isMain(import.meta.url)) {
  try {
    bundle();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
