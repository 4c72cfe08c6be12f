import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../db/database';

export interface RouteContext {
  db: Db;
  databaseKind: 'pglite' | 'postgres';
  secureCookies: boolean;
}

export type ApiInstance = FastifyInstance;
export const typed = (api: FastifyInstance) => api.withTypeProvider<ZodTypeProvider>();
