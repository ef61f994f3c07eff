import { PuguhClient, type TokenSet } from '@puguh/sdk';

declare function saveSession(tokens: TokenSet): Promise<void>;

// A service — backends, cron jobs, admin scripts — uses an API key.
const service = new PuguhClient({
  baseUrl: 'https://api-puguh.arsaka.io',
  apiKey: process.env.PUGUH_API_KEY,
});

// A user: act on behalf of whoever logged in.
const tokens = await service.auth.login({
  email: 'ada@example.com',
  password: 'correct horse battery staple',
});
const user = new PuguhClient({
  baseUrl: 'https://api-puguh.arsaka.io',
  accessToken: tokens.accessToken,
  refreshToken: tokens.refreshToken, // on a 401: one refresh for every waiting call, then a replay
  onTokens: saveSession, // the refresh token rotates: keep the newest pair
});

for (const org of await user.organizations.list()) console.log(`${org.name} (${org.slug})`);
