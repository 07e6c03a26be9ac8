/**
 * `npm run bundle`: openapi/openapi.yaml -> generated/openapi.json (3.1 bundle), generated/openapi-3.0.json
 * (for Dredd) and generated/openapi-mock.json (for Prism, paths under /api).
 * Output directory: `GENERATED_DIR` or `--out DIR`; spec root: `OPENAPI_ROOT`.
 */
import path from 'node:path';
import { writeBundles } from './lib/bundle.js';
import type { JsonObject } from './lib/json.js';
import { isMain, outputPaths, repoRoot } from './lib/paths.js';

/** Writes the three bundles, says so, and returns the 3.1 bundle (for `generate`). */
export function bundle(dir?: string): JsonObject {
  const paths = outputPaths(dir);
  const doc = writeBundles(paths);
  for (const file of [paths.bundle, paths.bundle30, paths.mock]) console.log(`wrote ${path.relative(repoRoot, file) || file}`);
  return doc;
}

if (isMain(import.meta.url)) {
  try {
    bundle();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
