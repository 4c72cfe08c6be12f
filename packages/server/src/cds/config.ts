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
import type { InputIssue } from '@hemispasm/core';
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

/** The configuration read from the environment, or what is wrong with it: one issue per variable at fault. */
export interface CdsConfigReading {
  /** Undefined when no CDS variable is set (no service hosted) or when `issues` is not empty. */
  cds: CdsConfig | undefined;
  issues: InputIssue[];
}

/** The JWK Set in a file, or why it is not one. */
function readJwksFile(file: string): { jwks: JSONWebKeySet } | string {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return `${file}: ${err instanceof Error ? err.message : String(err)}`;
  }
  const parsed = Jwks.safeParse(json);
  return parsed.success ? { jwks: parsed.data as JSONWebKeySet } : `${file}: not a JWK Set ({"keys": [...]})`;
}

/**
 * Reads the configuration from the environment. No CDS variable set: no service. Half a configuration is
 * refused, each variable at fault named as the issue's path (as loadConfig reports the others).
 */
export function cdsConfigFromEnv(env: NodeJS.ProcessEnv): CdsConfigReading {
  const { HEMISPASM_PUBLIC_URL: url, HEMISPASM_CDS_ISSUER: iss } = env;
  const { HEMISPASM_CDS_JWKS_URL: jwksUrl, HEMISPASM_CDS_JWKS_FILE: jwksFile } = env;
  if (!iss && !jwksUrl && !jwksFile) return { cds: undefined, issues: [] };
  const issues: InputIssue[] = [];
  const problem = (path: string, message: string) => issues.push({ path, message });
  if (!url) problem('HEMISPASM_PUBLIC_URL', 'required for the CDS Hooks service: an http(s) URL');
  else if (!HttpUrl.safeParse(url).success) problem('HEMISPASM_PUBLIC_URL', 'expected an http(s) URL');
  if (!iss) problem('HEMISPASM_CDS_ISSUER', "required for the CDS Hooks service: the EHR's JWT issuer");
  let keys: CdsConfig['keys'] | undefined;
  if (jwksUrl && jwksFile) {
    problem(
      'HEMISPASM_CDS_JWKS_FILE',
      'set exactly one of HEMISPASM_CDS_JWKS_URL and HEMISPASM_CDS_JWKS_FILE',
    );
  } else if (jwksUrl) {
    if (HttpUrl.safeParse(jwksUrl).success) keys = { url: jwksUrl };
    else problem('HEMISPASM_CDS_JWKS_URL', 'expected an http(s) URL');
  } else if (jwksFile) {
    const read = readJwksFile(jwksFile);
    if (typeof read === 'string') problem('HEMISPASM_CDS_JWKS_FILE', read);
    else keys = read;
  } else {
    problem('HEMISPASM_CDS_JWKS_URL', 'required for the CDS Hooks service (or HEMISPASM_CDS_JWKS_FILE)');
  }
  if (issues.length || !url || !iss || !keys) return { cds: undefined, issues };
  return { cds: { publicUrl: url.replace(/\/+$/, ''), issuer: iss, keys }, issues };
}
