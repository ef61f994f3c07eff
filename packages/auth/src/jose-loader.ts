// How `verifyAccessToken` gets jose, chosen by the package's `#jose-loader` import. This is the
// variant for bundlers, browsers and edge runtimes: static imports, so an edge bundle holds jose
// once and plainly. Node gets jose-loader.node.ts instead (see
// docs/decisions/0007-core-v2-request-stages.md).
import { createRemoteJWKSet, customFetch } from 'jose/jwks/remote';
import { jwtVerify } from 'jose/jwt/verify';

/** The parts of jose that `verifyAccessToken` uses. */
export interface JoseVerifier {
  readonly createRemoteJWKSet: typeof createRemoteJWKSet;
  readonly customFetch: typeof customFetch;
  readonly jwtVerify: typeof jwtVerify;
}

const jose: JoseVerifier = { createRemoteJWKSet, customFetch, jwtVerify };

/** jose's verifier, at once. */
export const loadJose = (): JoseVerifier | Promise<JoseVerifier> => jose;
