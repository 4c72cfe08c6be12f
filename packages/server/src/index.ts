/** @hemispasm/server — the records server: JSON API over PGlite or PostgreSQL. */
export { type AppOptions, buildApp } from './app';
export { type Actor, CSRF_HEADER, SESSION_COOKIE } from './auth/sessions';
export { type DatabaseOptions, type Db, type OpenDatabase, openDatabase } from './db/database';
export { migrate } from './db/migrate';
export { ERRORS, type ErrorCode } from './http/errors';
export type { RouteEntry } from './http/route-config';
export { decide, POLICY_KINDS, type Policy } from './policy/access';
export { AdminExistsError, AdminInputSchema, createAdmin } from './seed/admin';
export { DEMO_LOGINS, type DemoLogin, databaseIsEmpty, demoClinicExists, seedDemo } from './seed/demo';
export { type RegistryCounts, type RegistryTarget, seedRegistry } from './seed/registry';
export { type RunningServer, resolveServerConfig, type ServerConfig, startServer } from './server';
