/** Redoc HTML docs from the 3.1 bundle, with Redoc's scripts inlined so the page works offline. */
import { existsSync, readFileSync } from 'node:fs';
import { bin, redoclyConfig } from './paths.js';
import { run } from './run.js';

/** `<script src=...>`, `<link href=...>` and CSS `@import`/`url()` pointing at http(s): what would need a network. */
export function externalResources(html: string): string[] {
  const patterns = [
    /<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\/[^"'\s>]+/gi,
    /<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?\/\/[^"'\s>]+/gi,
    /@import\s+(?:url\()?["']?(?:https?:)?\/\/[^"')\s]+/gi,
  ];
  return patterns.flatMap((pattern) => html.match(pattern) ?? []);
}

export function buildDocs(bundleFile: string, outFile: string, title: string): void {
  if (!existsSync(bundleFile)) throw new Error(`${bundleFile} is missing: run \`npm run bundle\` first`);
  run(bin('redocly'), [
    'build-docs', bundleFile,
    '--output', outFile,
    '--inlineBundle',
    '--title', title,
    '--config', redoclyConfig(),
    '--lint-config', 'off',
  ]);
  const external = externalResources(readFileSync(outFile, 'utf8'));
  if (external.length > 0) throw new Error(`${outFile} loads external resources:\n${external.join('\n')}`);
}
