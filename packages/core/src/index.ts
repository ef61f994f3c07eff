// The public surface of @puguh/core: what users call. The plumbing the PUGUH domain packages share
// (input checks, shared schemas, id resolvers, endpoint helpers) is in `@puguh/core/internal`.
export { closePuguhCore, isPuguhCoreClosed } from './close-puguh-core';
export {
  type ContextOverrides,
  clearContext,
  setApplicationContext,
  setOrganizationContext,
  withContext,
} from './context';
export type { PuguhEndpoint } from './core-fetch';
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
export type { Member, MemberRole } from './member';
export type { AccessTokenProvider, PuguhLogger, PuguhOptions, RequestOptions } from './options';
export type { Page, PageParameters, PageRequest } from './page';
export { apiPath } from './resolve-ids';
export type { RateLimitState, ResponseHook, ResponseInfo } from './response-info';
export { type ApiRequest, type HttpMethod, sendRequest } from './send-request';
export type { RefreshableSession, RefreshStrategy } from './tokens/refresh-strategy';
export type { TokenSet, User } from './tokens/token-set';
export { SDK_VERSION } from './version';
