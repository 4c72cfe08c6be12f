/**
 * Decision support through the API (issue 8): the engine's checks reach the client as a 400 naming the
 * field under `body.profile`, nothing is recorded for a refused profile, and a reviewed red flag is stored
 * with the profile and comes back marked `reviewed: true`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from './helpers/databases';
import { type Requester, worldFor } from './helpers/world';

/** The bundled example of a first toxin cycle with no effect (examples/profile-toxin-non-response.json). */
const PROFILE = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../../examples/profile-toxin-non-response.json', import.meta.url)),
    'utf8',
  ),
) as Record<string, unknown>;

interface Issue {
  path: string;
  message: string;
}

describeEachDatabase('decision support API', (variant) => {
  const w = worldFor(variant);
  let doc: Requester;
  let p1: string;
  beforeAll(async () => {
    doc = w.as(w.users.clinicianA);
    p1 = w.patients.p1;
  });
  const count = async () => (await doc('GET', `/api/patients/${p1}/decisions`)).json().length as number;

  describe('profile checks', () => {
    it('refuses an unknown reviewed red flag and a pregnant man with 400, naming each field, storing nothing', async () => {
      const before = await count();
      const r = await doc('POST', `/api/patients/${p1}/decisions`, {
        profile: {
          ...PROFILE,
          sex: 'male',
          pregnant: true,
          redFlagsReviewed: ['toxin_non_response', 'nope'],
        },
      });
      expect(r.statusCode).toBe(400);
      const issues = JSON.parse(r.body).issues as Issue[];
      expect(issues.map((i) => i.path).sort()).toEqual([
        'body.profile.pregnant',
        'body.profile.redFlagsReviewed[1]',
      ]);
      expect(issues.find((i) => i.path === 'body.profile.pregnant')?.message).toMatch(/male/);
      expect(await count()).toBe(before);
    });

    it('refuses cycles on a treatment other than toxin, naming the entry', async () => {
      const r = await doc('POST', `/api/patients/${p1}/decisions`, {
        profile: { ...PROFILE, priorTreatments: [{ option: 'mvd', response: 'none', cycles: 2 }] },
      });
      expect(r.statusCode).toBe(400);
      expect((JSON.parse(r.body).issues as Issue[]).map((i) => i.path)).toEqual([
        'body.profile.priorTreatments[0].cycles',
      ]);
    });
  });

  describe('red flags that hold', () => {
    it('flags the toxin non-response and prefers nothing until the review is recorded', async () => {
      const open = await doc('POST', `/api/patients/${p1}/decisions`, { profile: PROFILE });
      expect(open.statusCode).toBe(201);
      const result = open.json().result;
      expect(result.redFlags).toEqual([
        expect.objectContaining({ code: 'toxin_non_response', reviewFirst: true, reviewed: false }),
      ]);
      expect(result.options.map((o: { recommendation: string }) => o.recommendation)).not.toContain(
        'preferred',
      );

      const reviewed = await doc('POST', `/api/patients/${p1}/decisions`, {
        profile: { ...PROFILE, redFlagsReviewed: ['toxin_non_response'] },
      });
      expect(reviewed.statusCode).toBe(201);
      expect(reviewed.json().profile.redFlagsReviewed).toEqual(['toxin_non_response']);
      expect(reviewed.json().result.redFlags).toEqual([
        expect.objectContaining({ code: 'toxin_non_response', reviewed: true }),
      ]);
      // Every reason says whether it spoke for or against its option.
      for (const o of reviewed.json().result.options as { reasons: { effect: string }[] }[])
        for (const reason of o.reasons) expect(['for', 'against', 'info']).toContain(reason.effect);
    });
  });
});
