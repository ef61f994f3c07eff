// How `verifyAccessToken` gets jose on Node, chosen by the package's `#jose-loader` import: jose
// loads with the first verification, not when `@puguh/auth` or `@puguh/sdk` is imported, so a
// process that never verifies a token never parses it. Bundles use jose-loader.ts instead.
import type { JoseVerifier } from './jose-loader';

let jose: JoseVerifier | undefined;
let loading: Promise<JoseVerifier> | undefined;

/** jose's verifier: a promise on the first call, then the verifier itself. */
export const loadJose = (): JoseVerifier | Promise<JoseVerifier> => {
  if (jose) return jose;
  loading ??= Promise.all([import('jose/jwks/remote'), import('jose/jwt/verify')]).then(
    ([remote, verify]) => {
      jose = {
        createRemoteJWKSet: remote.createRemoteJWKSet,
        customFetch: remote.customFetch,
        jwtVerify: verify.jwtVerify,
      };
      return jose;
    },
  );
  return loading;
};
