import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { seedRegistryPatients } from '@hemispasm/server';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type E2eEnv, login, newPage, OUTPUT_DIR, screenshot } from '../harness';

const REGISTRY = 100_000;
const PAGE = 50;
/** Next-page clicks (PATIENT_LIST_PAGES, at least 3: `npm run bench web` asks for more, for a steadier median). */
const FORWARD = Math.max(3, Number(process.env.PATIENT_LIST_PAGES) || 6);
/** One patient whose name no generated patient shares: the one to find among 100 000. */
const NEEDLE = 'Xiadani Okonkwo-Lindqvist';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/**
 * The clinician's patient list at registry size: 100 000 synthetic patients (only their patient rows,
 * generated in the database: seedRegistryPatients) join the demo clinic, after the other journeys. The
 * clinician opens the list, pages forward and back through the server's keyset cursors, leaves for a
 * patient and comes back to the same page, reads how many patients there are, jumps to the last page and
 * back from it, and finds one patient by name. Each page is checked against
 * the database's own (name, id) order, costs the browser at most one request for 50 patients (the page
 * after it, fetched ahead) and never a fetch of the whole list. How long each step took, as the user sees
 * it (click → rows shown, browser and server on one machine), is printed and written to
 * test-output/web/patient-list-100k.json: a record, not a pass mark (machines are noisy).
 */
export function patientListRegistryJourney(env: () => E2eEnv): void {
  describe('patient list at 100 000 patients', () => {
    let context: BrowserContext;
    let page: Page;
    /** Every GET of the patient list the browser made and got an answer to (its query string). */
    const listRequests: URLSearchParams[] = [];
    const timings: Record<string, number[]> = {};
    const time = (step: string, ms: number) => {
      timings[step] = [...(timings[step] ?? []), Math.round(ms)];
    };
    let seedMs = 0;
    /** The clinic's first pages, in the database's own order. */
    let expected: string[][] = [];

    beforeAll(async () => {
      const { db, clinicId } = env().server;
      const clinician = await db
        .selectFrom('users')
        .select('id')
        .where('email', '=', DEMO.clinician.email)
        .executeTakeFirstOrThrow();
      const started = performance.now();
      const added = await seedRegistryPatients(db, { patients: REGISTRY, clinicId, createdBy: clinician.id });
      seedMs = performance.now() - started;
      expect(added).toBe(REGISTRY);
      await db
        .insertInto('patients')
        .values({
          clinic_id: clinicId,
          name: NEEDLE,
          birth_date: '1961-03-09',
          sex: 'female',
          affected_side: 'left',
          onset_date: '2019-05-01',
          created_by: clinician.id,
        })
        .execute();
      const ordered = await db
        .selectFrom('patients')
        .select('id')
        .where('clinic_id', '=', clinicId)
        .orderBy('name')
        .orderBy('id')
        .limit(PAGE * (FORWARD + 1))
        .execute();
      expected = Array.from({ length: FORWARD + 1 }, (_, k) =>
        ordered.slice(k * PAGE, (k + 1) * PAGE).map((p) => p.id),
      );
      ({ context, page } = await newPage(env().browser, env().server.url));
      await page.addInitScript(() =>
        window.addEventListener('click', () => Object.assign(window, { lastClickAt: performance.now() }), {
          capture: true,
        }),
      );
      // Counted once answered, so that a click is timed against a page fetched ahead, not one in flight.
      page.on('requestfinished', (r) => {
        const url = new URL(r.url());
        if (r.method() !== 'GET' || url.pathname !== '/api/patients') return;
        listRequests.push(url.searchParams);
        time('GET /api/patients?limit=50 (request → response end)', r.timing().responseEnd);
      });
    });
    afterAll(async () => {
      const rows = Object.entries(timings).map(([step, ms]) => ({
        step,
        clicks: ms.length,
        'median ms': median(ms),
        'max ms': Math.max(...ms),
      }));
      const record = {
        patients: REGISTRY + 1,
        pageSize: PAGE,
        database: 'PGlite (embedded, same process as the server)',
        machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
        seedMs: Math.round(seedMs),
        steps: rows,
      };
      console.log(
        `patient list at ${REGISTRY + 1} patients; set-up (seed) ${record.seedMs} ms; ${record.machine}`,
      );
      console.table(rows);
      writeFileSync(join(OUTPUT_DIR, 'patient-list-100k.json'), `${JSON.stringify(record, null, 2)}\n`);
      await context?.close();
    });

    const table = () => page.getByTestId('patient-table');
    const shownIds = () =>
      table()
        .locator('tbody a')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')?.split('/').pop() ?? ''));
    const caption = () => table().locator('caption').textContent();
    /**
     * Waits, frame by frame, until the table shows exactly these patients; returns the milliseconds from
     * the page's last click to that frame, on the browser's own clock (no test-driver delays in it).
     */
    const waitForRows = async (ids: string[]) => {
      const shown = await page.waitForFunction(
        (want) => {
          const links = [...document.querySelectorAll('[data-testid=patient-table] tbody a')];
          const all =
            links.length === want.length && links.every((a, i) => a.getAttribute('href')?.endsWith(want[i]!));
          const clicked = (window as { lastClickAt?: number }).lastClickAt ?? Number.NaN;
          return all && { ms: performance.now() - clicked };
        },
        ids,
        { polling: 'raf' },
      );
      return ((await shown.jsonValue()) as { ms: number }).ms;
    };
    /** Clicks, times it until `ids` are shown; returns how many list requests answered meanwhile. */
    const clickTo = async (step: string, testId: string, ids: string[]) => {
      const before = listRequests.length;
      await page.getByTestId(testId).click();
      time(step, await waitForRows(ids));
      return () => listRequests.length - before;
    };

    it('opens on the first 50 of 100 001 patients, in name order, without asking for the whole list', async () => {
      const { db, clinicId } = env().server;
      const count = await db
        .selectFrom('patients')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('clinic_id', '=', clinicId)
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBeGreaterThan(REGISTRY);
      // A clinician's start page is the patient list.
      await login(page, DEMO.clinician);
      await waitForRows(expected[0]!);
      expect(await caption()).toBe('Patients 1–50');
      // The page and the one after it, fetched ahead; 50 each.
      await expect.poll(() => listRequests.length).toBe(2);
      expect(listRequests.map((r) => r.get('limit'))).toEqual(['50', '50']);
      const started = performance.now();
      await page.reload();
      await waitForRows(expected[0]!);
      time('first page, app reloaded (test clock)', performance.now() - started);
      await screenshot(page, 'clinician-patients-100k');
    });

    it('pages forward: each click shows the next 50 distinct patients at once and fetches only the page after', async () => {
      const from = listRequests.length;
      for (let k = 1; k <= FORWARD; k++) {
        const requests = await clickTo('next page', 'patients-next', expected[k]!);
        await expect.poll(requests).toBe(1);
        expect(await caption()).toBe(`Patients ${k * PAGE + 1}–${(k + 1) * PAGE}`);
      }
      const seen = expected.flat();
      expect(new Set(seen).size).toBe(seen.length);
      // The fetch ahead followed the server's cursor: each request after the first carried one.
      expect(listRequests.slice(from).every((r) => r.has('after'))).toBe(true);
    });

    it('pages back: previous shows exactly the earlier pages, from memory', async () => {
      for (let k = FORWARD - 1; k >= FORWARD - 3; k--) {
        const requests = await clickTo('previous page', 'patients-previous', expected[k]!);
        expect(await caption()).toBe(`Patients ${k * PAGE + 1}–${(k + 1) * PAGE}`);
        // Shown from memory; at most a refresh of it and of the page after if they had grown stale.
        expect(requests()).toBeLessThanOrEqual(2);
      }
    });

    it('comes back to the same page after opening a patient', async () => {
      const k = FORWARD - 3;
      const first = table().locator('tbody a').first();
      const name = (await first.textContent()) ?? '';
      await first.click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      const started = performance.now();
      await page.goBack();
      await waitForRows(expected[k]!);
      time('back from a patient (test clock)', performance.now() - started);
      expect(await caption()).toBe(`Patients ${k * PAGE + 1}–${(k + 1) * PAGE}`);
      const requests = await clickTo('first page button', 'patients-first', expected[0]!);
      // From memory; at most a refresh of pages 1 and 2 if they had grown stale.
      expect(requests()).toBeLessThanOrEqual(2);
      expect(await caption()).toBe('Patients 1–50');
    });

    it('says how many patients there are, and jumps to the last page and back from it', async () => {
      const { db, clinicId } = env().server;
      const tail = (
        await db
          .selectFrom('patients')
          .select('id')
          .where('clinic_id', '=', clinicId)
          .orderBy('name', 'desc')
          .orderBy('id', 'desc')
          .limit(2 * PAGE)
          .execute()
      )
        .map((p) => p.id)
        .reverse();
      const { n } = await db
        .selectFrom('patients')
        .select((e) => e.fn.countAll<string>().as('n'))
        .where('clinic_id', '=', clinicId)
        .executeTakeFirstOrThrow();
      const all = Number(n);
      await expect
        .poll(() => page.getByTestId('patients-total').textContent())
        .toBe(`${all.toLocaleString('en')} patients`);
      const requests = await clickTo('last page button', 'patients-last', tail.slice(PAGE));
      // The last page and the page before it (fetched ahead); never the pages in between.
      await expect.poll(requests).toBe(2);
      expect(await caption()).toBe(
        `Patients ${(all - PAGE + 1).toLocaleString('en')}–${all.toLocaleString('en')}`,
      );
      await clickTo('previous page from the last', 'patients-previous', tail.slice(0, PAGE));
      expect(await caption()).toBe(
        `Patients ${(all - 2 * PAGE + 1).toLocaleString('en')}–${(all - PAGE).toLocaleString('en')}`,
      );
      await clickTo('first page button', 'patients-first', expected[0]!);
      expect(await caption()).toBe('Patients 1–50');
    });

    it('finds one patient among 100 001 by name, with one search for the typed name', async () => {
      const before = listRequests.length;
      const typed = 'okonkwo-lind';
      await page.locator('#patients-q').pressSequentially(typed, { delay: 40 });
      const started = performance.now();
      await expect.poll(() => shownIds().then((ids) => ids.length)).toBe(1);
      time('search, from the last key, incl. the typing pause (test clock)', performance.now() - started);
      expect(await table().locator('tbody a').textContent()).toBe(NEEDLE);
      const searches = listRequests.slice(before).map((r) => r.get('q'));
      // Not one request per key: the search waits for a pause in typing (a slow machine may split it once).
      expect(searches.length).toBeLessThanOrEqual(2);
      expect(searches.at(-1)).toBe(typed);
    });

    it('pages through a search that matches thousands, in the same order as the database', async () => {
      const { db, clinicId } = env().server;
      const matches = await db
        .selectFrom('patients')
        .select('id')
        .where('clinic_id', '=', clinicId)
        .where((eb) => eb(eb.fn('lower', ['name']), 'like', '%ada%'))
        .orderBy('name')
        .orderBy('id')
        .limit(2 * PAGE)
        .execute();
      expect(matches.length).toBe(2 * PAGE);
      await page.locator('#patients-q').fill('ada');
      await waitForRows(matches.slice(0, PAGE).map((p) => p.id));
      await expect
        .poll(() => listRequests.filter((r) => r.get('q') === 'ada' && r.has('after')).length)
        .toBe(1);
      const requests = await clickTo(
        'next page (search)',
        'patients-next',
        matches.slice(PAGE).map((p) => p.id),
      );
      await expect.poll(requests).toBe(1);
      expect(await caption()).toBe(`Patients ${PAGE + 1}–${2 * PAGE}`);
      // Never more than one page asked for, whatever was done.
      expect(listRequests.every((r) => r.get('limit') === String(PAGE))).toBe(true);
    });
  });
}
