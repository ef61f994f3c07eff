#!/usr/bin/env node
// After `changeset version` bumps the packages, write the new version into @puguh/core's
// SDK_VERSION (sent as X-Puguh-Client). A constant in source, rather than a build-time define,
// keeps the version right when the source runs directly (tests, tsx, the demo).
import { readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../packages/core/package.json', import.meta.url), 'utf8'));
const file = new URL('../packages/core/src/version.ts', import.meta.url);
const source = readFileSync(file, 'utf8');
const updated = source.replace(/SDK_VERSION = '[^']*'/, `SDK_VERSION = '${manifest.version}'`);
if (updated !== source) writeFileSync(file, updated);
console.log(`SDK_VERSION = ${manifest.version}`);
