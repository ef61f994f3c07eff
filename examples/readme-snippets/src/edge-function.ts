import { verifyAccessToken } from '@puguh/auth';
import { AuthError } from '@puguh/core';

export default {
  async fetch(request: Request, env: { PUGUH_BASE_URL: string }): Promise<Response> {
    const token = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
    try {
      // Verified locally against PUGUH's JWKS: no API call per request, no ky in the bundle.
      const claims = await verifyAccessToken({ baseUrl: env.PUGUH_BASE_URL }, token);
      return Response.json({ userId: claims.sub, email: claims.email, roles: claims.roles });
    } catch (error) {
      if (error instanceof AuthError) return new Response('Unauthorized', { status: 401 });
      throw error; // NetworkError: PUGUH's keys are unreachable, which is not the caller's fault
    }
  },
};
