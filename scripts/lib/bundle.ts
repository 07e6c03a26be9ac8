/**
 * Bundling: the split spec becomes one OpenAPI 3.1 document with every external `$ref` moved into
 * `components` (redocly's `bundle`, which keeps the component names), plus the two derived documents:
 * the 3.0 down-conversion for Dredd and the `/api`-prefixed copy for Prism.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { convertTo30 } from './downconvert.js';
import { clone, isObject, readJson, sortKeys, writeJson, type JsonObject } from './json.js';
import { bin, outputPaths, redoclyConfig, specRoot, type OutputPaths } from './paths.js';
import { run } from './run.js';

/** Bundles `root` with the redocly CLI and returns the document with its component maps in name order. */
export function bundleSpec(root: string = specRoot(), config: string = redoclyConfig()): JsonObject {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'monica-bundle-'));
  try {
    const out = path.join(tmp, 'openapi.json');
    run(bin('redocly'), ['bundle', root, '--config', config, '--lint-config', 'off', '--ext', 'json', '-o', out], {
      cwd: path.dirname(config),
    });
    return normalizeBundle(readJson(out));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Sorts each `components.<kind>` map by name; everything else keeps the spec's own order. */
export function normalizeBundle(doc: JsonObject): JsonObject {
  const components = doc['components'];
  if (isObject(components)) {
    for (const [kind, map] of Object.entries(components)) {
      if (isObject(map)) components[kind] = sortKeys(map);
    }
  }
  return doc;
}

/** The copy of the bundle that Prism serves: every path under `/api`, and a server at the root. */
export function toMockSpec(bundle: JsonObject): JsonObject {
  const doc = clone(bundle);
  const paths = isObject(doc['paths']) ? doc['paths'] : {};
  const prefixed: JsonObject = {};
  for (const [p, item] of Object.entries(paths)) prefixed[`/api${p}`] = item;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(doc)) {
    if (key === 'servers') out[key] = [{ url: '/' }];
    else if (key === 'paths') out[key] = prefixed;
    else out[key] = value;
  }
  if (!('servers' in out)) out['servers'] = [{ url: '/' }];
  return out;
}

/** Writes `openapi.json`, `openapi-3.0.json` and `openapi-mock.json` into the output directory. */
export function writeBundles(paths: OutputPaths = outputPaths()): JsonObject {
  const bundle = bundleSpec();
  writeJson(paths.bundle, bundle);
  writeJson(paths.bundle30, convertTo30(bundle));
  writeJson(paths.mock, toMockSpec(bundle));
  return bundle;
}
