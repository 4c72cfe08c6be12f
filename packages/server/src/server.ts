/**
 * Starts the records server: opens the database (PostgreSQL when DATABASE_URL is set, otherwise
 * embedded PGlite in the data folder), applies the migrations, optionally creates a bootstrap admin
 * from the environment and seeds the demo clinic into an empty database, then listens.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { type OpenDatabase, openDatabase } from './db/database';
import { migrate } from './db/migrate';
import { AdminExistsError, bootstrapAdminFromEnv, createAdmin } from './seed/admin';
import { type DemoSeedResult, databaseIsEmpty, seedDemo } from './seed/demo';

export interface ServerConfig {
  port: number;
  host: string;
  /** PGlite data folder (when no databaseUrl). */
  dataDir: string;
  databaseUrl: string | undefined;
  /** A streaming replica of databaseUrl for read-only analytics (DATABASE_READ_URL). */
  databaseReadUrl?: string | undefined;
  logLevel: string;
}

/** Flags win over the environment, the environment over defaults. */
export function resolveServerConfig(
  flags: { port?: number; dataDir?: string } = {},
  env: NodeJS.ProcessEnv = process.env,
): ServerConfig {
  const envPort = env.PORT ? Number(env.PORT) : undefined;
  const port = flags.port ?? envPort ?? 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new RangeError(`PORT must be 0–65535, got ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: flags.dataDir ?? env.HEMISPASM_DATA ?? './data',
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReadUrl: env.DATABASE_READ_URL || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}

export interface StartOptions {
  /** Seed the demo clinic when the database has no clinic yet (`npm start`). */
  demoIfEmpty?: boolean;
  /** Where the banner goes. */
  print?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

export interface RunningServer {
  app: FastifyInstance;
  database: OpenDatabase;
  url: string;
  demo: DemoSeedResult | undefined;
  close(): Promise<void>;
}

export async function startServer(config: ServerConfig, opts: StartOptions = {}): Promise<RunningServer> {
  const print = opts.print ?? ((l: string) => console.log(l));
  if (config.databaseReadUrl && !config.databaseUrl)
    print('hemispasm: DATABASE_READ_URL is ignored without DATABASE_URL (PGlite has no replicas)');
  const database = await openDatabase(
    config.databaseUrl
      ? { url: config.databaseUrl, ...(config.databaseReadUrl ? { readUrl: config.databaseReadUrl } : {}) }
      : { dataDir: config.dataDir },
  );
  try {
    const { applied } = await migrate(database.db);
    if (applied.length) print(`hemispasm: applied migrations ${applied.join(', ')}`);
    const admin = bootstrapAdminFromEnv(opts.env ?? process.env);
    if (admin) {
      try {
        await createAdmin(database.db, admin);
        print(`hemispasm: created bootstrap admin ${admin.email}`);
      } catch (e) {
        if (!(e instanceof AdminExistsError)) throw e;
      }
    }
    let demo: DemoSeedResult | undefined;
    if (opts.demoIfEmpty && (await databaseIsEmpty(database.db))) {
      demo = await seedDemo(database.db);
      print(`hemispasm: seeded the demo clinic (${demo.patients} synthetic patients)`);
    }
    const app = await buildApp({
      db: database.db,
      ...(database.readDb ? { readDb: database.readDb } : {}),
      databaseKind: database.kind,
      logger: { level: config.logLevel },
    });
    await app.listen({ port: config.port, host: config.host });
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.port;
    const url = `http://${config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
    print(
      `hemispasm: serving ${url} (API ${url}/api, OpenAPI ${url}/docs) on ${database.kind} ${database.location}`,
    );
    return {
      app,
      database,
      url,
      demo,
      close: async () => {
        await app.close();
        await database.close();
      },
    };
  } catch (e) {
    await database.close();
    throw e;
  }
}
