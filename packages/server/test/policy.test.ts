/** The access rules one by one, as pure functions (the matrix test checks them through the routes). */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../src/auth/sessions';
import { canAdministerClinic, canReadPatient, canWriteClinical, decide } from '../src/policy/access';

const actor = (role: Actor['role'], clinicId: string, patientId: string | null = null): Actor => ({
  userId: `u-${role}`,
  role,
  clinicId,
  patientId,
  email: 'x@y.test',
  displayName: 'x',
  csrfToken: 't',
  sessionHash: 'h',
});
const P1 = { id: 'p1', clinicId: 'A' };
const P3 = { id: 'p3', clinicId: 'B' };

describe('access policy', () => {
  it('lets a patient read their own record only', () => {
    expect(canReadPatient(actor('patient', 'A', 'p1'), P1)).toBe(true);
    expect(canReadPatient(actor('patient', 'A', 'p2'), P1)).toBe(false);
    // Even a patient login wrongly placed in another clinic reads only its own patient.
    expect(canReadPatient(actor('patient', 'B', 'p1'), P3)).toBe(false);
  });
  it('lets clinicians read and write their own clinic’s patients only', () => {
    expect(canReadPatient(actor('clinician', 'A'), P1)).toBe(true);
    expect(canReadPatient(actor('clinician', 'A'), P3)).toBe(false);
    expect(canWriteClinical(actor('clinician', 'B'), P3)).toBe(true);
    expect(canWriteClinical(actor('patient', 'A', 'p1'), P1)).toBe(false);
  });
  it('keeps admins to user administration of their own clinic, without clinical records', () => {
    expect(canReadPatient(actor('admin', 'A'), P1)).toBe(false);
    expect(canAdministerClinic(actor('admin', 'A'), { id: 'u', clinicId: 'A' })).toBe(true);
    expect(canAdministerClinic(actor('admin', 'A'), { id: 'u', clinicId: 'B' })).toBe(false);
    expect(canAdministerClinic(actor('clinician', 'A'))).toBe(false);
  });
  it('denies everything but public routes to an anonymous caller', () => {
    expect(decide('public', undefined)).toBe('allow');
    expect(decide('signed-in', undefined)).toBe('deny');
    expect(decide('patient-read', undefined, { patient: P1 })).toBe('deny');
  });
  it('denies a patient-scoped policy when no patient was resolved', () => {
    expect(decide('patient-read', actor('clinician', 'A'))).toBe('deny');
  });
});
