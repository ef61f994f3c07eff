// Runs once per vitest project, in Node, before any test file: starts the local PUGUH API and the
// control server on loopback and hands their URLs to the tests, wherever they run, via `inject()`.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPuguhServer } from '@puguh/testing';
import type { TestProject } from 'vitest/node';
import { startControlServer } from './control-server';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = createPuguhServer();
  const api = await server.listen({ port: 0, hostname: '127.0.0.1' });
  const control = await startControlServer(server);
  project.provide('apiUrl', api.url);
  project.provide('controlUrl', control.url);
  project.provide('closedUrl', await closedPortUrl());
  project.provide('expectedNodeMajor', process.env.CONFORMANCE_EXPECT_NODE ?? '');
  return async () => {
    await control.close();
    await api.close();
  };
}

/** A loopback URL where nothing listens: a port the OS just handed out, then released. */
async function closedPortUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen({ port: 0, host: '127.0.0.1' }, () => resolve()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
