export { closePuguhCore, isPuguhCoreClosed } from './close-puguh-core';
export {
  type ContextOverrides,
  clearContext,
  setApplicationContext,
  setOrganizationContext,
  withContext,
} from './context';
export { getCoreEndpoint } from './core-fetch';
export { createPuguhCore } from './create-puguh-core';
export { AuthError } from './errors/auth-error';
export { NetworkError } from './errors/network-error';
export {
  isPuguhError,
  type PuguhClientErrorCode,
  PuguhError,
  type PuguhErrorOptions,
} from './errors/puguh-error';
export { RateLimitError, type RateLimitErrorOptions } from './errors/rate-limit-error';
export type { PuguhCore } from './internal/core-state';
export { MEMBER_ROLES, type Member, type MemberRole, MemberSchema } from './member';
export type { AccessTokenProvider, PuguhLogger, PuguhOptions, RequestOptions } from './options';
export { type Page, type PageParameters, type PageRequest, pageSchema, sendPageRequest } from './page';
export { requireEmail, requireId, requireOneOf, requireSlug, requireText } from './require-input';
export { apiPath, resolveApplicationId, resolveOrganizationId } from './resolve-ids';
export { type ApiRequest, type HttpMethod, sendRequest } from './send-request';
export { type TokenSet, TokenSetSchema, type User, UserSchema } from './tokens/token-set';
export { SDK_VERSION } from './version';
