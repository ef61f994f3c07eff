/**
 * An email the local API "sent": nothing leaves the process, tests read it here instead.
 *
 * @public
 */
export interface OutboxMessage {
  /** The recipient, as the request gave it (trimmed, lower-case). */
  readonly to: string;
  readonly kind: 'magic_link' | 'invitation';
  /** The single-use token inside the link (for magic links: what `POST /v1/auth/magic-link/verify` takes). */
  readonly token: string;
  /** The link the email would contain, e.g. `http://127.0.0.1:4010/magic-link?token=…`. */
  readonly link: string;
  /** When it was sent (ISO 8601). */
  readonly sentAt: string;
}

/**
 * The emails the local API has sent, oldest first.
 *
 * @public
 */
export interface Outbox {
  /** Every message sent so far, oldest first. */
  readonly messages: readonly OutboxMessage[];
  /**
   * Returns the newest message, or the newest one sent to `to`.
   *
   * @example
   * ```ts
   * const link = server.outbox.last('ada@example.test');
   * ```
   */
  last(to?: string): OutboxMessage | undefined;
  /** Forgets every message. */
  clear(): void;
}

/**
 * The outbox plus the method the routes send with.
 *
 * @example
 * ```ts
 * outbox.send({ to, kind: 'magic_link', token, link, sentAt: iso(now) });
 * ```
 *
 * @internal
 */
export interface OutboxSender extends Outbox {
  send(message: OutboxMessage): void;
}

/**
 * Creates an empty outbox.
 *
 * @returns The outbox.
 *
 * @example
 * ```ts
 * const outbox = createOutbox();
 * outbox.last(); // undefined
 * ```
 *
 * @internal
 */
export function createOutbox(): OutboxSender {
  const messages: OutboxMessage[] = [];
  return {
    messages,
    last(to) {
      const wanted = to?.trim().toLowerCase();
      for (let index = messages.length - 1; index >= 0; index--) {
        const message = messages[index]!;
        if (wanted === undefined || message.to === wanted) return message;
      }
      return undefined;
    },
    clear() {
      messages.length = 0;
    },
    send(message) {
      messages.push(message);
    },
  };
}
