import type { PuguhClient } from '@puguh/sdk';
import type { PuguhServer } from '@puguh/testing';

/** What every section of the demo works with. */
export interface Demo {
  /** The local PUGUH API: the demo reads its outbox (the emails it "sent") and its request log. */
  readonly server: PuguhServer;
  /** Where it listens, e.g. `http://127.0.0.1:54321`. */
  readonly baseUrl: string;
  /** A service client (`apiKey: server.apiKey`), as a backend holds one. */
  readonly service: PuguhClient;
}
