/**
 * `hemispasm admin create --email E --clinic NAME [--name N] [--data DIR] [--password-stdin]`:
 * creates a clinic admin (and the clinic when new). The password comes from HEMISPASM_ADMIN_PASSWORD
 * or, with --password-stdin, from standard input — never from a flag, which would land in shell history.
 */
import { parseInput } from '@hemispasm/core';
import { AdminExistsError, AdminInputSchema, createAdmin, loadConfig } from '@hemispasm/server';
import { defineCommand } from '../command';
import { DATA_OPTION_HELP, withDatabase } from '../database';
import { UsageError } from '../errors';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export const adminCommand = defineCommand('admin', 'administer the records server', (admin, output) =>
  admin
    .command('create')
    .description('create a clinic admin (password from HEMISPASM_ADMIN_PASSWORD or --password-stdin)')
    .requiredOption('--email <email>', 'the admin’s sign-in email')
    .requiredOption('--clinic <name>', 'the clinic (created when no clinic has this name)')
    .option('--name <displayName>', 'the admin’s display name', 'Administrator')
    .option('--data <dir>', DATA_OPTION_HELP)
    .option('--password-stdin', 'read the password from standard input')
    .action(
      async (opts: {
        email: string;
        clinic: string;
        name: string;
        data?: string;
        passwordStdin?: boolean;
      }) => {
        const config = loadConfig({ data: opts.data });
        const password = opts.passwordStdin ? await readStdin() : config.adminPassword;
        if (!password) {
          throw new UsageError(
            'admin create: give the password in HEMISPASM_ADMIN_PASSWORD or with --password-stdin',
          );
        }
        // Check the input before touching the database, so a typo costs nothing.
        const input = parseInput(AdminInputSchema, {
          email: opts.email,
          password,
          displayName: opts.name,
          clinicName: opts.clinic,
        });
        await withDatabase(config, 'admin create', async (database) => {
          const r = await createAdmin(database.db, input).catch((e: unknown) => {
            throw e instanceof AdminExistsError ? new UsageError(`admin create: ${e.message}`) : e;
          });
          output.out(
            `Created admin ${opts.email} of ${r.createdClinic ? 'new ' : ''}clinic "${opts.clinic}" in ${database.kind} ${database.location}.`,
          );
        });
      },
    ),
);
