/**
 * seedRegistryPatients, on both databases: the patient rows alone, generated in the database, go into the
 * one clinic asked for, each a patient the API serves as it is (a valid id, the registry's names, every
 * field the schema wants), and the clinic's list pages and searches through them.
 */
import { expect, it } from 'vitest';
import { seedRegistryPatients } from '../src/seed/registry-patients';
import { describeEachDatabase } from './helpers/databases';
import { buildWorld, type World } from './helpers/world';

// Twice the registry's 50 × 50 name pairs: every name is shared.
const N = 5_000;

describeEachDatabase('registry patients only', (variant) => {
  let w: World;
  it('adds N patients to clinic B only, and the list serves them page by page', async () => {
    w = await buildWorld(await variant.open());
    try {
      const before = await w.as(w.users.clinicianA)('GET', '/api/patients?limit=500');
      expect(
        await seedRegistryPatients(w.database.db, {
          patients: N,
          clinicId: w.clinicB,
          createdBy: w.users.clinicianB.id,
        }),
      ).toBe(N);
      const a = await w.as(w.users.clinicianA)('GET', '/api/patients?limit=500');
      expect(a.json()).toEqual(before.json());

      const doc = w.as(w.users.clinicianB);
      const first = await doc('GET', '/api/patients?limit=50');
      expect(first.statusCode).toBe(200);
      const page: { id: string; name: string; affectedSide: string }[] = first.json();
      expect(page).toHaveLength(50);
      expect(first.headers.link).toContain('rel="next"');
      // The registry's names: a given and a family name, each shared by several patients.
      for (const p of page) expect(p.name).toMatch(/^\S+ \S+$/);
      expect(new Set(page.map((p) => p.name)).size).toBeLessThan(50);

      const given = page[0]!.name.split(' ')[0]!;
      const found = await doc('GET', `/api/patients?q=${encodeURIComponent(given)}&limit=500`);
      expect(found.json().length).toBeGreaterThan(N / 100);
      for (const p of found.json()) expect(p.name.toLowerCase()).toContain(given.toLowerCase());
      const sides = await doc('GET', '/api/patients?side=left&limit=500');
      expect(sides.json().length).toBeGreaterThan(100);
    } finally {
      await w.close();
    }
  });
});
