import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type E2eEnv, login, newPage, screenshot } from '../harness';

/** A patient signs in, adds diary entries with a toxin cycle mark, sees trends, and completes the decision aid. */
export function patientJourney(env: () => E2eEnv): void {
  describe('patient journey', () => {
    let page: Page;
    beforeAll(async () => {
      ({ page } = await newPage(env().browser, env().server.url));
    });

    it('signs in to their own portal', async () => {
      await login(page, DEMO.patient);
      expect(await page.getByTestId('whoami').textContent()).toContain('patient');
    });

    it('adds two diary entries, one marking a toxin injection', async () => {
      await page.goto('/#/patient/diary');
      await page.getByTestId('diary-table').waitFor();
      const before = await page.getByTestId('diary-table').locator('tbody tr').count();
      await page.locator('#diary-date').fill('2026-11-20');
      await page.locator('#diary-severity').fill('6');
      await page.getByLabel('Injection today').check();
      await page.locator('#diary-notes').fill('Injection at the clinic');
      await page.getByRole('button', { name: 'Add to diary' }).click();
      await page.getByText('Saved.').waitFor();
      await page.locator('#diary-date').fill('2026-11-24');
      await page.locator('#diary-severity').fill('3');
      await page.getByLabel('Effect of the injection noticed').check();
      await page.getByRole('button', { name: 'Add to diary' }).click();
      await expect
        .poll(async () => page.getByTestId('diary-table').locator('tbody tr').count())
        .toBe(before + 2);
      const rows = await page.getByTestId('diary-table').locator('tbody tr').allTextContents();
      expect(rows.find((r) => r.startsWith('2026-11-20'))).toContain('Injection today');
      await screenshot(page, 'patient-diary-en');
    });

    it('sees the severity trend with injections marked', async () => {
      await page.goto('/#/patient/trends');
      const chart = page.getByTestId('chart-severity');
      await chart.locator('canvas').first().waitFor();
      await chart.getByText('Show the numbers as a table').click();
      expect(await chart.locator('table').textContent()).toContain('Injection today');
      await screenshot(page, 'patient-trends-en');
    });

    it('completes the decision aid and saves the preference for the clinician', async () => {
      await page.goto('/#/patient/decision');
      await page.getByRole('heading', { name: '2. The options side by side' }).waitFor();
      expect(await page.getByTestId('my-profile').textContent()).toContain('Affected side');
      await page.getByLabel('spasms on both sides of the face').check();
      await page.getByLabel('spasms that started in the lower face').check();
      // Icon arrays of 100 people only for verified figures that count people; the rest is text with its
      // source: observation's 41 % stays text with the highly-selected-cohort caveat, RF's headline is
      // how long relief lasts.
      expect(await page.locator('.icon-array').count()).toBeGreaterThan(5);
      const observation = page.locator('.option-card').filter({ hasText: 'Watchful waiting' });
      expect(await observation.locator('.icon-array').count()).toBe(0);
      expect(await observation.textContent()).toContain('Highly selected cohort');
      expect(await page.getByTestId('headline-rf_neurotomy').textContent()).toContain('at 3 / 6 / 9 months');
      expect(await page.getByTestId('natural-course').textContent()).toContain('93.4 %');
      expect(await page.locator('.option-card').first().textContent()).toContain('Source:');
      await page.locator('#value-avoidSurgery').fill('4');
      await page.locator('#value-avoidWeakness').fill('3');
      for (const item of ['sure', 'understand', 'riskBenefit'])
        await page.locator(`input[name=sure-${item}]`).first().check();
      await page.locator('input[name=sure-encouragement]').nth(1).check();
      expect(await page.getByTestId('sure-result').textContent()).toContain('3 of 4');
      await page.getByRole('radio', { name: 'Botulinum toxin injections' }).check();
      await page.getByRole('button', { name: 'Save for my clinician' }).click();
      await page.getByText('Saved. Your clinician will see').waitFor();
      await expect
        .poll(async () => page.getByTestId('last-preference').textContent())
        .toContain('Botulinum toxin injections');
      await screenshot(page, 'patient-decision-aid-en');
    });

    it('the clinician sees the preference beside the recommendation', async () => {
      const { page: clin, context } = await newPage(env().browser, env().server.url);
      await login(clin, DEMO.clinician);
      await clin.locator('#patients-q').fill('Ada');
      await clin.getByRole('link', { name: /Ada/ }).first().click();
      const pref = clin.getByTestId('patient-preference');
      await expect.poll(async () => pref.textContent()).toContain('Botulinum toxin injections');
      expect(await pref.textContent()).toContain('3 of 4');
      expect(await clin.getByTestId('patient-flags').textContent()).toContain(
        'spasms on both sides of the face',
      );
      // The ticked signs are set on the decision profile's fields for the clinician to confirm.
      await clin.getByText('Patient profile for the decision engine').click();
      expect(await clin.getByTestId('profile-patient-signs').textContent()).toContain(
        'spasms that started in the lower face',
      );
      expect(await clin.locator('#pf-side').inputValue()).toBe('both');
      expect(
        await clin.getByLabel('Spasm began in the lower face and spread up', { exact: false }).isChecked(),
      ).toBe(true);
      await context.close();
    });
  });
}
