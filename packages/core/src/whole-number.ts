import * as v from 'valibot';

/**
 * A count, a limit, a duration or an amount of money in minor units from the wire: a safe integer
 * ≥ 0 — not `Infinity` (what `JSON.parse` makes of `1e400`), not `-0`, not a number past 2^53 that
 * has already lost its last digits. Anything else fails validation (`invalid_response`) instead of
 * becoming a wrong number.
 *
 * @example
 * ```ts
 * const Usage = v.object({ used: WholeNumberSchema, limit: v.nullable(WholeNumberSchema) });
 * ```
 */
export const WholeNumberSchema: v.GenericSchema<number> = /* @__PURE__ */ (() =>
  v.pipe(
    v.number(),
    v.check(
      (value) => Number.isSafeInteger(value) && value >= 0 && !Object.is(value, -0),
      'a whole number ≥ 0',
    ),
  ))();

/**
 * An amount of money in minor units from the wire that may be negative (a credit on an invoice):
 * a safe integer, so a value past 2^53 that has already lost digits fails validation.
 *
 * @example
 * ```ts
 * const Invoice = v.object({ amount: MinorUnitsSchema, currency: v.string() });
 * ```
 */
export const MinorUnitsSchema: v.GenericSchema<number> = /* @__PURE__ */ (() =>
  v.pipe(
    v.number(),
    v.check((value) => Number.isSafeInteger(value), 'a safe integer'),
  ))();
