import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type E2eEnv, ensureWebBuilt, launchBrowser, startTestServer, type TestServer } from './harness';
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
