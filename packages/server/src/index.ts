/** @hemispasm/server — the records server: JSON API over PGlite or PostgreSQL. */
export { type AppOptions, buildApp } from './app';
export { type Actor, CSRF_HEADER, SESSION_COOKIE } from './auth/sessions';
export { type Config, type ConfigFlags, type DatabaseTarget, loadConfig } from './config';
export { BackupError, backupDatabase, restoreDatabase } from './db/backup';
export {
  type DatabaseOptions,
  type Db,
  type OpenDatabase,
  openDatabase,
  openDatabaseAt,
} from './db/database';
export { DataFolderLockedError } from './db/folder-lock';
export { migrate } from './db/migrate';
export { ERRORS, type ErrorCode } from './http/errors';
export type { RouteEntry } from './http/route-config';
export { decide, POLICY_KINDS, type Policy } from './policy/access';
export { AdminExistsError, AdminInputSchema, createAdmin } from './seed/admin';
export { DEMO_LOGINS, type DemoLogin, databaseIsEmpty, demoClinicExists, seedDemo } from './seed/demo';
export { type RegistryCounts, type RegistryTarget, seedRegistry } from './seed/registry';
export { type RegistryPatientsOptions, seedRegistryPatients } from './seed/registry-patients';
export { type RunningServer, startServer } from './server';
