/**
 * `hemispasm backup <file> [--data DIR]` and `hemispasm restore <file> [--data DIR] [--force]`: a copy of
 * the whole records database, also while the server runs. PGlite: a gzipped tarball of the data folder
 * (PGlite's own dump, made by the running server when one holds the folder). PostgreSQL (DATABASE_URL):
 * pg_dump's custom format, restored by pg_restore in one transaction. A restore refuses a target that
 * holds data unless --force.
 */
import { backupDatabase, loadConfig, restoreDatabase } from '@hemispasm/server';
import type { Command } from 'commander';
import { DATA_OPTION_HELP, explainDatabaseError } from '../database';
import type { Output } from '../output';
import type { CommandModule } from './index';

const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;

/** `hemispasm <name> <file> [--data DIR]`, the shape both commands share. */
function fileCommand(program: Command, name: string, description: string, fileHelp: string): Command {
  return program
    .command(name)
    .description(description)
    .argument('<file>', fileHelp)
    .option('--data <dir>', DATA_OPTION_HELP);
}

export const backupCommand: CommandModule = {
  register(program: Command, output: Output) {
    fileCommand(
      program,
      'backup',
      'copy the whole records database into a file (also while the server runs)',
      'the backup file to write (replaced if it exists)',
    ).action(async (file: string, opts: { data?: string }) => {
      const config = loadConfig({ data: opts.data });
      const r = await backupDatabase(config.database, file).catch((e: unknown) => {
        throw explainDatabaseError(e, 'backup');
      });
      output.out(`Backed up the ${r.kind} database (${r.via}) to ${file}: ${kib(r.bytes)}.`);
    });
  },
};

export const restoreCommand: CommandModule = {
  register(program: Command, output: Output) {
    fileCommand(
      program,
      'restore',
      'restore a backup into an empty data folder or database (--force replaces its data)',
      'a file written by hemispasm backup',
    )
      .option('--force', 'replace the data of a folder or database that is not empty')
      .action(async (file: string, opts: { data?: string; force?: boolean }) => {
        const config = loadConfig({ data: opts.data });
        const r = await restoreDatabase(config.database, file, { force: opts.force ?? false }).catch(
          (e: unknown) => {
            throw explainDatabaseError(e, 'restore');
          },
        );
        output.out(
          `Restored ${file} into ${r.kind} ${r.location}${r.replaced ? ' (its previous data replaced)' : ''}.`,
        );
      });
  },
};
