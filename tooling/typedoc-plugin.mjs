// The typedoc plugin loaded by the root typedoc.json. Two things typedoc's `resolve` strategy does
// not do for a workspace of packages:
//
// 1. Name each entry-point module after its package (`@puguh/core`), not its path (`core/src`).
// 2. Resolve a `{@link Name}` written in one package against the packages it depends on. Domain
//    functions document `@throws {@link PuguhError}` without importing the class (a type-only
//    mention would be an unused import), so neither TypeScript nor typedoc finds it in scope.
//    A link that names nothing in the package nor in its dependencies still fails the build.
//
// The `packages` strategy would get the names right, but it converts each package on its own: links
// between packages break the same way, and every re-export of `@puguh/sdk` is documented twice.
// typedoc.json lists `@puguh/sdk` last: a symbol is documented in the first entry point that exports
// it, so each one lands in its home package and the sdk's re-exports become links to it.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Converter, ReflectionKind } from 'typedoc';

/** @param {string} file @returns {{ name: string, dependencies: string[] } | undefined} */
function packageOf(file) {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    let manifest;
    try {
      manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    } catch {
      continue; // no package.json here: keep walking up
    }
    const dependencies = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
    return { name: manifest.name, dependencies };
  }
  return undefined;
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  /** Module name → the names of the packages it depends on. */
  const dependenciesOf = new Map();

  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (!reflection.kindOf(ReflectionKind.Module)) return;
    // An entry point's symbol is its source file.
    const file = context.getSymbolFromReflection(reflection)?.declarations?.[0]?.getSourceFile().fileName;
    const found = file === undefined ? undefined : packageOf(file);
    if (found === undefined) return;
    reflection.name = found.name;
    dependenciesOf.set(found.name, found.dependencies);
  });

  app.converter.addUnknownSymbolResolver((ref, reflection) => {
    if (ref.moduleSource !== undefined || ref.symbolReference?.path === undefined) return undefined;
    let module = reflection;
    while (module !== undefined && !module.kindOf(ReflectionKind.Module)) module = module.parent;
    if (module === undefined) return undefined;
    const names = ref.symbolReference.path.map((component) => component.path);
    for (const dependency of dependenciesOf.get(module.name) ?? []) {
      const target = module.project.getChildByName([dependency, ...names]);
      if (target !== undefined) return { target };
    }
    return undefined;
  });
}
