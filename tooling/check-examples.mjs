#!/usr/bin/env node
// Checks the JSDoc of every export of every published package's entry points (`.` and, where a
// package has one, `./internal`): a function, class or other value needs an `@example`; a type or
// interface needs a one-line summary and no `@example` (a filler example of a type teaches nothing).
// `pnpm check:exports` runs it; typedoc (`pnpm docs`) separately checks that everything is documented
// and every {@link} resolves. Uses the TypeScript compiler API with the same settings as the docs
// (tsconfig.typedoc.json), so workspace imports resolve to source through `@puguh/source`.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packagesDir = join(root, 'packages');

/** The published packages and their entry points, in `packages/*`. */
const packages = readdirSync(packagesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => {
    const dir = join(packagesDir, entry.name);
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      if (manifest.private) return undefined;
      const entries = [join(dir, 'src', 'index.ts')];
      if (manifest.exports?.['./internal']) entries.push(join(dir, 'src', 'internal.ts'));
      return { name: manifest.name, entries };
    } catch {
      return undefined;
    }
  })
  .filter((found) => found !== undefined)
  .sort((a, b) => a.name.localeCompare(b.name));

const configPath = join(root, 'tsconfig.typedoc.json');
const config = ts.getParsedCommandLineOfConfigFile(
  configPath,
  {},
  { ...ts.sys, onUnRecoverableConfigFileDiagnostic() {} },
);
if (config === undefined || config.errors.length > 0) {
  console.error(`check-examples: cannot read ${relative(root, configPath)}`);
  process.exit(2);
}
const program = ts.createProgram({
  rootNames: packages.flatMap((found) => found.entries),
  options: config.options,
});
const checker = program.getTypeChecker();

const seen = new Set();
const missing = [];
let checked = 0;
const typeOnly = ts.SymbolFlags.Type & ~ts.SymbolFlags.Value;
for (const { name, entries } of packages)
  for (const entry of entries) {
    const sourceFile = program.getSourceFile(entry);
    const moduleSymbol = sourceFile && checker.getSymbolAtLocation(sourceFile);
    if (moduleSymbol === undefined) {
      console.error(`check-examples: ${name}: cannot read ${relative(root, entry)}`);
      process.exitCode = 2;
      continue;
    }
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declaration = symbol.declarations?.[0];
      if (declaration === undefined) continue;
      const file = declaration.getSourceFile();
      const { line } = file.getLineAndCharacterOfPosition(declaration.getStart());
      const where = `${relative(root, file.fileName)}:${line + 1}`;
      // A symbol re-exported by several packages (by `@puguh/sdk`) is checked once, where it is declared.
      if (seen.has(where)) continue;
      seen.add(where);
      checked += 1;
      const hasExample = symbol.getJsDocTags(checker).some((tag) => tag.name === 'example');
      const summary = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
      const isType = (symbol.flags & typeOnly) !== 0 && (symbol.flags & ts.SymbolFlags.Value) === 0;
      if (isType && summary === '')
        missing.push(`  ${name}: type ${exported.name} has no summary (${where})`);
      else if (isType && hasExample)
        missing.push(`  ${name}: type ${exported.name} has an @example; give it a summary only (${where})`);
      else if (!isType && !hasExample) missing.push(`  ${name}: ${exported.name} has no @example (${where})`);
    }
  }

if (missing.length > 0) {
  console.error(`${missing.length} of ${checked} public exports break the JSDoc rules:`);
  console.error(missing.join('\n'));
  process.exitCode = 1;
} else if (process.exitCode === undefined) {
  console.log(
    `check-examples: ${checked} public exports of ${packages.length} packages: every value has an @example, every type a summary.`,
  );
}
