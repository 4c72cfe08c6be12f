/**
 * The browser landmark worker in real headless Chromium (Debian's chromium, driven by playwright-core):
 * the worker is bundled with esbuild, the page and the model/wasm files are served from a local server, any
 * other request is refused (no network), and the worker runs on frames of a generated video of a real face
 * with the patient's right eye shut by the face animator.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SignalFrame } from '@hemispasm/core';
import { build } from 'esbuild';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FromLandmarkWorker } from '../src/browser/protocol';
import { browserAssets, decodeFrames, probeVideo } from '../src/index';
import { writeScenarioVideo } from '../src/testing/index';

const CHROMIUM = '/usr/bin/chromium';
const FPS = 10;
// Right eye shut from 1.0 to 2.0 s of a 3 s video (frames 10–20 of 30).
const SHUT = { startS: 1.0, endS: 2.0 };

const PAGE = `<!doctype html><meta charset="utf-8"><title>landmark worker test</title>
<script type="module">
const worker = new Worker('/worker.js', { type: 'module' });
const replies = [];
let wake = null;
worker.onmessage = (ev) => { replies.push(ev.data); if (wake) { wake(); wake = null; } };
const next = async () => { while (!replies.length) await new Promise((r) => (wake = r)); return replies.shift(); };
let ready = null;
window.runFrames = async (mirror) => {
  if (!ready) { worker.postMessage({ type: 'init', assetBaseUrl: location.origin + '/vision-assets/' }); ready = next(); }
  const first = await ready;
  if (first.type !== 'ready') return [first];
  const meta = await (await fetch('/meta')).json();
  const out = [];
  for (let i = 0; i < meta.count; i++) {
    const rgb = new Uint8Array(await (await fetch('/frame/' + i)).arrayBuffer());
    const rgba = new Uint8ClampedArray(meta.width * meta.height * 4);
    for (let p = 0, q = 0; p < rgb.length; p += 3, q += 4) { rgba[q] = rgb[p]; rgba[q + 1] = rgb[p + 1]; rgba[q + 2] = rgb[p + 2]; rgba[q + 3] = 255; }
    let bitmap = await createImageBitmap(new ImageData(rgba, meta.width, meta.height));
    if (mirror) {
      // A selfie preview: the same camera image flipped left-right.
      const c = new OffscreenCanvas(meta.width, meta.height);
      const g = c.getContext('2d');
      g.translate(meta.width, 0); g.scale(-1, 1); g.drawImage(bitmap, 0, 0);
      bitmap.close();
      bitmap = c.transferToImageBitmap();
    }
    worker.postMessage({ type: 'frame', t: i / meta.fps, image: bitmap, mirrored: mirror }, [bitmap]);
    out.push(await next());
  }
  return out;
};
window.pageReady = true;
</script>`;

let server: Server;
let browser: Browser;
let origin = '';
const foreignRequests: string[] = [];
const dir = mkdtempSync(join(tmpdir(), 'hemispasm-browser-'));

beforeAll(async () => {
  const workerJs = await build({
    entryPoints: [fileURLToPath(new URL('../src/browser/landmark-worker.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const video = join(dir, 'right-shut.mp4');
  await writeScenarioVideo(video, {
    durationS: 3,
    fps: FPS,
    headMotion: true,
    closures: [{ side: 'right', ...SHUT, closure: 1 }],
  });
  const info = await probeVideo(video);
  const frames: Buffer[] = [];
  for await (const f of decodeFrames(video, info)) frames.push(Buffer.from(f.rgb));
  const assets = new Map(browserAssets().map((a) => [`/vision-assets/${a.urlPath}`, a]));
  server = createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0]!;
    const asset = assets.get(url);
    const send = (type: string, body: string | Buffer | Uint8Array) => {
      res.writeHead(200, { 'content-type': type });
      res.end(body);
    };
    if (url === '/') send('text/html', PAGE);
    else if (url === '/worker.js') send('text/javascript', workerJs.outputFiles[0]!.contents);
    else if (url === '/meta') send('application/json', JSON.stringify({ ...info, count: frames.length }));
    else if (url.startsWith('/frame/') && frames[Number(url.slice(7))])
      send('application/octet-stream', frames[Number(url.slice(7))]!);
    else if (asset) send(asset.contentType, readFileSync(asset.file));
    else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
  rmSync(dir, { recursive: true, force: true });
});

async function runInBrowser(
  mirror: boolean,
): Promise<Array<Extract<FromLandmarkWorker, { type: 'signal' }>>> {
  const page = await browser.newPage();
  // No network: anything not from the local server is refused and remembered.
  await page.context().route('**/*', (route) => {
    if (route.request().url().startsWith(origin)) return route.continue();
    foreignRequests.push(route.request().url());
    return route.abort();
  });
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => (window as unknown as { pageReady?: boolean }).pageReady === true);
  const replies = (await page.evaluate(
    (m) => (window as unknown as { runFrames(m: boolean): Promise<unknown[]> }).runFrames(m),
    mirror,
  )) as FromLandmarkWorker[];
  await page.close();
  const errors = replies.filter((r) => r.type === 'error');
  expect(errors).toEqual([]);
  return replies as Array<Extract<FromLandmarkWorker, { type: 'signal' }>>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function expectRightShut(frames: SignalFrame[]) {
  const shut = frames.filter((f) => f.t >= SHUT.startS + 0.15 && f.t <= SHUT.endS - 0.15);
  const open = frames.filter((f) => f.t < SHUT.startS - 0.2 || f.t > SHUT.endS + 0.2);
  expect(frames.every((f) => f.eyeL !== null && f.eyeR !== null)).toBe(true);
  expect(median(shut.map((f) => f.eyeR!)) / median(open.map((f) => f.eyeR!))).toBeLessThan(0.7);
  expect(median(shut.map((f) => f.eyeL!)) / median(open.map((f) => f.eyeL!))).toBeGreaterThan(0.85);
}

describe.skipIf(!existsSync(CHROMIUM))('landmark worker in headless Chromium', () => {
  it('measures every frame and sees the right eye shut, with eye overlays on the right side of the patient', async () => {
    const replies = await runInBrowser(false);
    expect(replies).toHaveLength(3 * FPS);
    expectRightShut(replies.map((r) => r.frame));
    const o = replies[0]!.overlay!;
    expect(o.rightEye).toHaveLength(16);
    // Unmirrored: the patient's right eye is on the image's left.
    expect(median(o.rightEye.map((p) => p[0]))).toBeLessThan(median(o.leftEye.map((p) => p[0])));
    expect(foreignRequests).toEqual([]);
  }, 180_000);

  it('keeps the patient sides on a mirrored (selfie) view', async () => {
    const replies = await runInBrowser(true);
    expectRightShut(replies.map((r) => r.frame));
    const o = replies[0]!.overlay!;
    expect(median(o.rightEye.map((p) => p[0]))).toBeGreaterThan(median(o.leftEye.map((p) => p[0])));
    expect(foreignRequests).toEqual([]);
  }, 180_000);
});
