// The token types live in @puguh/core, which shares them with its automatic refresh. The types
// (not the schemas) are re-exported so that auth users need not import core for them.
export type { TokenSet, User } from '@puguh/core';
// Local JWT verification: these modules import jose (by subpath) and never ky, so an edge bundle
// that only verifies tokens stays small.
export type { AccessTokenClaims } from './access-token-claims';
// Automatic refresh for user cores (createPuguhCore's `refresh` option).
export { automaticRefresh } from './automatic-refresh';
// Network calls: one module per operation.
export { type ConfirmMfaInput, confirmMfa } from './confirm-mfa';
export { decodeAccessToken } from './decode-access-token';
export { type DisableMfaInput, disableMfa } from './disable-mfa';
export { type LoginInput, login } from './login';
export { type RefreshTokenInput, refreshToken } from './refresh-token';
export { type RegisterInput, register } from './register';
export { type RequestMagicLinkInput, requestMagicLink } from './request-magic-link';
export type { MfaConfirmation, MfaSetup } from './schemas/mfa';
export type { UserContext } from './schemas/user-context';
export { setupMfa } from './setup-mfa';
export { type ValidateTokenInput, validateToken } from './validate-token';
export { type VerifyAccessTokenOptions, verifyAccessToken } from './verify-access-token';
export { type VerifyMagicLinkInput, verifyMagicLink } from './verify-magic-link';
