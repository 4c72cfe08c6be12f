/**
 * `hemispasm demo [--data DIR] [--patients N]`: seeds a demo clinic with synthetic patients (diaries,
 * assessments, treatments, follow-ups, a decision, a video measurement) into the database and prints the
 * logins. `--patients N` adds a synthetic registry of N more patients to the clinic (≈ 10 rows each; COPY
 * on PostgreSQL), to try the app and the analytics at registry size.
 */
import { DEMO_LOGINS, loadConfig, seedDemo, seedRegistry } from '@hemispasm/server';
import { defineCommand } from '../command';
import { DATA_OPTION_HELP, withDatabase } from '../database';
import { UsageError } from '../errors';
import { demoLoginLines } from './serve';

export const demoCommand = defineCommand(
  'demo',
  'seed a demo clinic with synthetic patients and print the demo logins',
  (command, output) =>
    command
      .option('--data <dir>', DATA_OPTION_HELP)
      .option(
        '--patients <n>',
        'also add a synthetic registry of N patients (e.g. 100000: ≈ 1 M rows; PostgreSQL recommended)',
      )
      .action(async (opts: { data?: string; patients?: string }) => {
        const registrySize = opts.patients === undefined ? undefined : Number(opts.patients);
        if (
          registrySize !== undefined &&
          (!/^\d+$/.test(opts.patients!) || registrySize < 1 || registrySize > 10_000_000)
        )
          throw new UsageError(`--patients: expected a whole number 1–10000000, got "${opts.patients}"`);
        const config = loadConfig({ data: opts.data });
        const url = config.database.kind === 'postgres' ? config.database.url : undefined;
        await withDatabase(config, 'demo', async (database) => {
          const r = await seedDemo(database.db).catch((e: unknown) => {
            if (e instanceof Error && /already exists/.test(e.message)) {
              throw new UsageError(`hemispasm demo: ${e.message} (${database.location})`);
            }
            throw e;
          });
          output.out(
            `Seeded the demo clinic with ${r.patients} synthetic patients in ${database.kind} ${database.location}.`,
          );
          if (registrySize !== undefined) {
            const clinician = await database.db
              .selectFrom('users')
              .select('id')
              .where('email', '=', DEMO_LOGINS[1]!.email)
              .executeTakeFirstOrThrow();
            const started = Date.now();
            const counts = await seedRegistry(
              url ? { kind: 'postgres', url } : { kind: 'pglite', db: database.db },
              {
                patients: registrySize,
                clinicId: r.clinicId,
                createdBy: clinician.id,
                progress: (l) => output.err(`  ${l}`),
              },
            );
            const rows = Object.values(counts).reduce((a, b) => a + b, 0);
            output.out(
              `Added a synthetic registry of ${counts.patients} patients (${rows} rows${url ? ', COPY' : ''}) in ` +
                `${((Date.now() - started) / 1000).toFixed(1)} s.`,
            );
          }
          for (const l of demoLoginLines()) output.out(l);
        });
      }),
);
