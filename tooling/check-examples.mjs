#!/usr/bin/env node
// Fails when an export of a published package's entry point has no `@example` in its JSDoc.
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
      return manifest.private ? undefined : { name: manifest.name, entry: join(dir, 'src', 'index.ts') };
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
  rootNames: packages.map((found) => found.entry),
  options: config.options,
});
const checker = program.getTypeChecker();

const seen = new Set();
const missing = [];
let checked = 0;
for (const { name, entry } of packages) {
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
    if (!hasExample) missing.push(`  ${name}: ${exported.name} (${where})`);
  }
}

if (missing.length > 0) {
  console.error(`${missing.length} of ${checked} public exports have no @example in their JSDoc:`);
  console.error(missing.join('\n'));
  process.exitCode = 1;
} else if (process.exitCode === undefined) {
  console.log(
    `check-examples: all ${checked} public exports of ${packages.length} packages have an @example.`,
  );
}
