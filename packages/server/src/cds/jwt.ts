/**
 * Authenticating the CDS Client as CDS Hooks 2.0 requires ("Trusting CDS Clients"): every service call
 * carries `Authorization: Bearer <JWT>` signed by the EHR with its private key. We accept a JWT only if
 *  - its header names `typ: JWT`, a `kid`, and an asymmetric `alg` (never `none`, never HMAC: the spec
 *    forbids both); a `jku`, if present, must be the configured JWK Set URL (we never fetch keys from a
 *    URL the token chooses);
 *  - its signature verifies with the configured EHR's public keys (JWK Set from a URL or a file);
 *  - `iss` is the configured EHR, `aud` is this service's URL, `exp` has not passed, `iat` is at most
 *    five minutes old (a bounded replay window), and `jti` is present — and not seen before: every
 *    `jti` is recorded in the database until the token expires, so a replayed token is refused by
 *    every instance of the server.
 * Verification uses `jose` (RFC 7515/7517/7519, no dependencies), loaded on the first call: starting the
 * server or the CLI does not pay for it.
 */
import type { JWTVerifyGetKey } from 'jose';
import type { Db } from '../db/database';
import { ApiError } from '../http/errors';
import type { CdsConfig } from './config';

/** Asymmetric JWS algorithms (RFC 7518, RFC 8037); ES384 and RS384 are the ones CDS Hooks recommends. */
export const CDS_JWT_ALGORITHMS = [
  'ES256',
  'ES384',
  'ES512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'EdDSA',
] as const;

/** How old an accepted token may be (its `iat`), and the clock skew tolerated on `exp`/`iat`. */
export const MAX_TOKEN_AGE_S = 300;
const CLOCK_TOLERANCE_S = 30;

export interface CdsClient {
  iss: string;
  sub: string | undefined;
  jti: string;
  tenant: string | undefined;
}

type Jose = typeof import('jose');
let loadingJose: Promise<Jose> | undefined;
const jose = (): Promise<Jose> => {
  loadingJose ??= import('jose');
  return loadingJose;
};

const refuse = (detail: string) => new ApiError('invalid_token', { detail });

/** Why a token was refused, in words an integrator can act on (never echoing the token). */
function explain(e: unknown, { errors }: Jose): ApiError {
  if (e instanceof errors.JWTExpired) {
    return refuse(
      e.claim === 'iat' ? `the JWT is older than ${MAX_TOKEN_AGE_S} s (iat)` : 'the JWT has expired (exp)',
    );
  }
  if (e instanceof errors.JWTClaimValidationFailed) {
    if (e.claim === 'aud') return refuse('the JWT is not for this service (aud must be its URL)');
    if (e.claim === 'iss') return refuse('the JWT was not issued by the trusted EHR (iss)');
    if (e.claim === 'iat')
      return refuse(`the JWT is older than ${MAX_TOKEN_AGE_S} s or issued in the future (iat)`);
    return refuse(`the JWT's "${e.claim}" claim is missing or wrong`);
  }
  if (e instanceof errors.JWSSignatureVerificationFailed || e instanceof errors.JWKSNoMatchingKey) {
    return refuse("the JWT's signature does not verify with the trusted EHR's keys");
  }
  if (e instanceof errors.JOSEAlgNotAllowed || e instanceof errors.JOSENotSupported) {
    return refuse(`the JWT must be signed with an asymmetric algorithm (${CDS_JWT_ALGORITHMS.join(', ')})`);
  }
  if (e instanceof errors.JWKSTimeout || e instanceof errors.JWKSInvalid) {
    return new ApiError('keys_unavailable');
  }
  if (e instanceof errors.JOSEError && /JSON Web Key Set HTTP response/.test(e.message)) {
    return new ApiError('keys_unavailable');
  }
  if (e instanceof errors.JOSEError) return refuse('the bearer token is not a valid JWT');
  if (e instanceof TypeError) return new ApiError('keys_unavailable'); // fetch failed (network)
  throw e;
}

export interface CdsVerifier {
  /** Verifies `Authorization` for a call to `audience`; records the jti. Throws an ApiError when refused. */
  verify(authorization: string | undefined, audience: string): Promise<CdsClient>;
}

export function createCdsVerifier(db: Db, config: CdsConfig): CdsVerifier {
  const jwksUrl = 'url' in config.keys ? config.keys.url : undefined;
  let keys: JWTVerifyGetKey | undefined;
  const keySet = ({ createRemoteJWKSet, createLocalJWKSet }: Jose): JWTVerifyGetKey => {
    keys ??= jwksUrl
      ? createRemoteJWKSet(new URL(jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30_000 })
      : createLocalJWKSet('jwks' in config.keys ? config.keys.jwks : { keys: [] });
    return keys;
  };
  const now = config.now ?? (() => new Date());

  return {
    async verify(authorization, audience) {
      const m = /^Bearer +([A-Za-z0-9_\-.=]+)$/i.exec(authorization ?? '');
      if (!m) throw refuse('send Authorization: Bearer <JWT signed by the EHR>');
      const token = m[1]!;
      const j = await jose();
      let header: ReturnType<Jose['decodeProtectedHeader']>;
      try {
        header = j.decodeProtectedHeader(token);
      } catch {
        throw refuse('the bearer token is not a JWT');
      }
      if (!header.kid) throw refuse('the JWT header must name its key (kid)');
      if (header.jku !== undefined && header.jku !== jwksUrl) {
        throw refuse('the JWT header names a JWK Set URL (jku) this service does not trust');
      }
      let payload: Awaited<ReturnType<Jose['jwtVerify']>>['payload'];
      try {
        ({ payload } = await j.jwtVerify(token, keySet(j), {
          algorithms: [...CDS_JWT_ALGORITHMS],
          typ: 'JWT',
          issuer: config.issuer,
          audience,
          requiredClaims: ['iss', 'aud', 'exp', 'iat', 'jti'],
          maxTokenAge: MAX_TOKEN_AGE_S,
          clockTolerance: CLOCK_TOLERANCE_S,
          currentDate: now(),
        }));
      } catch (e) {
        throw explain(e, j);
      }
      const jti = String(payload.jti);
      if (jti.length > 200) throw refuse('the jti is longer than 200 characters');
      const expiresAt = new Date((payload.exp! + CLOCK_TOLERANCE_S) * 1000);
      // A jti is good once: the first insert wins, every later one (any instance) finds it taken.
      const fresh = await db
        .insertInto('cds_jwt_seen')
        .values({ issuer: config.issuer, jti, expires_at: expiresAt })
        .onConflict((oc) => oc.columns(['issuer', 'jti']).doNothing())
        .returning('jti')
        .executeTakeFirst();
      if (!fresh) throw refuse('this JWT was already used (jti): sign a new one for every call');
      // Forget tokens that can no longer be replayed (they have expired).
      await db.deleteFrom('cds_jwt_seen').where('expires_at', '<', now()).execute();
      return {
        iss: config.issuer,
        sub: typeof payload.sub === 'string' ? payload.sub : undefined,
        jti,
        tenant: typeof payload.tenant === 'string' ? payload.tenant : undefined,
      };
    },
  };
}
