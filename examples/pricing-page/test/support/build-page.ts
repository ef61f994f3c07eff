import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** The example's root folder (where `index.html` and `vite.config.ts` are). */
export const exampleRoot: string = fileURLToPath(new URL('../..', import.meta.url));

/** What a production build of the page produced. */
export interface BuiltPage {
  /** The folder holding `index.html` and `assets/`. */
  readonly outDir: string;
  /** The JavaScript of every chunk, concatenated. */
  readonly javascript: string;
  /** The module ids (absolute paths, or `\0…` for Vite's own virtual modules) the bundle contains. */
  readonly moduleIds: readonly string[];
}

/**
 * Builds the page with Vite's JavaScript API, as `vite build` would, with `VITE_PUGUH_BASE_URL`
 * set to `apiUrl` for the duration of the build (Vite reads `VITE_*` variables from the process
 * environment when it resolves the config).
 *
 * @param options `apiUrl` the page will call; `outDir` where to write; `minify` (default true;
 *   `false` keeps the names, for checks of what the bundle contains).
 *
 * @returns The output folder, the JavaScript and the bundled module ids.
 *
 * @example
 * ```ts
 * const page = await buildPage({ apiUrl: api.url, outDir: 'test-results/live' });
 * ```
 */
export async function buildPage(options: {
  apiUrl: string;
  outDir: string;
  minify?: boolean;
}): Promise<BuiltPage> {
  const previous = process.env.VITE_PUGUH_BASE_URL;
  process.env.VITE_PUGUH_BASE_URL = options.apiUrl;
  try {
    const result = await build({
      root: exampleRoot,
      configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
      logLevel: 'warn',
      build: {
        outDir: options.outDir,
        emptyOutDir: true,
        minify: options.minify ?? true,
        // No comments: an unminified bundle then shows the names in the code, not in JSDoc examples.
        rolldownOptions: { output: { comments: false } },
      },
    });
    if (!('output' in result)) throw new Error('Expected a single build output, not a watcher or several');
    const chunks = result.output.filter((item) => item.type === 'chunk');
    return {
      outDir: options.outDir,
      javascript: chunks.map((chunk) => chunk.code).join('\n'),
      moduleIds: chunks.flatMap((chunk) => chunk.moduleIds),
    };
  } finally {
    if (previous === undefined) delete process.env.VITE_PUGUH_BASE_URL;
    else process.env.VITE_PUGUH_BASE_URL = previous;
  }
}
