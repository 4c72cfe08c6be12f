import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO, type E2eEnv, login, newPage, screenshot, seriousAxeViolations } from '../harness';

/** Every page, in English and Simplified Chinese, has no serious or critical axe-core violation. */
const PUBLIC_PAGES = ['/login', '/learn'];
const PATIENT_PAGES = [
  '/patient/assess',
  '/patient/diary',
  '/patient/trends',
  '/patient/self-test',
  '/patient/decision',
  '/learn',
];
const CLINICIAN_PAGES = (id: string) => [
  '/clinic/patients',
  `/clinic/patients/${id}`,
  `/clinic/patients/${id}/summary`,
  '/clinic/outcomes',
];

const shotName = (role: string, lang: string, path: string) =>
  `${role}-${lang}${path.replace(/\/[0-9a-f-]{36}/, '/patient').replaceAll('/', '-')}`;

async function visit(page: Page, path: string): Promise<void> {
  await page.goto(`/#${path}`);
  await page.locator('main h1').first().waitFor();
  // Let queries settle so the page is checked with its data, not its loading state.
  await page.waitForLoadState('networkidle');
}

export function accessibilityChecks(env: () => E2eEnv): void {
  describe.each(['en', 'zh'] as const)('accessibility in %s', (lang) => {
    async function check(page: Page, role: string, paths: string[]) {
      const problems: string[] = [];
      for (const path of paths) {
        await visit(page, path);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(
          lang === 'zh' ? 'zh-Hans' : 'en',
        );
        for (const v of await seriousAxeViolations(page))
          problems.push(`${path}: ${v.id} (${v.impact}) ${v.help} ${v.nodes.join(' ')}`);
        await screenshot(page, shotName(role, lang, path));
      }
      expect(problems).toEqual([]);
    }

    it('public pages', async () => {
      const { page, context } = await newPage(env().browser, env().server.url, lang);
      await check(page, 'public', PUBLIC_PAGES);
      await context.close();
    });

    it('patient pages', async () => {
      const { page, context } = await newPage(env().browser, env().server.url, lang);
      await login(page, DEMO.patient);
      await check(page, 'patient', PATIENT_PAGES);
      await context.close();
    });

    it('clinician pages', async () => {
      const { page, context } = await newPage(env().browser, env().server.url, lang);
      await login(page, DEMO.clinician);
      await visit(page, '/clinic/patients');
      const href = await page.getByTestId('patient-table').locator('tbody a').first().getAttribute('href');
      const id = href?.split('/').pop() ?? '';
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      await check(page, 'clinician', CLINICIAN_PAGES(id));
      await context.close();
    });
  });
}
