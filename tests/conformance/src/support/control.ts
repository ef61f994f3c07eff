// Client of the control server (src/node/control-server.ts): the local API's outbox and fault
// queue live in Node, out of reach of a browser page or a worker, so tests ask over loopback.
import type { FaultOptions, OutboxMessage } from '@puguh/testing';
import { controlUrl } from './provided';

/** A fault as JSON can carry it: `path` is an exact pathname (a RegExp would not survive). */
export type WireFault = Omit<FaultOptions, 'path'> & { readonly path?: string };

/** The newest email the local API "sent" to `to`. */
export async function lastMessage(to: string): Promise<OutboxMessage> {
  const response = await fetch(`${controlUrl()}/outbox/last?to=${encodeURIComponent(to)}`);
  if (!response.ok) throw new Error(`control: no message to ${to} (${response.status})`);
  return (await response.json()) as OutboxMessage;
}

/**
 * Makes the next matching request(s) to the local API misbehave. The server is shared by every
 * project running at once, so always scope a fault with a `path` only this test uses.
 */
export async function injectFault(fault: WireFault): Promise<void> {
  const response = await fetch(`${controlUrl()}/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
  if (response.status !== 204)
    throw new Error(`control: fault refused (${response.status}): ${await response.text()}`);
}
