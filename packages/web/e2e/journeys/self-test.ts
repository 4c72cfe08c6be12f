import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Scenario, writeScenarioVideo } from '@hemispasm/vision/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type E2eEnv, launchBrowser, login, newPage, screenshot } from '../harness';

/**
 * The fake camera: the real test-face photo with the patient's RIGHT eye painted shut twice in a 6 s
 * clip, which Chromium loops. Any window of the (shortened, test-only) 15 s self-test therefore holds
 * several right-sided closures and none on the left.
 */
export const FAKE_CAMERA: Scenario = {
  durationS: 6,
  fps: 15,
  width: 640,
  height: 360,
  closures: [
    { side: 'right', startS: 1.0, endS: 1.9, closure: 1 },
    { side: 'right', startS: 3.8, endS: 4.6, closure: 1 },
  ],
};
const TEST_DURATION_S = 15;

async function buildFakeCamera(dir: string): Promise<string> {
  const mp4 = join(dir, 'face.mp4');
  const y4m = join(dir, 'face.y4m');
  await writeScenarioVideo(mp4, FAKE_CAMERA);
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', mp4, '-pix_fmt', 'yuv420p', y4m]);
  return y4m;
}

export function selfTestJourney(env: () => E2eEnv): void {
  describe('spasm self-test on a fake camera', () => {
    let dir: string;
    let browser: Browser;
    let page: Page;
    const requests: string[] = [];

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'hemispasm-fake-camera-'));
      const y4m = await buildFakeCamera(dir);
      browser = await launchBrowser([
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        `--use-file-for-fake-video-capture=${y4m}`,
      ]);
      ({ page } = await newPage(browser, env().server.url));
      page.on('request', (r) => requests.push(r.url()));
    });
    afterAll(async () => {
      await browser?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('says on screen that the video never leaves the device', async () => {
      await login(page, DEMO.patient);
      await page.goto(`/#/patient/self-test?duration=${TEST_DURATION_S}`);
      expect(await page.getByTestId('privacy').textContent()).toContain(
        'The video never leaves this device.',
      );
      expect(await page.locator('main').textContent()).toContain(`for ${TEST_DURATION_S} seconds`);
    });

    it('records, analyses in the worker and reports spasms on the right side', async () => {
      await page.getByRole('button', { name: 'Start the test' }).click();
      await page.getByTestId('selftest-status').filter({ hasText: 'Recording' }).waitFor({ timeout: 60_000 });
      await page.waitForTimeout(4000);
      await screenshot(page, 'patient-self-test-recording');
      const result = page.getByTestId('selftest-result');
      await result.waitFor({ timeout: 240_000 });
      expect(await page.getByTestId('spasm-side').textContent()).toBe('right');
      expect(Number(await page.getByTestId('spasm-count').textContent())).toBeGreaterThanOrEqual(2);
      await screenshot(page, 'patient-self-test-result');
    });

    it('saves only the summary, and the video never went over the network', async () => {
      const posted: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST') posted.push(r.postData() ?? '');
      });
      await page.getByRole('button', { name: 'Save the summary' }).click();
      await page.getByText('Summary saved. The video was not stored.').waitFor();
      expect(posted).toHaveLength(1);
      const body = JSON.parse(posted[0]!) as { analysis: { side: string; events: unknown[] } };
      expect(body.analysis.side).toBe('right');
      expect(Object.keys(body)).toEqual(['recordedAt', 'analysis']);
      // Every request stayed on the app's own origin (models and wasm included).
      const origin = new URL(env().server.url).origin;
      expect(
        requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:')),
      ).toEqual([]);
    });
  });
}
