import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  cspViolations,
  type E2eEnv,
  ensureWebBuilt,
  launchBrowser,
  startTestServer,
  type TestServer,
  watchCsp,
} from './harness';
import { accessibilityChecks } from './journeys/accessibility';
import { clinicianJourney } from './journeys/clinician';
import { movementTestJourney } from './journeys/movement-test';
import { patientJourney } from './journeys/patient';
import { patientListRegistryJourney } from './journeys/patient-list-registry';
import { selfTestJourney } from './journeys/self-test';
import { shellChecks } from './journeys/shell';

/**
 * The browser journeys, against one real server (PGlite in a temp folder, demo clinic) serving the
 * built app, in one Chromium: starting the server and seeding the demo once keeps the run short.
 */
let server: TestServer;
let browser: Browser;
const env = (): E2eEnv => ({ server, browser });

beforeAll(async () => {
  ensureWebBuilt();
  server = await startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

clinicianJourney(env);
patientJourney(env);
selfTestJourney(env);
movementTestJourney(env);
accessibilityChecks(env);
shellChecks(env);
// Last: it adds 100 000 patients to the demo clinic, which the journeys above expect small.
patientListRegistryJourney(env);

// The watch is not blind: a script the policy forbids, injected into the app, is seen.
it('sees a Content-Security-Policy violation when there is one', async () => {
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  const seen: string[] = [];
  await watchCsp(page, seen);
  await page.goto('/#/login');
  await page.locator('#login-email').waitFor();
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.inlineRan = true';
    document.body.append(s);
  });
  await expect.poll(() => seen.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => 'inlineRan' in window)).toBe(false);
  await context.close();
});

// The server sends its Content-Security-Policy throughout: the app, its worker and wasm ran under it.
it('ran every journey under the Content-Security-Policy, without a violation', async () => {
  const page = await fetch(`${server.url}/`, { headers: { accept: 'text/html' } });
  expect(page.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(cspViolations).toEqual([]);
});
