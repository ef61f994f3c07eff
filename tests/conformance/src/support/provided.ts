// What `src/node/global-setup.ts` (and each project's `provide`) hands to the tests. Reading it
// through `inject()` works in every runtime: Node, edge-runtime, workerd and the browser.
import { inject } from 'vitest';

/** The runtimes the vitest projects run in; `node` covers Node 20 and Node 24. */
export type Runtime = 'node' | 'edge-runtime' | 'workerd' | 'chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The local PUGUH API, e.g. `http://127.0.0.1:41234`. */
    apiUrl: string;
    /** The control server (outbox and faults), see `src/node/control-server.ts`. */
    controlUrl: string;
    /** A loopback URL where nothing listens. */
    closedUrl: string;
    /** The Node major version the runner expects in the `node` project (`''`: any). */
    expectedNodeMajor: string;
    /** The runtime this project is configured for (set by `provide` in vitest.config.ts). */
    runtime: Runtime;
  }
}

export const apiUrl = (): string => inject('apiUrl');
export const controlUrl = (): string => inject('controlUrl');
export const closedUrl = (): string => inject('closedUrl');
export const expectedRuntime = (): Runtime => inject('runtime');
export const expectedNodeMajor = (): string => inject('expectedNodeMajor');
