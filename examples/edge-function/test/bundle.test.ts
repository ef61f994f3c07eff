// What the worker costs: its bundle holds verifyAccessToken (jose) and core's error classes, but
// none of the SDK's HTTP transport.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { bundleWorker } from '../scripts/bundle-worker';

/** Strings that survive minification and that only ky / valibot contain. */
const MARKERS = { ky: ['onDownloadProgress', 'Non-error value was thrown'], valibot: ['~standard'] };

function markersIn(code: string): string[] {
  return Object.values(MARKERS)
    .flat()
    .filter((marker) => code.includes(marker));
}

describe('the worker bundle', () => {
  test('contains no ky and no valibot', async () => {
    const code = await bundleWorker();

    expect(markersIn(code)).toEqual([]);
    // Control: a worker that calls the API bundles both, and the markers find them.
    const callingTheApi = await bundleWorker({
      entry: fileURLToPath(new URL('./fixtures/worker-calling-the-api.ts', import.meta.url)),
    });
    expect(markersIn(callingTheApi)).toEqual(Object.values(MARKERS).flat());
  });

  test('stays small (minified + gzip)', async () => {
    const code = await bundleWorker();
    const gzipBytes = gzipSync(code, { level: 9 }).length;
    console.log(`edge-function bundle: ${code.length} B minified, ${gzipBytes} B gzip`);

    // The budget of DESIGN §8 (8.5 kB) is checked on the minimal entry by tooling/size-report.mjs;
    // this whole worker adds its own routing and JSON on top, so it gets a little more room.
    expect(gzipBytes).toBeLessThanOrEqual(9_200);
  });
});
