import { sql } from 'kysely';
import pg from 'pg';
import { outcomesQuery } from './src/analytics/episode-outcomes';
import { openDatabase } from './src/db/database';

const url = 'postgres://postgres@127.0.0.1:55412/reg100k';
const d = await openDatabase({ url });
const c = await d.db
  .selectFrom('clinics')
  .select('id')
  .where('name', 'like', 'Demo%')
  .executeTakeFirstOrThrow();
const q = outcomesQuery(
  { clinicId: c.id, ...(process.argv[2] ? JSON.parse(process.argv[2]) : {}) },
  (process.argv[3] as 'recurrence') ?? 'recurrence',
).compile(d.db);
const cl = new pg.Client({ connectionString: url });
await cl.connect();
const r = await cl.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.parameters as unknown[]);
console.log(r.rows.map((x) => x['QUERY PLAN']).join('\n'));
await cl.end();
await d.close();
