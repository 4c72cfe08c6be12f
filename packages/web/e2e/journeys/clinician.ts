import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type E2eEnv, login, newPage, OUTPUT_DIR, screenshot, seriousAxeViolations } from '../harness';

interface ExportedBundle {
  resourceType: string;
  type: string;
  entry: { fullUrl: string; resource: Record<string, unknown> & { resourceType: string } }[];
}

/**
 * A clinician signs in, adds a patient, records an SMC assessment and a toxin episode whose follow-up shows
 * no change, runs decision support from a profile built from that record, and sees the toxin non-response
 * flagged, nothing preferred (MVD not preferred) and the reasons for and against apart, with their sources,
 * in English and in Chinese; then marks the flag reviewed; opens the visit summary and the clinic outcomes
 * (definition of the curves stated); exports the patient as a FHIR R4 Bundle, imports that file back as a
 * new patient with the same record, and sees a broken Bundle refused with the element at fault.
 */
export function clinicianJourney(env: () => E2eEnv): void {
  describe('clinician journey', () => {
    let context: BrowserContext;
    let page: Page;
    let patientUrl = '';
    let exportedFile = '';
    beforeAll(async () => {
      ({ context, page } = await newPage(env().browser, env().server.url));
    });
    /** Waits until the patient's timeline shows `text` (the saved record, read back from the server). */
    const timelineShows = (text: string) =>
      expect.poll(async () => page.getByTestId('timeline').textContent()).toContain(text);
    const openPatientList = async () => {
      await page.locator('nav.mainnav').getByRole('link', { name: 'Patients' }).click();
      await page.getByTestId('fhir-import-form').waitFor();
    };

    it('signs in and sees the clinic patient list', async () => {
      await login(page, DEMO.clinician);
      await page.getByTestId('patient-table').waitFor();
      expect(await page.getByTestId('patient-table').locator('tbody tr').count()).toBeGreaterThan(3);
      await screenshot(page, 'clinician-patients-en');
    });

    it('searches and filters the list', async () => {
      await page.locator('#patients-q').fill('Ada');
      await expect.poll(async () => page.getByTestId('patient-table').locator('tbody tr').count()).toBe(1);
      await page.locator('#patients-q').fill('');
      await page.locator('#patients-side').selectOption('right');
      const sides = await page
        .getByTestId('patient-table')
        .locator('tbody tr td:nth-child(4)')
        .allTextContents();
      expect(sides.length).toBeGreaterThan(0);
      expect(new Set(sides)).toEqual(new Set(['right']));
      await page.locator('#patients-side').selectOption('');
    });

    it('adds a patient and lands on the new patient page', async () => {
      await page.locator('#np-name').fill('Wei Zhang');
      await page.locator('#np-birth').fill('1962-04-18');
      await page.locator('#np-onset').fill('2022-09-01');
      await page.locator('#np-sex').selectOption('male');
      await page.locator('#np-side').selectOption('right');
      await page.getByRole('button', { name: 'Add patient' }).click();
      await page.getByRole('heading', { level: 1, name: 'Wei Zhang' }).waitFor();
      expect(page.url()).toMatch(/#\/clinic\/patients\/[0-9a-f-]{36}$/);
      patientUrl = page.url();
    });

    it('records an SMC assessment, scored by the server', async () => {
      await page.locator('#picker-clinician').selectOption('smc');
      const form = page.getByTestId('instrument-smc');
      await form.locator('input[type=radio]').nth(2).check();
      await form.getByRole('button', { name: 'Submit answers' }).click();
      await expect.poll(async () => page.getByTestId('assessment-saved').textContent()).toContain('III');
      await timelineShows('smc: III');
    });

    it('records a botulinum toxin episode and a follow-up with no change', async () => {
      const ep = page.getByTestId('episode-form');
      await ep.locator('#ep-kind').selectOption('botulinum_toxin');
      await ep.locator('#ep-units-0').fill('5');
      await ep.getByRole('button', { name: 'Add a site' }).click();
      await ep.locator('#ep-site-1').fill('orbicularis oculi, lower lateral');
      await ep.locator('#ep-units-1').fill('2.5');
      await ep.getByRole('button', { name: 'Save treatment' }).click();
      await timelineShows('Botulinum toxin injections');
      const fu = page.getByTestId('follow-up-form');
      await fu.locator('#fu-tp').selectOption('1m');
      await fu.locator('#fu-status').selectOption('unchanged');
      await fu.getByRole('button', { name: 'Save follow-up' }).click();
      await timelineShows('at 1 month: unchanged');
    });

    it('runs decision support on the recorded history: toxin non-response flagged, MVD not preferred', async () => {
      await page.getByText('Patient profile for the decision engine').click();
      // The profile is built from the record: the toxin episode and its "no change" follow-up, the SMC grade.
      const prior = page.getByTestId('profile-prior').getByTestId('prior-row');
      await expect.poll(async () => prior.count()).toBe(1);
      expect(await page.locator('#pt-option-0').inputValue()).toBe('botulinum_toxin');
      expect(await page.locator('#pt-response-0').inputValue()).toBe('none');
      expect(await page.locator('#pt-cycles-0').inputValue()).toBe('1');
      expect(await prior.first().textContent()).toContain('Follow-up at 1 month: unchanged.');
      expect(await page.locator('#pf-smc').inputValue()).toBe('3');
      await page.locator('#pf-mri').selectOption('neurovascular_conflict');
      await page.getByRole('button', { name: 'Run decision support' }).click();
      const flag = page.getByTestId('red-flag-toxin_non_response');
      await flag.waitFor();
      expect(await flag.textContent()).toContain('No response to toxin');
      expect(await flag.textContent()).toContain('review first');
      const ranked = page.getByTestId('ranked-options');
      expect(await ranked.locator(':scope > li').count()).toBe(5);
      expect(await page.getByTestId('option-mvd').getByTestId('recommendation').textContent()).not.toBe(
        'preferred',
      );
      const badges = await ranked.getByTestId('recommendation').allTextContents();
      expect(badges).not.toContain('preferred');
      // Reasons for and against are shown apart; every reason cites its source.
      const toxin = page.getByTestId('option-botulinum_toxin');
      expect(await toxin.getByTestId('reasons-for').textContent()).toContain('standard first-line');
      expect(await toxin.getByTestId('reasons-against').textContent()).toContain(
        'No response to toxin before',
      );
      const text = (await ranked.textContent()) ?? '';
      expect(text).toContain('Source:');
      expect(text).toMatch(/Rosenstengel|Baldauf|Yaltho/);
      // The evidence-based first line is still toxin (another adjusted cycle), with surgery held.
      expect(await ranked.locator(':scope > li').first().locator('h3').textContent()).toContain(
        'Botulinum toxin',
      );
      await screenshot(page, 'clinician-patient-page-en');
    });

    it('shows the new red flag and the reasons for and against in Chinese', async () => {
      await page.getByTestId('language').selectOption('zh');
      const flag = page.getByTestId('red-flag-toxin_non_response');
      await expect.poll(async () => flag.textContent()).toContain('对肉毒毒素无反应');
      expect(await flag.textContent()).toContain('肉毒毒素完全无效');
      expect(await flag.textContent()).toContain('先评估');
      const toxin = page.getByTestId('option-botulinum_toxin');
      expect(await toxin.getByTestId('reasons-for').locator('h4').textContent()).toBe('支持');
      expect(await toxin.getByTestId('reasons-against').locator('h4').textContent()).toBe('反对');
      expect(await page.getByTestId('decision-panel').locator('[lang="en"]').count()).toBe(0);
      await screenshot(page, 'clinician-patient-page-zh');
      await page.getByTestId('language').selectOption('en');
      await expect.poll(async () => flag.textContent()).toContain('No response to toxin');
    });

    it('records the review of the flag and runs again: the flag stays, marked reviewed', async () => {
      const reviewed = page.getByTestId('profile-reviewed');
      await reviewed.waitFor();
      await reviewed.getByLabel('No response to toxin').check();
      await page.getByRole('button', { name: 'Run decision support' }).click();
      const flag = page.getByTestId('red-flag-toxin_non_response');
      await expect.poll(async () => flag.textContent()).toContain('reviewed');
      expect(await flag.textContent()).not.toContain('review first');
    });

    it('opens a printable visit summary', async () => {
      await page.getByRole('link', { name: 'Visit summary' }).click();
      await page.getByRole('heading', { level: 1, name: /Visit summary: Wei Zhang/ }).waitFor();
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('header.topbar').isVisible()).toBe(false);
      await screenshot(page, 'clinician-visit-summary-print');
      await page.emulateMedia({ media: 'screen' });
    });

    it('shows clinic outcomes per treatment', async () => {
      await page.getByRole('link', { name: 'Clinic outcomes' }).click();
      const toxin = page.getByTestId('outcome-botulinum_toxin');
      await toxin.waitFor();
      expect(await toxin.textContent()).toMatch(/\d+ treatments in \d+ patients/);
      // The Kaplan–Meier curve is drawn (uPlot canvas), summarised in words and given as a table whose
      // survival column never rises; the demo's RF courses include recurrences.
      const rf = page.getByTestId('curve-rf_neurotomy');
      await rf.locator('canvas').first().waitFor();
      expect(await page.getByTestId('curve-rf_neurotomy-summary').textContent()).toMatch(
        /treatments with follow-up, \d+ failures \(never resolved in time\) and [1-9]\d* recurrences/,
      );
      // The page states what the curves count: failure or recurrence, with each treatment's window.
      const definition = (await page.getByTestId('outcomes-definition').textContent()) ?? '';
      expect(definition).toContain('the event is failure or recurrence');
      expect(definition).toContain('MVD 12 months');
      expect(definition).toContain('RF 3 months');
      expect(await page.getByTestId('curve-mvd-definition').textContent()).toBe(
        'Event: failure (spasm not resolved by 12 months) or recurrence.',
      );
      expect(await page.getByTestId('curve-botulinum_toxin-definition').textContent()).toContain(
        'the effect wears off',
      );
      // The demo's persistent MVD (never resolved) is a failure: the MVD curve falls below 100 %.
      expect(await page.getByTestId('curve-mvd-summary').textContent()).toMatch(/[1-9]\d* failures/);
      await rf.getByText('The curve as a table').click();
      const survival = (await rf.locator('details tbody tr td:nth-child(5)').allTextContents()).map((s) =>
        Number.parseInt(s, 10),
      );
      expect(survival[0]).toBe(100);
      expect(survival.at(-1)!).toBeLessThan(100);
      for (let i = 1; i < survival.length; i++) expect(survival[i]!).toBeLessThanOrEqual(survival[i - 1]!);
      expect(await page.getByText('crude Kaplan–Meier estimates from this clinic').count()).toBe(1);
      await screenshot(page, 'clinician-outcomes-en');
    });

    it('exports the patient as a FHIR R4 Bundle file (a download, no new window)', async () => {
      await openPatientList();
      await page.getByTestId('patient-table').getByRole('link', { name: 'Wei Zhang' }).click();
      await page.getByRole('heading', { level: 1, name: 'Wei Zhang' }).waitFor();
      expect(page.url()).toBe(patientUrl);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export (FHIR R4)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('Wei-Zhang-fhir.json');
      mkdirSync(OUTPUT_DIR, { recursive: true });
      exportedFile = join(OUTPUT_DIR, download.suggestedFilename());
      await download.saveAs(exportedFile);
      expect(context.pages()).toHaveLength(1);
      await expect
        .poll(async () => page.getByTestId('fhir-export-status').textContent())
        .toBe('Downloaded Wei-Zhang-fhir.json.');

      const bundle = JSON.parse(readFileSync(exportedFile, 'utf8')) as ExportedBundle;
      expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
      const types = bundle.entry.map((e) => e.resource.resourceType);
      expect(types).toEqual(expect.arrayContaining(['Patient', 'Condition', 'Observation', 'Procedure']));
      expect(bundle.entry.find((e) => e.resource.resourceType === 'Patient')?.resource).toMatchObject({
        name: [{ text: 'Wei Zhang' }],
        gender: 'male',
        birthDate: '1962-04-18',
      });
    });

    it('imports the exported file back as a new patient with the same record', async () => {
      await openPatientList();
      await page.locator('#fhir-file').setInputFiles(exportedFile);
      await page.getByRole('button', { name: 'Import record' }).click();
      const result = page.getByTestId('fhir-import-result');
      await result.waitFor();
      expect(page.url()).toMatch(/#\/clinic\/patients\/[0-9a-f-]{36}$/);
      expect(page.url()).not.toBe(patientUrl);
      await page.getByRole('heading', { level: 1, name: 'Wei Zhang' }).waitFor();
      expect(await result.textContent()).toContain(
        'Imported from Wei-Zhang-fhir.json: assessments 1, treatments 1, follow-ups 1.',
      );
      expect(await result.textContent()).toContain('Nothing in the file was skipped.');
      expect(await page.locator('article').textContent()).toContain(
        'years · male · affected side: right · onset: 2022-09-01',
      );
      const timeline = page.getByTestId('timeline');
      await expect.poll(async () => timeline.textContent()).toContain('smc: III');
      await expect.poll(async () => timeline.textContent()).toContain('Botulinum toxin injections');
      await expect.poll(async () => timeline.textContent()).toContain('at 1 month: unchanged');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, 'clinician-fhir-imported-en');
      await result.getByRole('button', { name: 'Dismiss' }).click();
      await result.waitFor({ state: 'detached' });
    });

    it('refuses a broken Bundle, stores nothing, and names the element at fault', async () => {
      await openPatientList();
      const form = page.getByTestId('fhir-import-form');
      const alert = form.getByRole('alert');

      await page.locator('#fhir-file').setInputFiles({
        name: 'notes.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{ not json'),
      });
      await form.getByRole('button', { name: 'Import record' }).click();
      await alert.waitFor();
      expect(await alert.textContent()).toContain('notes.json is not a JSON file');

      const bundle = JSON.parse(readFileSync(exportedFile, 'utf8')) as ExportedBundle;
      const pi = bundle.entry.findIndex((e) => e.resource.resourceType === 'Patient');
      delete bundle.entry[pi]!.resource.birthDate;
      await page.locator('#fhir-file').setInputFiles({
        name: 'no-birth-date.json',
        mimeType: 'application/fhir+json',
        buffer: Buffer.from(JSON.stringify(bundle)),
      });
      await form.getByRole('button', { name: 'Import record' }).click();
      const paths = alert.getByTestId('fhir-issue-path');
      await paths.first().waitFor();
      expect(await paths.allTextContents()).toEqual([`body.entry[${pi}].resource.birthDate`]);
      expect(await alert.textContent()).toContain(`Entry ${pi + 1} (Patient) · birthDate:`);
      expect(await form.textContent()).toContain('Nothing was stored.');
      expect(page.url()).toMatch(/#\/clinic\/patients$/);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, 'clinician-fhir-import-problems-en');

      // Nothing was stored: the clinic has the patient and the one good import, no third Wei Zhang.
      await page.locator('#patients-q').fill('Wei Zhang');
      await expect.poll(async () => page.getByTestId('patient-table').locator('tbody tr').count()).toBe(2);
    });
  });
}
