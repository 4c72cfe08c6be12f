/**
 * `hemispasm demo [--data DIR]`: seeds a demo clinic with synthetic patients (diaries, assessments,
 * treatments, follow-ups, a decision, a video measurement) into the database and prints the logins.
 */
import { migrate, openDatabase, seedDemo } from '@hemispasm/server';
import type { Command } from 'commander';
import { UsageError } from '../errors';
import type { Output } from '../output';
import type { CommandModule } from './index';
import { demoLoginLines } from './serve';

export const demoCommand: CommandModule = {
  register(program: Command, output: Output) {
    program
      .command('demo')
      .description('seed a demo clinic with synthetic patients and print the demo logins')
      .option(
        '--data <dir>',
        'PGlite data folder when DATABASE_URL is unset (env HEMISPASM_DATA, default ./data)',
      )
      .action(async (opts: { data?: string }) => {
        const url = process.env.DATABASE_URL || undefined;
        const database = await openDatabase(
          url ? { url } : { dataDir: opts.data ?? process.env.HEMISPASM_DATA ?? './data' },
        );
        try {
          await migrate(database.db);
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
        } finally {
          await database.close();
        }
      });
  },
};
