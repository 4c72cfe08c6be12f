/**
 * `hemispasm backup <file> [--data DIR]` and `hemispasm restore <file> [--data DIR] [--force]`: a copy of
 * the whole records database, also while the server runs. PGlite: a gzipped tarball of the data folder
 * (PGlite's own dump, made by the running server when one holds the folder). PostgreSQL (DATABASE_URL):
 * pg_dump's custom format, restored by pg_restore in one transaction. A restore refuses a target that
 * holds data unless --force.
 */
import { backupDatabase, type Config, loadConfig, restoreDatabase } from '@hemispasm/server';
import type { Command } from 'commander';
import { type CommandModule, defineCommand } from '../command';
import { DATA_OPTION_HELP, type DatabaseCommand, explainDatabaseError } from '../database';

interface FileCommand<O> {
  name: DatabaseCommand;
  description: string;
  fileHelp: string;
  /** Options besides --data. */
  options?: (c: Command) => Command;
  /** Does the work; returns the line to print. */
  run(config: Config, file: string, opts: O): Promise<string>;
}

/** `hemispasm <name> <file> [--data DIR] …`, its failures a user can fix turned into exit 2. */
function fileCommand<O extends { data?: string }>(spec: FileCommand<O>): CommandModule {
  return defineCommand(spec.name, spec.description, (command, output) => {
    const c = command.argument('<file>', spec.fileHelp).option('--data <dir>', DATA_OPTION_HELP);
    (spec.options?.(c) ?? c).action(async (file: string, opts: O) => {
      const config = loadConfig({ data: opts.data });
      output.out(
        await spec.run(config, file, opts).catch((e: unknown) => {
          throw explainDatabaseError(e, spec.name);
        }),
      );
    });
  });
}

const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;

export const backupCommand = fileCommand({
  name: 'backup',
  description: 'copy the whole records database into a file (also while the server runs)',
  fileHelp: 'the backup file to write (replaced if it exists)',
  async run(config, file) {
    const r = await backupDatabase(config.database, file);
    return `Backed up the ${r.kind} database (${r.via}) to ${file}: ${kib(r.bytes)}.`;
  },
});

export const restoreCommand = fileCommand<{ data?: string; force?: boolean }>({
  name: 'restore',
  description: 'restore a backup into an empty data folder or database (--force replaces its data)',
  fileHelp: 'a file written by hemispasm backup',
  options: (c) => c.option('--force', 'replace the data of a folder or database that is not empty'),
  async run(config, file, opts) {
    const r = await restoreDatabase(config.database, file, { force: opts.force ?? false });
    return `Restored ${file} into ${r.kind} ${r.location}${r.replaced ? ' (its previous data replaced)' : ''}.`;
  },
});
