/**
 * How the CLI's server commands reach the database, in one place: the target comes from the one
 * config loader (DATABASE_URL, else the data folder from --data / HEMISPASM_DATA / ./data); a data folder
 * is locked while a command has it open; a folder another process holds becomes one line naming the
 * folder and the holder's pid, with what to do instead, and exit code 2.
 */
import {
  BackupError,
  type Config,
  DataFolderLockedError,
  migrate,
  type OpenDatabase,
  openDatabaseAt,
} from '@hemispasm/server';
import { UsageError } from './errors';

export type DatabaseCommand = 'serve' | 'admin create' | 'demo' | 'backup' | 'restore';

/** What to do when the folder is in use, per command. */
const WHEN_IN_USE: Record<DatabaseCommand, string> = {
  serve: 'Only one server may use a data folder: stop the other one, or give this one another --data folder.',
  'admin create':
    'Stop the server first, or use its API: a clinic admin adds users with POST /api/users (the Users page of the web app).',
  demo: 'Stop the server first, or start it with --demo-if-empty to seed an empty database.',
  backup: 'Stop the other process, then run the backup again.',
  restore: 'Stop the server before restoring into its folder, or restore into a new folder.',
};

export const DATA_OPTION_HELP =
  'PGlite data folder when DATABASE_URL is unset (env HEMISPASM_DATA, default ./data)';

/** Turns the failures a user can fix (folder in use, backup refused) into a UsageError; others pass. */
export function explainDatabaseError(e: unknown, command: DatabaseCommand): unknown {
  if (e instanceof DataFolderLockedError) {
    return new UsageError(`hemispasm ${command}: ${e.message}.\n${WHEN_IN_USE[command]}`);
  }
  if (e instanceof BackupError) return new UsageError(`hemispasm ${command}: ${e.message}`);
  return e;
}

/** Opens the configured database (locked, migrated) for `fn`, and always closes it. */
export async function withDatabase<T>(
  config: Config,
  command: DatabaseCommand,
  fn: (database: OpenDatabase) => Promise<T>,
): Promise<T> {
  let database: OpenDatabase;
  try {
    database = await openDatabaseAt(config.database, `hemispasm ${command}`);
  } catch (e) {
    throw explainDatabaseError(e, command);
  }
  try {
    await migrate(database.db);
    return await fn(database);
  } finally {
    await database.close();
  }
}
