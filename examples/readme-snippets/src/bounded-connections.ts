import { PuguhClient } from '@puguh/sdk';
import { Agent, fetch as undiciFetch } from 'undici';

// At most 16 sockets to PUGUH, however many calls run at once: the rest queue in the agent.
const agent = new Agent({ connections: 16 });

export const client = new PuguhClient({
  // The SDK calls fetch(url, init) with a string URL and a plain init object.
  fetch: (url, init) =>
    undiciFetch(String(url), { ...(init as object), dispatcher: agent }) as unknown as Promise<Response>,
});

// On shutdown: close the client, then the agent and its sockets.
export async function shutdown(): Promise<void> {
  await client.close();
  await agent.close();
}
