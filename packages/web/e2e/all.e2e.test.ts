import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  cspViolations,
  type E2eEnv,
  ensureWebBuilt,
  launchBrowser,
  startTestServer,
  type TestServer,
} from './harness';
import { accessibilityChecks } from './journeys/accessibility';
import { clinicianJourney } from './journeys/clinician';
import { patientJourney } from './journeys/patient';
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
accessibilityChecks(env);
shellChecks(env);

// The server sends its Content-Security-Policy throughout: the app, its worker and wasm ran under it.
it('ran every journey under the Content-Security-Policy, without a violation', async () => {
  const page = await fetch(`${server.url}/`, { headers: { accept: 'text/html' } });
  expect(page.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(cspViolations).toEqual([]);
});
