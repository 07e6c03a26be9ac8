/**
 * The package's entry points (`monica-api-contract`, `monica-api-contract/query`, ...) resolved to this
 * repository's generated sources, so that the example imports them by the names an app that installed the package
 * uses. Read from package.json's `exports`: each entry's `dist/**.js` is built from the `.ts` file at the same place.
 * An app with the package installed needs none of this.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repository = new URL('../../', import.meta.url);

interface PackageJson {
  name: string;
  exports: Record<string, string | { default: string }>;
}

export function packageAliases(): { find: RegExp; replacement: string }[] {
  const pkg = JSON.parse(readFileSync(new URL('package.json', repository), 'utf8')) as PackageJson;
  return Object.entries(pkg.exports).map(([subpath, target]) => {
    const built = typeof target === 'string' ? target : target.default;
    const source = built.replace(/^\.\/dist\//, './').replace(/\.js$/, '.ts');
    const name = `${pkg.name}${subpath.slice(1)}`.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    return { find: new RegExp(`^${name}$`), replacement: fileURLToPath(new URL(source, repository)) };
  });
}
