/**
 * Builds the Fastify application: zod validation and serialization, the OpenAPI document (/docs,
 * /docs/json), security headers, the session/CSRF/policy guard, the shared input rules, the audit
 * trail, problem+json errors, the API routes, the hourly purge of expired sessions and, when the web
 * app is built (@hemispasm/web's dist/), the web app with single-page fallback.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
} from 'fastify-type-provider-zod';
import { installPurge, PURGE_INTERVAL_MS } from './auth/purge';
import { SESSION_COOKIE } from './auth/sessions';
import type { CdsConfig } from './cds/config';
import type { Db } from './db/database';
import { installReadRouting } from './db/read-routing';
import { installAudit } from './http/audit';
import { frameworkErrorHandler, installErrorHandling } from './http/error-handler';
import { authorize, installGuard, type WritePath } from './http/guard';
import { installInputRules } from './http/input-rules';
import type { RouteEntry } from './http/route-config';
import { docsCsp, installSecurityHeaders } from './http/security-headers';
import { fastifyTrustProxy, type TrustProxySetting } from './http/trust-proxy';
import { zodValidatorCompiler } from './http/validation';
import { POLICY_KINDS } from './policy/access';
import { registerApiRoutes } from './routes';
import { cdsHooksRoutes } from './routes/cds-hooks';
import { defaultWebDist } from './web-dist';

export interface AppOptions {
  db: Db;
  /** A streaming replica for read-only analytics (DATABASE_READ_URL); see src/db/read-routing.ts. */
  readDb?: Db;
  /** Which database this is, shown by /api/health. */
  databaseKind?: 'pglite' | 'postgres';
  /** pino logger options, `false` for none (tests). */
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built web app; default @hemispasm/web's dist/ when it exists; `false` to not serve it. */
  webDist?: string | false;
  /** Mark cookies Secure (serve over HTTPS; config: NODE_ENV=production). Default false. */
  secureCookies?: boolean;
  /** Largest accepted request body in bytes. */
  bodyLimit?: number;
  /** Which proxies may set the client address (X-Forwarded-For; config: HEMISPASM_TRUST_PROXY). Default: none. */
  trustProxy?: TrustProxySetting;
  /** Send Strict-Transport-Security (served over HTTPS). Default: the same as `secureCookies`. */
  hsts?: boolean;
  /** How often expired sessions and sign-in counters are purged (also once at start); `false`: never. */
  purgeIntervalMs?: number | false;
  /** The CDS Hooks service (src/cds/config.ts; config: HEMISPASM_CDS_*); default and `null`: none. */
  cds?: CdsConfig | null;
  /** How record writes check their caller (http/guard.ts); only the server benchmark changes it. */
  writes?: WritePath;
}

export const DEFAULT_WEB_DIST = defaultWebDist();
export const API_VERSION = '0.1.0';

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const secureCookies = opts.secureCookies ?? false;
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.bodyLimit ?? 512 * 1024,
    genReqId: () => randomUUID(),
    // One line per request from our own hook below: the route template, never the raw URL (ids,
    // dates) and never bodies.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: fastifyTrustProxy(opts.trustProxy ?? false),
    routerOptions: { ignoreTrailingSlash: true },
    // A URL that is not validly percent-encoded is answered in the problem format too.
    frameworkErrors: frameworkErrorHandler,
  });
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('routeTable', [] as RouteEntry[]);
  // JSON only: a text/plain body is what a cross-site form can send without a CORS preflight, so
  // refusing it (415) is part of the CSRF defence as well as of the API contract.
  app.removeContentTypeParser('text/plain');

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const policy = route.config?.policy;
    if (!policy || !POLICY_KINDS.includes(policy)) {
      throw new Error(`API route ${String(route.method)} ${route.url} has no access policy`);
    }
    for (const m of [route.method].flat()) {
      if (m === 'HEAD') continue;
      app.routeTable.push({ method: m, url: route.url, policy });
    }
  });

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.addHook('onResponse', async (req, reply) => {
    req.log.info(
      {
        method: req.method,
        route: req.routeOptions.url ?? '(no route)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });

  await installSecurityHeaders(app, { hsts: opts.hsts ?? secureCookies });
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'hemispasm records API',
        version: API_VERSION,
        description:
          'Patients, assessments, diary, treatments, follow-ups, decisions and video measurements for the care of ' +
          'hemifacial spasm. Supports, and does not replace, the judgement of a physician.\n\n' +
          `Sign in with POST /api/auth/login; the session is an HttpOnly SameSite=Strict cookie (${SESSION_COOKIE}). ` +
          'Every state-changing request must send the csrfToken from the login or /api/me response in the ' +
          'X-CSRF-Token header. Errors are application/problem+json with a code and the fields at fault.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    transformStaticCSP: docsCsp,
  });

  const webDist = opts.webDist === undefined ? DEFAULT_WEB_DIST : opts.webDist;
  const serveWeb = !!webDist && existsSync(`${webDist}/index.html`);
  if (serveWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false });
  installErrorHandling(app, { spaFallback: serveWeb, authorize: (req) => authorize(opts.db, req) });
  installGuard(app, opts.db, { guardInStatement: opts.writes !== 'two-trips' });
  installInputRules(app);
  installAudit(app, opts.db);
  installReadRouting(app, { replica: opts.readDb, secureCookies });
  if (opts.purgeIntervalMs !== false) installPurge(app, opts.db, opts.purgeIntervalMs ?? PURGE_INTERVAL_MS);

  await app.register(
    async (api) => {
      await registerApiRoutes(api, {
        db: opts.db,
        databaseKind: opts.databaseKind ?? 'pglite',
        secureCookies,
        records: {
          compileOnce: opts.writes !== 'one-trip-built-per-request',
          batchInserts: (opts.writes ?? 'one-trip') === 'one-trip',
        },
      });
    },
    { prefix: '/api' },
  );
  // CDS Hooks lives at {baseUrl}/cds-services, outside /api, with its own (JWT) authentication.
  const cds = opts.cds ?? undefined;
  await app.register(async (scope) => cdsHooksRoutes(scope, { db: opts.db, config: cds }));

  return app;
}
