import { kaplanMeier } from '@hemispasm/core';
import { sql } from 'kysely';
import { episodeOutcomes } from './src/analytics/episode-outcomes';
import { openDatabase } from './src/db/database';

const d = await openDatabase({ url: 'postgres://postgres@127.0.0.1:55412/reg100k' });
const c = await d.db
  .selectFrom('clinics')
  .select('id')
  .where('name', 'like', 'Demo%')
  .executeTakeFirstOrThrow();
for (let i = 0; i < 3; i++) {
  let t = performance.now();
  const r = await episodeOutcomes(d.db, { clinicId: c.id }, 'recurrence');
  const total = performance.now() - t;
  t = performance.now();
  kaplanMeier(r.allObservations);
  console.log(
    'total',
    total.toFixed(0),
    'km(all)',
    (performance.now() - t).toFixed(0),
    r.kinds.map((k) => `${k.kind}:${k.episodes}/${k.curve.steps.length}`).join(' '),
  );
}
await d.close();
