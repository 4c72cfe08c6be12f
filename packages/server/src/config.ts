/**
 * The one configuration loader of the server and the CLI: the environment and the command-line flags,
 * validated with zod, flags winning over the environment and the environment over defaults. Nothing
 * else in the server or the CLI reads `process.env`. A bad value is an InputError naming the variable
 * or the flag (`PORT: …`, `--port: …`), which the CLI prints as one line and exits with 2.
 */
import { InputError, type InputIssue, issuesFromZod } from '@hemispasm/core';
import { z } from 'zod';
import { type CdsConfig, cdsConfigFromEnv } from './cds/config';
import { parseTrustProxy, type TrustProxySetting } from './http/trust-proxy';
import type { AdminInput } from './seed/admin';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Which database: a PostgreSQL server (DATABASE_URL), optionally with a streaming replica for read-only
 * analytics (DATABASE_READ_URL, see db/read-routing.ts), or embedded PGlite in a data folder.
 */
export type DatabaseTarget =
  | { kind: 'postgres'; url: string; readUrl?: string }
  | { kind: 'pglite'; dataDir: string };

export interface Config {
  port: number;
  host: string;
  database: DatabaseTarget;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Which proxies may set the client address (X-Forwarded-For): none, a hop count or addresses. */
  trustProxy: TrustProxySetting;
  /** Mark cookies Secure (NODE_ENV=production: served over HTTPS). */
  secureCookies: boolean;
  /** HEMISPASM_ADMIN_EMAIL / _PASSWORD / HEMISPASM_CLINIC_NAME, validated when `serve` uses them. */
  bootstrapAdmin: AdminInput | undefined;
  /** The CDS Hooks service (HEMISPASM_PUBLIC_URL, HEMISPASM_CDS_*); undefined: none hosted. */
  cds: CdsConfig | undefined;
  /** HEMISPASM_ADMIN_PASSWORD, the password `admin create` takes when not given on standard input. */
  adminPassword: string | undefined;
  /** Warnings for the start-up banner (a setting that has no effect), never an error. */
  notices: string[];
}

/** The command-line flags that override the environment, as typed by the user. */
export interface ConfigFlags {
  port?: string;
  data?: string;
}

const PortText = z
  .string()
  .regex(/^\d+$/, 'expected a port number 0–65535')
  .transform(Number)
  .pipe(z.number().max(65535, 'expected a port number 0–65535'));

const PostgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\/./.test(v) && URL.canParse(v), 'expected a postgres:// URL');

const EnvSchema = z.object({
  PORT: PortText.optional(),
  HOST: z.string().default('127.0.0.1'),
  HEMISPASM_DATA: z.string().default('./data'),
  DATABASE_URL: PostgresUrl.optional(),
  DATABASE_READ_URL: PostgresUrl.optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  // A hop count or a list of addresses; "everyone" is refused (see http/trust-proxy.ts).
  HEMISPASM_TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, ctx) => {
      try {
        return parseTrustProxy(v);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : String(err) });
        return z.NEVER;
      }
    }),
  HEMISPASM_ADMIN_EMAIL: z.string().optional(),
  HEMISPASM_ADMIN_PASSWORD: z.string().optional(),
  HEMISPASM_CLINIC_NAME: z.string().optional(),
  NODE_ENV: z.string().optional(),
});

const FlagSchema = z.object({
  '--port': PortText.optional(),
  '--data': z.string().min(1).optional(),
});

/** Parses without echoing values back (DATABASE_URL may hold a password). */
function parse<S extends z.ZodType>(
  schema: S,
  input: unknown,
  issues: InputIssue[],
): z.output<S> | undefined {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  issues.push(...issuesFromZod(r.error));
  return undefined;
}

/** An empty variable counts as unset (`DATABASE_URL= hemispasm serve` means PGlite). */
function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => !!e[1]));
}

export function loadConfig(flags: ConfigFlags = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const issues: InputIssue[] = [];
  const e = parse(EnvSchema, withoutEmpty(env), issues);
  const f = parse(FlagSchema, { '--port': flags.port, '--data': flags.data }, issues);
  const { cds, issues: cdsIssues } = cdsConfigFromEnv(withoutEmpty(env));
  issues.push(...cdsIssues);
  if (!e || !f || issues.length) throw new InputError(issues);
  const admin =
    e.HEMISPASM_ADMIN_EMAIL || e.HEMISPASM_ADMIN_PASSWORD
      ? {
          email: e.HEMISPASM_ADMIN_EMAIL ?? '',
          password: e.HEMISPASM_ADMIN_PASSWORD ?? '',
          clinicName: e.HEMISPASM_CLINIC_NAME ?? 'My clinic',
        }
      : undefined;
  return {
    port: f['--port'] ?? e.PORT ?? 8080,
    host: e.HOST,
    database: e.DATABASE_URL
      ? {
          kind: 'postgres',
          url: e.DATABASE_URL,
          ...(e.DATABASE_READ_URL ? { readUrl: e.DATABASE_READ_URL } : {}),
        }
      : { kind: 'pglite', dataDir: f['--data'] ?? e.HEMISPASM_DATA },
    logLevel: e.LOG_LEVEL,
    trustProxy: e.HEMISPASM_TRUST_PROXY,
    secureCookies: e.NODE_ENV === 'production',
    cds,
    bootstrapAdmin: admin,
    adminPassword: e.HEMISPASM_ADMIN_PASSWORD,
    notices:
      e.DATABASE_READ_URL && !e.DATABASE_URL
        ? ['DATABASE_READ_URL is ignored without DATABASE_URL (PGlite has no replicas)']
        : [],
  };
}
