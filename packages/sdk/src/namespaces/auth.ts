import {
  confirmMfa,
  disableMfa,
  login,
  refreshToken,
  register,
  requestMagicLink,
  setupMfa,
  validateToken,
  verifyAccessToken,
  verifyMagicLink,
} from '@puguh/auth';
import type { PuguhCore } from '@puguh/core';
import { type Bound, bindCore } from '../bind-core';

/**
 * `client.auth`: each member is the standalone function of `@puguh/auth` named in its `@see`,
 * bound to the client's core.
 *
 * @public
 */
export interface AuthNamespace {
  /** @see {@link login} */
  readonly login: Bound<typeof login>;
  /** @see {@link register} */
  readonly register: Bound<typeof register>;
  /** @see {@link refreshToken} */
  readonly refreshToken: Bound<typeof refreshToken>;
  /** @see {@link validateToken} */
  readonly validateToken: Bound<typeof validateToken>;
  /** @see {@link requestMagicLink} */
  readonly requestMagicLink: Bound<typeof requestMagicLink>;
  /** @see {@link verifyMagicLink} */
  readonly verifyMagicLink: Bound<typeof verifyMagicLink>;
  /** @see {@link setupMfa} */
  readonly setupMfa: Bound<typeof setupMfa>;
  /** @see {@link confirmMfa} */
  readonly confirmMfa: Bound<typeof confirmMfa>;
  /** @see {@link disableMfa} */
  readonly disableMfa: Bound<typeof disableMfa>;
  /** @see {@link verifyAccessToken} */
  readonly verifyAccessToken: Bound<typeof verifyAccessToken>;
}

/** Builds `client.auth` for `core`. */
export function createAuthNamespace(core: PuguhCore): AuthNamespace {
  return {
    login: bindCore(core, login),
    register: bindCore(core, register),
    refreshToken: bindCore(core, refreshToken),
    validateToken: bindCore(core, validateToken),
    requestMagicLink: bindCore(core, requestMagicLink),
    verifyMagicLink: bindCore(core, verifyMagicLink),
    setupMfa: bindCore(core, setupMfa),
    confirmMfa: bindCore(core, confirmMfa),
    disableMfa: bindCore(core, disableMfa),
    verifyAccessToken: bindCore(core, verifyAccessToken),
  };
}
