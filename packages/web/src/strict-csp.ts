/**
 * The app runs under a Content-Security-Policy without 'unsafe-eval' (packages/server/src/http/
 * security-headers.ts). zod, which @hemispasm/core's schemas are built with, probes `new Function` when
 * a schema is created, to compile faster parsers; the policy refuses the probe and, although zod catches
 * the refusal, the browser reports it as a CSP violation. Jitless mode skips the probe: the same parsing,
 * only not compiled. main.tsx imports this module first, so it runs before any schema is created.
 */
import { config } from 'zod';

config({ jitless: true });
