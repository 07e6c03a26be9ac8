/** Redoc HTML docs from the 3.1 bundle, with Redoc's scripts inlined so the page works offline. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isObject, resolveRef, type Json, type JsonObject } from '../../contract/document.js';
import { bin, redoclyConfig } from './paths.js';
import { run } from './run.js';

/** `<script src>`, `<link href>`, CSS `@import` and script-made images pointing at http(s): what would need a network. */
export function externalResources(html: string): string[] {
  const patterns = [
    /<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\/[^"'\s>]+/gi,
    /<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?\/\/[^"'\s>]+/gi,
    /@import\s+(?:url\()?["']?(?:https?:)?\/\/[^"')\s]+/gi,
    // Images that Redoc's script creates (`src:"https://..."`) rather than the HTML.
    /\bsrc\s*:\s*[`"'](?:https?:)?\/\/[^`"'\s]+/gi,
  ];
  return patterns.flatMap((pattern) => html.match(pattern) ?? []);
}

/** The shared schemas that say, once, what else an input takes (`LenientId`: also a numeric string). */
const SHARED_INPUT = /^#\/components\/schemas\/(Lenient[A-Za-z]*)$/;

/**
 * The shared input schema a schema names, itself, as its items or as one of its alternatives (`oneOf: [LenientDate,
 * null]`): `LenientId`, or undefined.
 */
export function sharedInputSchema(node: JsonObject): string | undefined {
  const alternatives = [...(Array.isArray(node['oneOf']) ? node['oneOf'] : []), ...(Array.isArray(node['anyOf']) ? node['anyOf'] : [])];
  for (const candidate of [node, node['items'], ...alternatives]) {
    const ref = isObject(candidate) ? candidate['$ref'] : undefined;
    const name = typeof ref === 'string' ? SHARED_INPUT.exec(ref)?.[1] : undefined;
    if (name) return name;
  }
  return undefined;
}

/**
 * The docs' copy of a bundle in which every field that names a shared input schema (`sharedInputSchema`) and has
 * a description of its own also shows the shared schema's sentence: Redoc shows only the field's own
 * description, and the spec says each leniency once, in the shared schema.
 */
export function withSharedSentences(doc: JsonObject): JsonObject {
  const copy = structuredClone(doc);
  const visit = (node: Json): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isObject(node)) return;
    const name = sharedInputSchema(node);
    const shared = name ? resolveRef(doc, { $ref: `#/components/schemas/${name}` }) : undefined;
    const own = node['description'];
    const sentence = isObject(shared) && typeof shared['description'] === 'string' ? shared['description'].trim() : undefined;
    if (typeof own === 'string' && sentence && !own.includes(sentence)) node['description'] = `${own.trimEnd()}\n\n${sentence}\n`;
    for (const value of Object.values(node)) visit(value);
  };
  visit(copy);
  return copy;
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
  const html = offline(readFileSync(outFile, 'utf8'));
  writeFileSync(outFile, html);
  const external = externalResources(html);
  if (external.length > 0) throw new Error(`${outFile} loads external resources:\n${external.join('\n')}`);
}

/** A small SVG as a data URI, so that an image needs no network. */
function svgDataUri(width: number, text: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="16"><text x="0" y="12" font-family="sans-serif" font-size="12" fill="#666">${text}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/**
 * What Redoc would still fetch from the network, made local: its "API docs by Redocly" logo (from a CDN; offline
 * the browser logs a failed request) becomes the word Redocly, and the page gets an empty icon so that browsers
 * do not ask the server for /favicon.ico.
 */
export function offline(html: string): string {
  return html
    .replace('https://cdn.redoc.ly/redoc/logo-mini-full.svg', svgDataUri(52, 'Redocly'))
    .replace('https://cdn.redoc.ly/redoc/logo-mini.svg', svgDataUri(12, 'R'))
    .replace(/<head>\n/, '<head>\n  <link rel="icon" href="data:," />\n');
}
