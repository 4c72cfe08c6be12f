/** What every route module gets: the database, how the server runs, and the shared record helper. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db/database';
import type { Records } from './records';

export interface RouteContext {
  db: Db;
  databaseKind: 'pglite' | 'postgres';
  secureCookies: boolean;
  /** The one read/write path for a patient's rows, audit row included (records.ts). */
  records: Records;
}

/** A route module: a Fastify plugin, registered under /api with the route context as its options. */
export type RouteModule = FastifyPluginAsyncZod<RouteContext>;
