import { buildApp } from './src/app';
import { createSession, SESSION_COOKIE } from './src/auth/sessions';
import { openDatabase } from './src/db/database';

const d = await openDatabase({ url: 'postgres://postgres@127.0.0.1:55412/reg100k' });
const u = await d.db
  .selectFrom('users')
  .select('id')
  .where('email', '=', 'clinician@demo.hemispasm.test')
  .executeTakeFirstOrThrow();
const s = await createSession(d.db, u.id);
const app = await buildApp({ db: d.db, webDist: false });
const urls = process.argv.slice(2);
for (const url of urls) {
  const times = [];
  let r;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    r = await app.inject({ url, headers: { cookie: `${SESSION_COOKIE}=${s.token}` } });
    times.push(performance.now() - t);
  }
  console.log(
    url,
    r!.statusCode,
    r!.body.length,
    r!.headers.link ?? '',
    times.map((t) => t.toFixed(0)).join(' '),
  );
}
await app.close();
await d.close();
