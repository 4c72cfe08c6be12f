/**
 * Valid request bodies the API tests send, each changed only where a test says: one place to keep them
 * valid when a schema grows.
 */

/** A new patient (POST /api/patients). */
export const newPatient = (change: Record<string, unknown> = {}) => ({
  name: 'X',
  birthDate: '1971-02-03',
  sex: 'female',
  affectedSide: 'right',
  ...change,
});

/** A microvascular decompression on the left (POST /api/patients/{id}/episodes). */
export const mvdEpisode = (change: Record<string, unknown> = {}) => ({
  kind: 'mvd',
  startDate: '2025-06-01',
  side: 'left',
  surgeon: 'Dr S',
  offendingVessels: ['AICA'],
  monitoring: { lateralSpreadResponse: true, lsrDisappeared: true, brainstemAuditoryEvokedPotentials: true },
  ...change,
});

/** A botulinum toxin session on the left, one injection of 2.5 units unless changed. */
export const toxinEpisode = (change: Record<string, unknown> = {}) => ({
  kind: 'botulinum_toxin',
  startDate: '2025-01-10',
  side: 'left',
  product: 'onabotulinumtoxinA',
  injections: [{ site: 'orbicularis oculi, upper lateral', units: 2.5 }],
  ...change,
});

/** A user of the admin's clinic (POST /api/users), a clinician unless changed. */
export const newUser = (change: Record<string, unknown>) => ({
  displayName: 'New user',
  role: 'clinician',
  password: 'long enough password',
  ...change,
});
