/**
 * HEMISPASM_TRUST_PROXY: which reverse proxies may tell the server the client's address
 * (X-Forwarded-For). The client address feeds the sign-in limits and the audit trail, so trusting the
 * header from anyone would let a client pick its own address. A pure function of the setting's text, for
 * the configuration loader; Fastify's `trustProxy` option takes its result.
 *
 * - unset, empty, `0`, `false`, `off`, `no`: trust no one; the address is the TCP peer's (the default).
 * - a hop count `N` (1–20): trust the N proxies nearest the server; the client is the address the
 *   outermost of them saw (one proxy in front: `1`). The server must then be reachable only through
 *   them (e.g. HOST=127.0.0.1 behind a proxy on the same host): a client connecting directly would be
 *   taken at its word. A list of addresses has no such condition.
 * - a comma-separated list of proxy addresses or CIDR ranges (`10.0.0.5, 192.168.1.0/24, ::1`), or
 *   proxy-addr's names `loopback`, `linklocal`, `uniquelocal`: trust exactly those.
 * Never "all": `true`, `*`, `all`, `0.0.0.0/0` or `::/0` are refused with an explanation.
 */
import { isIP } from 'node:net';

export type TrustProxySetting = false | number | string[];

export class TrustProxyError extends Error {
  constructor(value: string, why: string) {
    super(
      `HEMISPASM_TRUST_PROXY=${JSON.stringify(value)}: ${why}. Give the number of proxies in front of the ` +
        'server (e.g. 1) or their addresses (e.g. 10.0.0.5,192.168.1.0/24); leave it unset when clients ' +
        'connect directly.',
    );
    this.name = 'TrustProxyError';
  }
}

const OFF = new Set(['', '0', 'false', 'off', 'no']);
const EVERYONE = new Set(['true', 'yes', 'on', '*', 'all']);
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);
export const MAX_TRUSTED_HOPS = 20;

function checkAddress(value: string, item: string): string {
  if (NAMED_RANGES.has(item.toLowerCase())) return item.toLowerCase();
  const [addr, prefix, ...rest] = item.split('/');
  const family = isIP(addr ?? '');
  if (!addr || family === 0 || rest.length > 0)
    throw new TrustProxyError(value, `"${item}" is not an IP address or CIDR range`);
  if (prefix !== undefined) {
    const bits = Number(prefix);
    const max = family === 4 ? 32 : 128;
    if (!/^\d{1,3}$/.test(prefix) || bits > max)
      throw new TrustProxyError(value, `"${item}" has an invalid prefix length`);
    if (bits === 0) throw new TrustProxyError(value, `"${item}" would trust every address`);
  }
  return item;
}

export function parseTrustProxy(value: string | undefined): TrustProxySetting {
  const v = (value ?? '').trim();
  if (OFF.has(v.toLowerCase())) return false;
  if (EVERYONE.has(v.toLowerCase())) throw new TrustProxyError(v, 'trusting every hop is not allowed');
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops > MAX_TRUSTED_HOPS)
      throw new TrustProxyError(v, `at most ${MAX_TRUSTED_HOPS} proxy hops can be trusted`);
    return hops;
  }
  const items = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) return false;
  return items.map((item) => checkAddress(v, item));
}

/** Fastify's `trustProxy` for a setting: a hop count becomes "trust the first N hops". */
export function fastifyTrustProxy(
  setting: TrustProxySetting,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'number') {
    const hops = setting;
    // proxy-addr asks hop 0 (the TCP peer) first, then each X-Forwarded-For entry from the right.
    return (_address, hop) => hop < hops;
  }
  return setting;
}
