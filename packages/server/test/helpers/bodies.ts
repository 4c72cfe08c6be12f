/**
 * Valid request bodies the API tests send, each changed only where a test says: one place to keep them
 * valid when a schema grows.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { INSTRUMENT_IDS } from '@hemispasm/core';
import { expect } from 'vitest';
import type { Requester } from './world';

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

/** The shipped example answers of an instrument (examples/answers/<id>.json), undefined when none ships. */
export function exampleAnswers(id: string): unknown {
  const file = fileURLToPath(new URL(`../../../../examples/answers/${id}.json`, import.meta.url));
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/**
 * Answers every instrument that ships example answers once, for `patientId` on `assessedOn`, expecting each
 * stored; the instruments answered.
 */
export async function answerEveryInstrument(as: Requester, patientId: string, assessedOn: string) {
  const ids = INSTRUMENT_IDS.filter((id) => exampleAnswers(id) !== undefined);
  for (const id of ids) {
    const body = { instrumentId: id, answers: exampleAnswers(id), assessedOn };
    const r = await as('POST', `/api/patients/${patientId}/assessments`, body);
    expect(r.statusCode, r.body).toBe(201);
  }
  return ids;
}
