import { AuthError, NetworkError, PuguhClient, PuguhError, RateLimitError } from '@puguh/sdk';

const client = new PuguhClient();

try {
  const orgs = await client.organizations.list();
  console.log(orgs.length);
} catch (error) {
  if (error instanceof AuthError) {
    console.log(`Authentication failed (${error.code}): refresh the session or log in again`);
  } else if (error instanceof RateLimitError) {
    console.log(`Rate limited. Retry after ${error.retryAfter ?? 'a few'} s`);
  } else if (error instanceof NetworkError) {
    console.log(`PUGUH unreachable (${error.code}): check the network or the API status`);
  } else if (error instanceof PuguhError) {
    console.log(`API error ${error.statusCode} ${error.code}: ${error.message} [${error.requestId}]`);
  } else {
    throw error;
  }
}
