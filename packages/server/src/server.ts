/**
 * Starts the records server from a loaded {@link Config}: opens the database (PostgreSQL when
 * DATABASE_URL is set, otherwise embedded PGlite in the data folder, locked while the server runs),
 * applies the migrations, optionally creates the bootstrap admin and seeds the demo clinic into an
 * empty database, then listens.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import type { Config } from './config';
import { type OpenDatabase, openDatabaseAt } from './db/database';
import { migrate } from './db/migrate';
import { AdminExistsError, createAdmin } from './seed/admin';
import { type DemoSeedResult, databaseIsEmpty, seedDemo } from './seed/demo';

export interface StartOptions {
  /** Seed the demo clinic when the database has no clinic yet (`npm start`). */
  demoIfEmpty?: boolean;
  /** Where the banner goes. */
  print?: (line: string) => void;
}

export interface RunningServer {
  app: FastifyInstance;
  database: OpenDatabase;
  url: string;
  demo: DemoSeedResult | undefined;
  close(): Promise<void>;
}

export async function startServer(config: Config, opts: StartOptions = {}): Promise<RunningServer> {
  const print = opts.print ?? ((l: string) => console.log(l));
  for (const notice of config.notices) print(`hemispasm: ${notice}`);
  const database = await openDatabaseAt(config.database, 'hemispasm serve');
  try {
    const { applied } = await migrate(database.db);
    if (applied.length) print(`hemispasm: applied migrations ${applied.join(', ')}`);
    const admin = config.bootstrapAdmin;
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
      trustProxy: config.trustProxy,
      secureCookies: config.secureCookies,
      cds: config.cds ?? null,
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
