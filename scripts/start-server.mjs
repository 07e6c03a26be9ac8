// `npm start`: runs server/main.ts as one JavaScript file, built with esbuild when a source changed.
//
// Plain JavaScript on purpose: starting through a TypeScript loader (tsx) spends about a second resolving and
// loading some 190 modules through the loader's worker thread on every start. Here the server and the npm
// packages it uses are bundled once into node_modules/.cache/monica-server/ (better-sqlite3, a native addon, and
// the few packages loaded on first use stay outside), and the bundle is reused until a file it was built from
// changes, moves or disappears. One file to read instead of several hundred saves a further tenth of a second.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'server', 'main.ts');
const outDir = path.join(root, 'node_modules', '.cache', 'monica-server');
const outFile = path.join(outDir, 'main.mjs');
const stampFile = path.join(outDir, 'inputs.json');

/** This file's own time: a change to how the bundle is made makes it again too. */
const launcherTime = () => statSync(fileURLToPath(import.meta.url)).mtimeMs;

/** Modification times of the inputs, or undefined when one is gone. */
function mtimes(files) {
  try {
    return files.map((file) => statSync(path.join(root, file)).mtimeMs);
  } catch {
    return undefined;
  }
}

/** The bundle is current when it was built here, from inputs that all still have the times they had then. */
function isCurrent() {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    statSync(outFile);
  } catch {
    return false;
  }
  if (stamp.root !== root || stamp.node !== process.version || stamp.launcher !== launcherTime()) return false;
  const now = mtimes(stamp.inputs);
  return now !== undefined && now.every((t, i) => t === stamp.mtimes[i]);
}

/**
 * Modules find the files beside them (generated/openapi.json, the control API's YAML) from import.meta.url;
 * in the bundle each module keeps its own file's URL, so those paths stay what they are in the source tree.
 */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const contents = source.includes('import.meta.url')
        ? source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
        : source;
      return { contents, loader: 'ts' };
    });
  },
};

async function build() {
  const esbuild = await import('esbuild');
  mkdirSync(outDir, { recursive: true });
  const result = await esbuild.build({
    entryPoints: [entry],
    outfile: outFile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    external: ['better-sqlite3', 'yaml'],
    // Bundled CommonJS packages call require(); in an ES module it has to be made.
    banner: { js: "import { createRequire as __monicaRequire } from 'node:module'; const require = __monicaRequire(import.meta.url);" },
    metafile: true,
    sourcemap: 'linked',
    logLevel: 'error',
    plugins: [ownImportMetaUrl],
  });
  const inputs = Object.keys(result.metafile.inputs);
  writeFileSync(stampFile, JSON.stringify({ root, node: process.version, launcher: launcherTime(), inputs, mtimes: mtimes(inputs) }));
}

if (!isCurrent()) await build();
await import(pathToFileURL(outFile).href);
