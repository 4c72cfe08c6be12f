/**
 * End-to-end harness: builds the web app when its sources changed, starts the real server (embedded
 * PGlite in a temporary data folder, demo clinic seeded, a free port) serving that build, and drives
 * Debian's Chromium through playwright-core. Screenshots go to <repo>/test-output/web/ (gitignored).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Db, loadConfig, type RunningServer, startServer } from '@hemispasm/server';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

const webDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = join(webDir, '..', '..');
export const OUTPUT_DIR = join(repoRoot, 'test-output', 'web');
export const CHROMIUM = process.env.HEMISPASM_CHROMIUM ?? '/usr/bin/chromium';

export const DEMO = {
  clinician: { email: 'clinician@demo.hemispasm.test', password: 'demo-clinician-2026' },
  patient: { email: 'patient@demo.hemispasm.test', password: 'demo-patient-2026' },
  admin: { email: 'admin@demo.hemispasm.test', password: 'demo-admin-2026' },
};

export { ensureWebBuilt } from '../scripts/build-if-stale';

export interface TestServer {
  url: string;
  /** The server's database, for a journey's set-up (e.g. a registry-size patient list) and its checks. */
  db: Db;
  /** The demo clinic. */
  clinicId: string;
  close(): Promise<void>;
}

/** The real server on a fresh embedded database with the demo clinic, on a free port. */
export async function startTestServer(): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hemispasm-web-e2e-'));
  let running: RunningServer | undefined;
  try {
    running = await startServer(loadConfig({ port: '0', data: dataDir }, { LOG_LEVEL: 'warn' }), {
      demoIfEmpty: true,
      print: () => {},
    });
  } catch (e) {
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  const addr = running.app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const server = running;
  if (!server.demo) throw new Error('the e2e server has no demo clinic');
  return {
    url: `http://127.0.0.1:${port}`,
    db: server.database.db,
    clinicId: server.demo.clinicId,
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Headless Chromium (Debian's), with extra flags such as the fake camera's. */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', ...extraArgs],
  });
}

export async function newPage(
  browser: Browser,
  baseUrl: string,
  lang: 'en' | 'zh' = 'en',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1280, height: 900 },
    locale: lang === 'zh' ? 'zh-CN' : 'en-GB',
  });
  // The language the app starts in: stored choice, as a returning user would have it.
  await context.addInitScript((l) => window.localStorage.setItem('hemispasm.lang', l), lang);
  const page = await context.newPage();
  await watchCsp(page);
  return { context, page };
}

/**
 * Content-Security-Policy violations seen in any journey's pages (Chromium reports each on the console).
 * The server's CSP is on during every journey; `all.e2e.test.ts` requires this list to stay empty.
 */
export const cspViolations: string[] = [];

export async function watchCsp(page: Page, into: string[] = cspViolations): Promise<void> {
  const note = (text: string) => {
    if (/Content Security Policy/i.test(text)) into.push(`${page.url()}: ${text}`);
  };
  page.on('console', (m) => note(m.text()));
  page.on('pageerror', (e) => note(String(e)));
  page.on('worker', (w) => w.on('console', (m) => note(m.text())));
  // The page's own violation events too (reported even when Chromium logs nothing to the console);
  // an init script is injected by the browser, outside the page's CSP.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Content Security Policy violation: ${e.effectiveDirective} blocked ${e.blockedURI}`),
    );
  });
}

export async function login(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.goto('/#/login');
  await page.locator('#login-email').fill(who.email);
  await page.locator('#login-password').fill(who.password);
  await page.locator('form button[type=submit]').click();
  await page.getByTestId('whoami').waitFor();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const file = join(OUTPUT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core in the page (WCAG 2 A/AA rules) and returns its serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: an inline <script> would be (rightly) refused by the CSP.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
          }>;
        };
      }
    ).axe;
    const res = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return res.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** What every journey runs against: one server and one browser for the whole e2e run. */
export interface E2eEnv {
  server: TestServer;
  browser: Browser;
}
