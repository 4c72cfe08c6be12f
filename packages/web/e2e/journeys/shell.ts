import { describe, expect, it } from 'vitest';
import { DEMO, type E2eEnv, login, screenshot } from '../harness';

/** The app's frame: icons the browser asks for are there, and on a phone the header stays small. */
export function shellChecks(env: () => E2eEnv): void {
  describe('app shell', () => {
    it('serves its favicon and web app manifest, and a page loads without a missing file', async () => {
      const { server, browser } = env();
      const context = await browser.newContext({ baseURL: server.url });
      const page = await context.newPage();
      const failed: string[] = [];
      page.on('response', (r) => {
        // Signed out, /api/me answers 401 by design; anything else failing is a missing file.
        if (r.status() >= 400 && !r.url().endsWith('/api/me')) failed.push(`${r.status()} ${r.url()}`);
      });
      await page.goto('/#/login');
      await page.locator('#login-email').waitFor();
      const icon = await page.locator('link[rel=icon]').getAttribute('href');
      const manifest = await page.locator('link[rel=manifest]').getAttribute('href');
      expect(icon).toBe('/favicon.svg');
      const iconRes = await page.request.get(icon!);
      expect(iconRes.status()).toBe(200);
      expect(iconRes.headers()['content-type']).toContain('image/svg+xml');
      const m = await page.request.get(manifest!);
      expect(m.status()).toBe(200);
      const icons: { src: string }[] = (await m.json()).icons;
      for (const i of icons) expect((await page.request.get(i.src)).status(), i.src).toBe(200);
      expect(failed).toEqual([]);
      await context.close();
    });

    it('keeps the header to two short rows on a phone, navigation included', async () => {
      const { server, browser } = env();
      const context = await browser.newContext({
        baseURL: server.url,
        viewport: { width: 390, height: 800 },
      });
      const page = await context.newPage();
      await login(page, DEMO.patient);
      const header = await page.locator('header.topbar').boundingBox();
      // The patient has the most navigation items; before this layout the header took 220 px of 800.
      expect(header?.height).toBeLessThanOrEqual(90);
      await expect(page.locator('nav.mainnav a').last().isVisible()).resolves.toBe(true);
      await screenshot(page, 'phone-patient-header');
      await context.close();
    });
  });
}
