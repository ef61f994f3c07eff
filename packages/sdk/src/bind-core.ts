import type { PuguhCore } from '@puguh/core';

/**
 * A standalone function with its `core` parameter already supplied.
 *
 * @public
 */
export type Bound<F> = F extends (core: PuguhCore, ...rest: infer A) => infer R ? (...rest: A) => R : never;

/** Supplies `core` to `fn`; the facade's only mechanism, so its members add no logic. */
export function bindCore<A extends unknown[], R>(
  core: PuguhCore,
  fn: (core: PuguhCore, ...rest: A) => R,
): (...rest: A) => R {
  return (...rest) => fn(core, ...rest);
}
