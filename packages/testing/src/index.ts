export type { ApiErrorCode, ErrorEnvelope } from './errors';
export type { FaultOptions, Faults } from './faults';
export type { ListeningServer, ListenOptions } from './listen';
export {
  type JsonSchema,
  type OpenApiDocument,
  type OpenApiOperation,
  type OpenApiParameter,
  type OpenApiPathItem,
  type OpenApiResponse,
  openApiDocument,
} from './openapi';
export type { Outbox, OutboxMessage } from './outbox';
export type { RateLimitOptions } from './rate-limit';
export type { RecordedRequest } from './request-log';
export { createPuguhServer, type PuguhServer, type PuguhServerOptions, type SeedUser } from './server';
export type { Role } from './store';
export type { AccessTokenClaims, AccessTokenOverrides } from './tokens';
export { totp } from './totp';
