/**
 * The CDS Hooks service's configuration: which EHR it trusts (the JWT issuer and where its public keys
 * are) and the public URL this server is reached at (the audience the EHR signs for, and the base of the
 * decision-aid link). Without it the server hosts no CDS service: discovery lists none.
 *
 *   HEMISPASM_PUBLIC_URL      https://hfs.example.org   (the service is {url}/cds-services/…)
 *   HEMISPASM_CDS_ISSUER      the EHR's `iss`, exactly as it signs it
 *   HEMISPASM_CDS_JWKS_URL    the EHR's JWK Set URL        } one of the two
 *   HEMISPASM_CDS_JWKS_FILE   a JWK Set file (read at start) }
 */
import { readFileSync } from 'node:fs';
import type { JSONWebKeySet } from 'jose';
import { z } from 'zod';

export interface CdsConfig {
  /** Public base URL of this server, without a trailing slash. */
  publicUrl: string;
  /** The one EHR issuer (`iss`) whose JWTs are accepted. */
  issuer: string;
  /** The EHR's public keys: fetched from a JWK Set URL (cached), or given (from a file). */
  keys: { url: string } | { jwks: JSONWebKeySet };
  /** The clock (tests); default the system clock. */
  now?: () => Date;
}

const HttpUrl = z.url({ protocol: /^https?$/ });
const Jwks = z.looseObject({
  keys: z.array(z.looseObject({ kty: z.string() })).min(1),
});

/** Reads the configuration from the environment; undefined when no CDS variable is set. Throws when half set. */
export function cdsConfigFromEnv(env: NodeJS.ProcessEnv): CdsConfig | undefined {
  const { HEMISPASM_PUBLIC_URL: url, HEMISPASM_CDS_ISSUER: iss } = env;
  const { HEMISPASM_CDS_JWKS_URL: jwksUrl, HEMISPASM_CDS_JWKS_FILE: jwksFile } = env;
  if (!iss && !jwksUrl && !jwksFile) return undefined;
  const problems: string[] = [];
  if (!url || !HttpUrl.safeParse(url).success) problems.push('HEMISPASM_PUBLIC_URL (an http(s) URL)');
  if (!iss) problems.push('HEMISPASM_CDS_ISSUER');
  if (!!jwksUrl === !!jwksFile)
    problems.push('exactly one of HEMISPASM_CDS_JWKS_URL and HEMISPASM_CDS_JWKS_FILE');
  if (jwksUrl && !HttpUrl.safeParse(jwksUrl).success)
    problems.push('HEMISPASM_CDS_JWKS_URL (an http(s) URL)');
  if (problems.length) throw new Error(`CDS Hooks configuration incomplete: set ${problems.join('; ')}`);
  let keys: CdsConfig['keys'];
  if (jwksUrl) keys = { url: jwksUrl };
  else {
    const parsed = Jwks.safeParse(JSON.parse(readFileSync(jwksFile!, 'utf8')));
    if (!parsed.success)
      throw new Error(`HEMISPASM_CDS_JWKS_FILE ${jwksFile}: not a JWK Set ({"keys": [...]})`);
    keys = { jwks: parsed.data as JSONWebKeySet };
  }
  return { publicUrl: url!.replace(/\/+$/, ''), issuer: iss!, keys };
}
