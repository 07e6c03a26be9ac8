/**
 * `npm run docs`: generated/docs/index.html, a self-contained Redoc page (Redoc inlined, no CDN), from
 * generated/openapi.json (bundled first when missing). Output directory: `GENERATED_DIR` or `--out DIR`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { writeBundles } from './lib/bundle.js';
import { buildDocs } from './lib/docs.js';
import { isObject, readJson } from './lib/json.js';
import { isMain, outputPaths, repoRoot } from './lib/paths.js';

export function docs(dir?: string): void {
  const paths = outputPaths(dir);
  if (!existsSync(paths.bundle)) writeBundles(paths);
  const info = readJson(paths.bundle)['info'];
  const title = isObject(info) && typeof info['title'] === 'string' ? info['title'] : 'API';
  buildDocs(paths.bundle, paths.docs, title);
  console.log(`wrote ${path.relative(repoRoot, paths.docs) || paths.docs}`);
}

if (isMain(import.meta.url)) {
  try {
    docs();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
