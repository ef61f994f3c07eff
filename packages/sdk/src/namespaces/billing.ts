import {
  cancelSubscription,
  createSubscription,
  getInvoices,
  getPlan,
  getPlans,
  getSubscription,
  getUsage,
  upgradeSubscription,
} from '@puguh/billing';
import type { PuguhCore } from '@puguh/core';
import { type Bound, bindCore } from '../bind-core';

/**
 * `client.billing`: each member is the standalone function of `@puguh/billing` named in its
 * `@see`, bound to the client's core.
 *
 * @public
 */
export interface BillingNamespace {
  /** @see {@link getPlans} */
  readonly getPlans: Bound<typeof getPlans>;
  /** @see {@link getPlan} */
  readonly getPlan: Bound<typeof getPlan>;
  /** @see {@link getSubscription} */
  readonly getSubscription: Bound<typeof getSubscription>;
  /** @see {@link createSubscription} */
  readonly createSubscription: Bound<typeof createSubscription>;
  /** @see {@link upgradeSubscription} */
  readonly upgrade: Bound<typeof upgradeSubscription>;
  /** @see {@link cancelSubscription} */
  readonly cancel: Bound<typeof cancelSubscription>;
  /** @see {@link getInvoices} */
  readonly getInvoices: Bound<typeof getInvoices>;
  /** @see {@link getUsage} */
  readonly getUsage: Bound<typeof getUsage>;
}

/** Builds `client.billing` for `core`. */
export function createBillingNamespace(core: PuguhCore): BillingNamespace {
  return {
    getPlans: bindCore(core, getPlans),
    getPlan: bindCore(core, getPlan),
    getSubscription: bindCore(core, getSubscription),
    createSubscription: bindCore(core, createSubscription),
    upgrade: bindCore(core, upgradeSubscription),
    cancel: bindCore(core, cancelSubscription),
    getInvoices: bindCore(core, getInvoices),
    getUsage: bindCore(core, getUsage),
  };
}
