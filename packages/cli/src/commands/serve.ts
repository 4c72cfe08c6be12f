/**
 * `hemispasm serve [--port N] [--data DIR] [--demo-if-empty]`: runs the records server until Ctrl-C or
 * SIGTERM. PostgreSQL when DATABASE_URL is set, else embedded PGlite in DIR (HEMISPASM_DATA, default
 * ./data). PORT and HOST in the environment; flags win. With --demo-if-empty (what `npm start` uses) an
 * empty database gets the demo clinic and the demo logins are printed.
 */
import {
  DEMO_LOGINS,
  demoClinicExists,
  loadConfig,
  type RunningServer,
  startServer,
} from '@hemispasm/server';
import { type CommandModule, defineCommand } from '../command';
import { DATA_OPTION_HELP, explainDatabaseError } from '../database';

export function demoLoginLines(): string[] {
  return [
    'Demo logins (synthetic demo data only — never use these for real patients):',
    ...DEMO_LOGINS.map(
      (l) => `  ${l.role.padEnd(9)}  ${l.email.padEnd(32)}  ${l.password.padEnd(22)}  ${l.note}`,
    ),
  ];
}

/** Resolves when the process is asked to stop; tests pass their own. */
export type StopSignal = () => Promise<void>;
const untilSignalled: StopSignal = () =>
  new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });

export function makeServeCommand(stop: StopSignal = untilSignalled): CommandModule {
  return defineCommand(
    'serve',
    'run the records server (web app, API, OpenAPI docs at /docs)',
    (command, output) =>
      command
        .option('--port <n>', 'port to listen on (env PORT, default 8080)')
        .option('--data <dir>', DATA_OPTION_HELP)
        .option(
          '--demo-if-empty',
          'seed the demo clinic when the database is empty, and print the demo logins',
        )
        .action(async (opts: { port?: string; data?: string; demoIfEmpty?: boolean }) => {
          const config = loadConfig({ port: opts.port, data: opts.data });
          let server: RunningServer;
          try {
            server = await startServer(config, {
              demoIfEmpty: opts.demoIfEmpty ?? false,
              print: (l) => output.out(l),
            });
          } catch (e) {
            throw explainDatabaseError(e, 'serve');
          }
          if (opts.demoIfEmpty && (await demoClinicExists(server.database.db))) {
            for (const l of demoLoginLines()) output.out(l);
          }
          output.out(`Open ${server.url} — Ctrl-C stops the server.`);
          await stop();
          output.out('hemispasm: stopping');
          await server.close();
        }),
  );
}

export const serveCommand = makeServeCommand();
