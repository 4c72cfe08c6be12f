/**
 * Chromium's fake camera for the camera journeys, and their shared checks (saving only the summary, no
 * request off the app's origin): a clip of the vision package's face animator (a real
 * photo warped, not painted), written as MP4 then converted to the y4m file Chromium plays (and loops)
 * from the moment a page opens the camera. Built at test time; nothing is shipped or downloaded.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FaceAnimation, writeAnimatedVideo } from '@hemispasm/vision/testing';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './harness';

export interface FakeCameraBrowser {
  /** A Chromium whose camera shows the clip, the permission prompt answered yes. */
  browser: Browser;
  /** Closes the browser and removes the clip. */
  close(): Promise<void>;
}

export async function launchWithFakeCamera(
  animation: FaceAnimation,
  name: string,
): Promise<FakeCameraBrowser> {
  const dir = mkdtempSync(join(tmpdir(), `hemispasm-${name}-camera-`));
  try {
    const mp4 = join(dir, `${name}.mp4`);
    const y4m = join(dir, `${name}.y4m`);
    await writeAnimatedVideo(mp4, animation);
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', mp4, '-pix_fmt', 'yuv420p', y4m]);
    const browser = await launchBrowser([
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${y4m}`,
    ]);
    return {
      browser,
      close: async () => {
        await browser.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Clicks "Save the summary", waits for the confirmation and returns the bodies of the POST requests the
 * page sent meanwhile (a camera test must send exactly one: the summary, never the video).
 */
export async function saveSummaryPosts(page: Page): Promise<string[]> {
  const posted: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST') posted.push(r.postData() ?? '');
  });
  await page.getByRole('button', { name: 'Save the summary' }).click();
  await page.getByText('Summary saved. The video was not stored.').waitFor();
  return posted;
}

/** The requests that left the app's origin (none may: the models and wasm are served by the app). */
export function offOrigin(requests: string[], serverUrl: string): string[] {
  const origin = new URL(serverUrl).origin;
  return requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
}
