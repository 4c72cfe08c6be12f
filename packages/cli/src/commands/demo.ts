/**
 * `hemispasm demo [--data DIR]`: seeds a demo clinic with synthetic patients (diaries, assessments,
 * treatments, follow-ups, a decision, a video measurement) into the database and prints the logins.
 */
import { loadConfig, seedDemo } from '@hemispasm/server';
import { defineCommand } from '../command';
import { DATA_OPTION_HELP, withDatabase } from '../database';
import { UsageError } from '../errors';
import { demoLoginLines } from './serve';

export const demoCommand = defineCommand(
  'demo',
  'seed a demo clinic with synthetic patients and print the demo logins',
  (command, output) =>
    command.option('--data <dir>', DATA_OPTION_HELP).action(async (opts: { data?: string }) => {
      const config = loadConfig({ data: opts.data });
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
        for (const l of demoLoginLines()) output.out(l);
      });
    }),
);
