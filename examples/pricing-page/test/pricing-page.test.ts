// The built page in headless Chromium against the local PUGUH API over real loopback HTTP:
// what a visitor sees, and what the page sends.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createPuguhServer, type ListeningServer, type PuguhServer } from '@puguh/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { UNAVAILABLE_MESSAGE } from '../src/render-status';
import { buildPage, exampleRoot } from './support/build-page';
import { launchChromium, skipBrowserTests } from './support/chromium';
import { closedPort } from './support/closed-port';
import { serveStatic } from './support/serve-static';

const resultsDir = join(exampleRoot, 'test-results');
const plansPath = '/v1/billing/plans';

describe.skipIf(skipBrowserTests)('the pricing page, with the API running', () => {
  let server: PuguhServer;
  let api: ListeningServer;
  let site: Awaited<ReturnType<typeof serveStatic>>;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium(); // first: without Chromium (in CI), fail before building
    server = createPuguhServer();
    api = await server.listen({ port: 0, hostname: '127.0.0.1' });
    const page = await buildPage({ apiUrl: api.url, outDir: join(resultsDir, 'dist-live') });
    site = await serveStatic(page.outDir);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await api?.close();
  });

  async function openPage() {
    const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    return { page, pageErrors };
  }

  test('lists the seeded plans with price, interval and features, and sends no credential', async () => {
    server.clearRequests();
    const { page, pageErrors } = await openPage();
    await page.goto(site.url);
    await page.waitForSelector('#plans[data-state="loaded"]');

    // The browser itself called the API (the Origin header), once, without any credential.
    const calls = server.requests.filter((request) => request.path === plansPath);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: 'GET', headers: { origin: site.url } });
    expect(calls[0]?.headers).not.toHaveProperty('authorization');

    const plans = await page.$$eval('.plan', (cards) =>
      cards.map((card) => ({
        name: card.querySelector('.plan-name')?.textContent,
        price: card.querySelector('.plan-price')?.textContent,
        features: [...card.querySelectorAll('.plan-features li')].map((item) => item.textContent),
      })),
    );
    expect(plans.map((plan) => plan.name)).toEqual(['Free', 'Pro', 'Business']);
    expect(plans.map((plan) => plan.price)).toEqual(['$0.00/mo', '$29.00/mo', '$99.00/mo']);
    const served = (await (await fetch(`${api.url}${plansPath}`)).json()) as {
      data: { features: string[] }[];
    };
    expect(plans.map((plan) => plan.features)).toEqual(served.data.map((plan) => plan.features));
    expect(plans[1]?.features.length).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);

    await mkdir(resultsDir, { recursive: true });
    await page.screenshot({ path: join(resultsDir, 'pricing-page.png'), fullPage: true });
    await page.close();
  });

  test('shows a loading state until the plans arrive', async () => {
    server.faults.inject({ method: 'GET', path: plansPath, delayMs: 2_000 });
    const { page } = await openPage();
    await page.goto(site.url, { waitUntil: 'domcontentloaded' });

    expect(await page.getAttribute('#plans', 'data-state')).toBe('loading');
    expect(await page.textContent('#plans')).toContain('Loading plans…');
    await page.waitForSelector('#plans[data-state="loaded"]');
    expect(await page.locator('.plan').count()).toBe(3);
    await page.close();
  });

  test('shows a generic message with the request id when the API answers with an error', async () => {
    server.clearRequests();
    server.faults.inject({ method: 'GET', path: plansPath, status: 500 });
    const { page } = await openPage();
    await page.goto(site.url);
    await page.waitForSelector('#plans[data-state="error"]');

    const requestId = server.requests.find((request) => request.path === plansPath)?.requestId;
    expect(requestId).toMatch(/^req_/);
    expect(await page.textContent('#plans')).toBe(
      `Pricing could not be loaded (request id ${requestId}). Please try again later.`,
    );
    await page.close();
  });
});

describe.skipIf(skipBrowserTests)('the pricing page, with the API down', () => {
  let site: Awaited<ReturnType<typeof serveStatic>>;
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
    const apiUrl = `http://127.0.0.1:${await closedPort()}`;
    const page = await buildPage({ apiUrl, outDir: join(resultsDir, 'dist-api-down') });
    site = await serveStatic(page.outDir);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  test('says pricing is unavailable and asks whether the API is running', async () => {
    const page = await browser.newPage();
    const started = Date.now();
    await page.goto(site.url);
    await page.waitForSelector('#plans[data-state="error"]');

    expect(await page.textContent('#plans')).toBe(UNAVAILABLE_MESSAGE);
    expect(UNAVAILABLE_MESSAGE).toBe('Pricing is unavailable right now — is the PUGUH API running?');
    // No retries with backoff: the visitor gets the message at once.
    expect(Date.now() - started).toBeLessThan(5_000);
    await page.close();
  });
});
