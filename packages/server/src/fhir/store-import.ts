/**
 * Writes an import plan in ONE transaction (the route's, which also holds the audit row): the patient
 * in the importing user's clinic, then its treatment episodes, their follow-ups and the assessments
 * (scores computed by the core in the plan). Any failure rolls everything back, so a refused Bundle
 * leaves nothing behind.
 */
import { type Db, inTransaction } from '../db/database';
import { jsonText } from '../routes/common';
import { episodeColumns } from '../routes/episodes';
import type { ImportPlan } from './import-plan';

export interface ImportActor {
  userId: string;
  clinicId: string;
}

export async function storeImport(
  db: Db,
  plan: ImportPlan,
  actor: ImportActor,
): Promise<{ patientId: string; assessments: number; episodes: number; followUps: number }> {
  return inTransaction(db, async (trx) => {
    const p = plan.patient;
    const patient = await trx
      .insertInto('patients')
      .values({
        clinic_id: actor.clinicId,
        name: p.name,
        birth_date: p.birthDate,
        sex: p.sex,
        affected_side: p.affectedSide,
        onset_date: p.onsetDate,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const episodeIds = new Map<string, string>();
    for (const { key, input } of plan.episodes) {
      const row = await trx
        .insertInto('treatment_episodes')
        .values({
          patient_id: patient.id,
          ...episodeColumns(input),
          created_by: actor.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      episodeIds.set(key, row.id);
    }

    for (const f of plan.followUps) {
      await trx
        .insertInto('follow_ups')
        .values({
          patient_id: patient.id,
          episode_id: episodeIds.get(f.episodeKey)!,
          time_point: f.timePoint,
          assessed_on: f.assessedOn,
          spasm_status: f.spasmStatus,
          house_brackmann: f.houseBrackmann,
          hearing_class: f.hearingClass,
          complications: jsonText(f.complications),
          recurrence: f.recurrence,
          notes: f.notes,
          created_by: actor.userId,
        })
        .execute();
    }

    if (plan.assessments.length) {
      await trx
        .insertInto('assessments')
        .values(
          plan.assessments.map((a) => ({
            patient_id: patient.id,
            instrument_id: a.score.instrumentId,
            instrument_version: a.score.instrumentVersion,
            answers: jsonText(a.answers),
            score: jsonText(a.score),
            total: typeof a.score.total === 'number' ? a.score.total : null,
            band_id: a.score.band?.id ?? null,
            assessed_on: a.assessedOn,
            created_by: actor.userId,
          })),
        )
        .execute();
    }

    return {
      patientId: patient.id,
      assessments: plan.assessments.length,
      episodes: plan.episodes.length,
      followUps: plan.followUps.length,
    };
  });
}
