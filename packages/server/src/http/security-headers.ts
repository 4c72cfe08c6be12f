/**
 * Security headers on every response (@fastify/helmet), and no caching of API answers.
 *
 * The Content-Security-Policy is the one the web app actually runs under (the browser journeys and the
 * camera self-test pass with it): scripts, styles, fonts, images and fetches from the app's own origin
 * only; WebAssembly compilation (`'wasm-unsafe-eval'`, for the face-landmark model's wasm backend) but no
 * JavaScript eval; Web Workers from the same origin; no plugins; no framing by any site
 * (`frame-ancestors 'none'`, and `X-Frame-Options: DENY` for older browsers). The OpenAPI page at /docs
 * gets Swagger UI's own policy (hash-listed inline scripts and styles), tightened the same way.
 *
 * Every /api and /cds-services answer carries `Cache-Control: no-store`: patient data must not stay in a
 * browser's or a proxy's cache. HSTS is sent only when the server knows it is served over HTTPS (see the README section
 * "Deploying behind TLS"), since over plain HTTP it is ignored and on a mistaken host it does harm.
 */
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'media-src': ["'self'", 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

export const HSTS_MAX_AGE_S = 31_536_000; // one year

/** Answers that may carry patient data: the API, and CDS Hooks (cards about the EHR's patient). */
const NO_STORE_PREFIXES = ['/api', '/cds-services'];

/**
 * Headers for the answers Fastify gives before routing (a URL it cannot decode), which no hook sees:
 * a problem document that needs nothing, so the strictest policy.
 */
export const PRE_ROUTING_HEADERS = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
} as const;

/** Swagger UI's policy at /docs, without its upgrade-insecure-requests (breaks plain-HTTP local use) and unframeable. */
export function docsCsp(header: string): string {
  return header
    .replace(/\s*upgrade-insecure-requests;?/, '')
    .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
    .trim();
}

export async function installSecurityHeaders(app: FastifyInstance, opts: { hsts: boolean }): Promise<void> {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: opts.hsts ? { maxAge: HSTS_MAX_AGE_S, includeSubDomains: false } : false,
    // Same-origin app: the defaults (COOP same-origin, CORP same-origin, nosniff, …) stay on.
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (
      NO_STORE_PREFIXES.some(
        (p) => req.url === p || req.url.startsWith(`${p}/`) || req.url.startsWith(`${p}?`),
      )
    )
      reply.header('cache-control', 'no-store');
    return payload;
  });
}
