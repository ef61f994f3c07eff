/**
 * The version of the PUGUH SDK packages, sent as `X-Puguh-Client: puguh-js/<version>`.
 * `pnpm version-packages` rewrites it from package.json (tooling/sync-versions.mjs); a test keeps
 * the two equal.
 *
 * @example
 * ```ts
 * console.log(`PUGUH SDK ${SDK_VERSION}`);
 * ```
 *
 * @public
 */
export const SDK_VERSION = '0.1.0';
