// What the page costs its visitors: the production bundle holds getPlans and the core transport
// (ky, valibot) and nothing else of PUGUH.
import { join, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { buildPage, exampleRoot } from './support/build-page';

const workspaceRoot = join(exampleRoot, '..', '..');

/** The modules of @puguh/billing's other functions, which a pricing page must not pay for. */
const OTHER_BILLING_OPERATIONS = [
  'get-plan.ts',
  'get-subscription.ts',
  'create-subscription.ts',
  'upgrade-subscription.ts',
  'cancel-subscription.ts',
  'get-invoices.ts',
  'get-usage.ts',
];

/** Who a bundled module belongs to: a package name, `example` (this page) or `vite` (its runtime). */
function ownerOf(moduleId: string): string {
  if (moduleId.startsWith('\0')) return 'vite';
  const inNodeModules = moduleId.split(`${sep}node_modules${sep}`).pop();
  if (inNodeModules !== undefined && inNodeModules !== moduleId) {
    const [scope, name] = inNodeModules.split(sep);
    return scope?.startsWith('@') ? `${scope}/${name}` : (scope ?? moduleId);
  }
  const packagesDir = join(workspaceRoot, 'packages') + sep;
  if (moduleId.startsWith(packagesDir)) return `@puguh/${moduleId.slice(packagesDir.length).split(sep)[0]}`;
  if (moduleId.startsWith(exampleRoot)) return 'example';
  return moduleId;
}

describe('the production bundle', () => {
  test('contains only the page, @puguh/billing, @puguh/core, ky and valibot', async () => {
    const page = await buildPage({
      apiUrl: 'http://127.0.0.1:4010',
      outDir: join(exampleRoot, 'test-results', 'dist'),
    });

    const owners = [...new Set(page.moduleIds.map(ownerOf))].sort();
    expect(owners).toEqual(['@puguh/billing', '@puguh/core', 'example', 'ky', 'valibot', 'vite']);
    // Of @puguh/billing, getPlans and what it needs; none of the other operations.
    const billingFiles = page.moduleIds
      .filter((id) => ownerOf(id) === '@puguh/billing')
      .map((id) => id.slice(id.lastIndexOf(sep) + 1));
    expect(billingFiles).toContain('get-plans.ts');
    for (const operation of OTHER_BILLING_OPERATIONS) expect(billingFiles).not.toContain(operation);

    const gzipBytes = gzipSync(page.javascript, { level: 9 }).length;
    console.log(
      `pricing-page bundle: ${(page.javascript.length / 1024).toFixed(1)} kB minified, ${(gzipBytes / 1024).toFixed(1)} kB gzip`,
    );
  });

  test('names no other PUGUH API (checked unminified, where names survive)', async () => {
    const page = await buildPage({
      apiUrl: 'http://127.0.0.1:4010',
      outDir: join(exampleRoot, 'test-results', 'dist-unminified'),
      minify: false,
    });

    expect(page.javascript).toContain('getPlans'); // the check can see names at all
    for (const name of [
      'jwtVerify',
      'verifyAccessToken',
      'createOrganization',
      'PuguhClient',
      'getSubscription',
    ]) {
      expect(page.javascript, name).not.toContain(name);
    }
  });
});
