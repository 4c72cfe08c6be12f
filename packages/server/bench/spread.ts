/**
 * The clinic-like write load of `npm run bench server`: writes spread over SPREAD_PATIENTS patients by
 * SPREAD_USERS clinicians (one session each), instead of every writer writing one patient as one user —
 * where every insert's foreign-key checks lock the same two rows. The ids follow a pattern so that
 * pgbench can name a random patient and author without a lookup.
 */
export const SPREAD_PATIENTS = 1000;
export const SPREAD_USERS = 32;

/** The id of spread patient or user `i` (0-based). */
export function spreadId(kind: 'patient' | 'user', i: number): string {
  return `00000000-0000-4000-${kind === 'patient' ? '8000' : '9000'}-${i.toString(16).padStart(12, '0')}`;
}

/** The same id in SQL from a pgbench variable holding `i`. */
export function spreadIdSql(kind: 'patient' | 'user', variable: string): string {
  const prefix = spreadId(kind, 0).slice(0, -12);
  return `('${prefix}' || lpad(to_hex(:${variable}), 12, '0'))::uuid`;
}
