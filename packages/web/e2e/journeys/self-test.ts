import type { FaceAnimation, PatientSide } from '@hemispasm/vision/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeCameraBrowser, launchWithFakeCamera, offOrigin, saveSummaryPosts } from '../fake-camera';
import { DEMO, type E2eEnv, login, newPage, screenshot } from '../harness';

/**
 * The fake camera: a 14 s clip of the vision package's face animator (a real photo warped, not painted),
 * which Chromium loops. On one side (the `side` asked): two eye twitches, a tonic spasm spreading to cheek
 * and mouth, and a lower-face spasm (mouth corner up and out, cheek up, the eye barely narrowing); a closure
 * of both eyes held 1.6 s (not hemifacial spasm: a red flag); a blink; then a hand over that side's eye for
 * 1.5 s (not measured). The face is at rest where the clip loops, so a recording of TEST_DURATION_S (longer
 * than the clip by more than any event) holds every event at least once, whole.
 */
export function fakeCameraAnimation(side: PatientSide): FaceAnimation {
  return {
    durationS: 14,
    // 15 frames/s: half the frames to render and to analyse in the browser (the self-test analyses at the
    // camera's rate; the 30-fps path is the same code).
    fps: 15,
    width: 640,
    height: 360,
    noise: 2.5,
    seed: 5,
    actions: [
      { kind: 'spasm', side, form: 'clonic', startS: 1, durationS: 0.3, eye: 1 },
      {
        kind: 'spasm',
        side,
        form: 'tonic',
        startS: 2.2,
        durationS: 1.2,
        eye: 0.9,
        lowerLid: 1,
        cheek: 1,
        mouth: 0.8,
        tremor: 0.15,
      },
      { kind: 'bilateral_closure', startS: 4.6, durationS: 1.6 },
      {
        kind: 'spasm',
        side,
        form: 'tonic',
        startS: 7.4,
        durationS: 1.6,
        eye: 0.1,
        lowerLid: 0.6,
        cheek: 1,
        mouth: 0.9,
      },
      { kind: 'spasm', side, form: 'clonic', startS: 10, durationS: 0.35, eye: 0.9 },
      { kind: 'blink', startS: 11.2, durationS: 0.25 },
      { kind: 'occlusion', occluder: 'hand', side, startS: 12.1, durationS: 1.5, coverage: 0.6 },
    ],
  };
}
const TEST_DURATION_S = 18;

/** The signed-in patient's own record, as the API gives it to them. */
async function ownRecord(page: Page): Promise<{ affectedSide: string }> {
  return page.evaluate(async () => {
    const me = (await (await fetch('/api/me')).json()) as { user: { patientId: string } };
    const res = await fetch(`/api/patients/${me.user.patientId}`);
    return (await res.json()) as { affectedSide: string };
  });
}

export function selfTestJourney(env: () => E2eEnv): void {
  describe('spasm self-test on a fake camera (animated face)', () => {
    let camera: FakeCameraBrowser;
    let browser: Browser;
    let page: Page;
    /** The patient's recorded affected side, and the other side, on which the fake camera's face twitches. */
    let recorded: PatientSide;
    let measured: PatientSide;
    const requests: string[] = [];

    beforeAll(async () => {
      const probe = await newPage(env().browser, env().server.url);
      await login(probe.page, DEMO.patient);
      const side = (await ownRecord(probe.page)).affectedSide;
      await probe.context.close();
      expect(['left', 'right']).toContain(side);
      recorded = side as PatientSide;
      measured = recorded === 'left' ? 'right' : 'left';
      camera = await launchWithFakeCamera(fakeCameraAnimation(measured), 'face');
      browser = camera.browser;
      ({ page } = await newPage(browser, env().server.url));
      page.on('request', (r) => requests.push(r.url()));
    }, 600_000);
    afterAll(() => camera?.close());

    it('says on screen that the video never leaves the device', async () => {
      await login(page, DEMO.patient);
      await page.goto(`/#/patient/self-test?duration=${TEST_DURATION_S}`);
      expect(await page.getByTestId('privacy').textContent()).toContain(
        'The video never leaves this device.',
      );
      expect(await page.locator('main').textContent()).toContain(`for ${TEST_DURATION_S} seconds`);
    });

    it('records, analyses in the worker and reports the spasms, a lower-face spasm, the closures of both eyes, the side that differs from the record and the seconds an eye was covered', async () => {
      await page.getByRole('button', { name: 'Start the test' }).click();
      await page.getByTestId('selftest-status').filter({ hasText: 'Recording' }).waitFor({ timeout: 60_000 });
      await page.waitForTimeout(4000);
      await screenshot(page, 'patient-self-test-recording');
      const result = page.getByTestId('selftest-result');
      await result.waitFor({ timeout: 600_000 });
      await screenshot(page, 'patient-self-test-result');
      // Every spasm on the animated side: eye twitches, the tonic spasm and the lower-face spasm.
      expect(await page.getByTestId('spasm-side').textContent()).toBe(measured);
      expect(Number(await page.getByTestId('spasm-count').textContent())).toBeGreaterThanOrEqual(4);
      // The lower-face spasm: counted, and striped on the timeline with its regions.
      expect(Number(await page.getByTestId('lower-face-count').textContent())).toBeGreaterThanOrEqual(1);
      const lower = page.locator(`.events-track span.lower.${measured}`).first();
      expect(await lower.getAttribute('data-regions')).toMatch(/mouth/);
      expect(await lower.getAttribute('title')).toMatch(new RegExp(`^${measured} side, .*mouth`));
      // Closures of both eyes: a red flag, in words.
      const flag = page.getByTestId('red-flag-bilateral');
      expect(await flag.textContent()).toContain('Show this to a doctor.');
      expect(await flag.textContent()).toContain('not typical of hemifacial spasm');
      // The side check names both sides.
      expect(await page.getByTestId('side-warning').textContent()).toMatch(
        new RegExp(`Measured side: ${measured} \\(\\d+ spasms\\)\\. Recorded affected side: ${recorded}\\.`),
      );
      // The hand over the eye: its seconds on the card, said in words not to have been measured.
      const covered = (await page.getByTestId('covered-seconds').textContent())!;
      const seconds = Number(new RegExp(`${measured} (\\d+\\.\\d) s`).exec(covered)?.[1]);
      expect(seconds).toBeGreaterThanOrEqual(1);
      const note = await page.getByTestId('covered-eyes').textContent();
      expect(note).toContain(`the ${measured} eye for ${seconds.toFixed(1)} s`);
      expect(note).toContain('Those seconds were not measured');
      expect(await page.getByTestId('analysis-mode').textContent()).toMatch(
        /Analysed at \d+ frames per second/,
      );
    }, 900_000);

    it('saves only the summary, and the video never went over the network', async () => {
      const posted = await saveSummaryPosts(page);
      expect(posted).toHaveLength(1);
      const body = JSON.parse(posted[0]!) as {
        analysis: { side: string; bilateralClosureCount: number; events: unknown[] };
      };
      expect(body.analysis.side).toBe(measured);
      expect(body.analysis.bilateralClosureCount).toBeGreaterThanOrEqual(1);
      expect(Object.keys(body)).toEqual(['recordedAt', 'analysis']);
      // Every request stayed on the app's own origin (models and wasm included).
      expect(offOrigin(requests, env().server.url)).toEqual([]);
    });
  });
}
