/**
 * Sign-in limits under attack: parallel guesses, guesses from many addresses, forged forwarding headers;
 * the trust-proxy setting; the purge of expired sessions and counters.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import {
  FREE_ATTEMPTS_PER_ACCOUNT,
  MAX_ACCOUNT_DELAY_S,
  MAX_ATTEMPTS_PER_ADDRESS,
  MAX_ATTEMPTS_PER_PAIR,
} from '../src/auth/login-limit';
import { purgeExpired } from '../src/auth/purge';
import { parseTrustProxy, TrustProxyError, type TrustProxySetting } from '../src/http/trust-proxy';
import { describeEachDatabase } from './helpers/databases';
import { PASSWORD, worldFor } from './helpers/world';

describe('HEMISPASM_TRUST_PROXY parsing', () => {
  it('trusts no one by default and takes a hop count or a list of addresses', () => {
    for (const off of [undefined, '', ' ', '0', 'false', 'off', 'NO'])
      expect(parseTrustProxy(off)).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy(' 2 ')).toBe(2);
    expect(parseTrustProxy('10.0.0.5, 192.168.1.0/24,::1')).toEqual(['10.0.0.5', '192.168.1.0/24', '::1']);
    expect(parseTrustProxy('loopback,fd00::/8')).toEqual(['loopback', 'fd00::/8']);
  });

  it('never trusts every hop, and names what is wrong', () => {
    for (const all of ['true', 'all', '*', 'yes', '0.0.0.0/0', '::/0', '10.0.0.1, 0.0.0.0/0'])
      expect(() => parseTrustProxy(all), all).toThrow(TrustProxyError);
    for (const bad of ['21', 'proxy.example.org', '10.0.0.1/33', '10.0.0.300', '1.2.3.4/8/9', 'fe80::/129'])
      expect(() => parseTrustProxy(bad), bad).toThrow(/HEMISPASM_TRUST_PROXY/);
    expect(() => parseTrustProxy('true')).toThrow(/every hop/);
  });
});

describeEachDatabase('sign-in limits', (variant) => {
  const w = worldFor(variant);

  const login = (email: string, password: string, remoteAddress = '127.0.0.1', headers = {}) =>
    w.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
      remoteAddress,
      headers,
    });
  /** Moves every counter's window (and delay) into the past, as if the time had passed. */
  const letTimePass = (minutes: number) =>
    sql`UPDATE login_attempts SET window_start = window_start - make_interval(mins => ${minutes}::int),
        next_at = next_at - make_interval(mins => ${minutes}::int)`.execute(w.database.db);

  it('checks at most the limit of 200 parallel wrong guesses; the rest get 429, and so does the right password until the window passes', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 200 }, (_, i) => login('doc@b.test', `wrong guess ${i}`, '198.51.100.1')),
    );
    const byStatus: Record<string, typeof guesses> = {};
    for (const r of guesses) byStatus[String(r.statusCode)] = [...(byStatus[String(r.statusCode)] ?? []), r];
    expect(Object.keys(byStatus).sort()).toEqual(['401', '429']);
    expect(byStatus['401']!.length).toBeLessThanOrEqual(MAX_ATTEMPTS_PER_PAIR);
    expect(byStatus['429']!.length).toBeGreaterThanOrEqual(200 - MAX_ATTEMPTS_PER_PAIR);
    for (const r of byStatus['429']!) {
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    }
    const right = await login('doc@b.test', PASSWORD, '198.51.100.1');
    expect(right.statusCode).toBe(429);
    await letTimePass(16);
    expect((await login('doc@b.test', PASSWORD, '198.51.100.1')).statusCode).toBe(200);
  });

  it('slows guesses at one account from many addresses with a growing delay, never locking its owner out', async () => {
    const victim = 'admin@b.test';
    // An attacker with a fresh address for every guess, as fast as the server answers.
    const statuses: number[] = [];
    const waits: number[] = [];
    const started = Date.now();
    for (let i = 0; i < 40; i++) {
      const r = await login(victim, `guess ${i}`, `203.0.113.${i + 1}`);
      statuses.push(r.statusCode);
      if (r.statusCode === 429) waits.push(Number(r.headers['retry-after']));
    }
    const elapsedS = (Date.now() - started) / 1000;
    // The free attempts are checked; after them, one check per delay (1 s, 2 s, 4 s …) at most.
    expect(statuses.slice(0, FREE_ATTEMPTS_PER_ACCOUNT)).toEqual(Array(FREE_ATTEMPTS_PER_ACCOUNT).fill(401));
    const checkedAfterFree = statuses.slice(FREE_ATTEMPTS_PER_ACCOUNT).filter((s) => s === 401).length;
    expect(checkedAfterFree).toBeLessThanOrEqual(Math.floor(Math.log2(elapsedS + 1)) + 1);
    expect(waits.length).toBeGreaterThan(0);
    expect(Math.max(...waits)).toBeLessThanOrEqual(MAX_ACCOUNT_DELAY_S);
    // However the attacker left it, the colleague, from their own address, is told to wait at most the
    // longest delay — not 15 minutes…
    await sql`UPDATE login_attempts SET next_at = now() + make_interval(secs => ${MAX_ACCOUNT_DELAY_S}::int)
      WHERE key = ${`account:${victim}`}`.execute(w.database.db);
    const colleague = await login(victim, PASSWORD, '192.0.2.10');
    expect(colleague.statusCode).toBe(429);
    expect(Number(colleague.headers['retry-after'])).toBeLessThanOrEqual(MAX_ACCOUNT_DELAY_S);
    // …and once it has passed, signed in with the right password (which also clears the account's delay).
    await sql`UPDATE login_attempts SET next_at = now() - interval '1 second' WHERE key LIKE 'account:%'`.execute(
      w.database.db,
    );
    expect((await login(victim, PASSWORD, '192.0.2.10')).statusCode).toBe(200);
    expect((await login(victim, 'a wrong one', '192.0.2.11')).statusCode).toBe(401);
  });

  it('grows the delay 1 s, 2 s, 4 s … after the free attempts, up to the cap', async () => {
    const victim = 'pat3@b.test';
    const delays: number[] = [];
    for (let i = 0; i < FREE_ATTEMPTS_PER_ACCOUNT + 8; i++) {
      // Each attempt arrives just as the previous delay ends.
      await sql`UPDATE login_attempts SET next_at = now() - interval '1 millisecond'
        WHERE key = ${`account:${victim}`}`.execute(w.database.db);
      const { rows } = await sql<{ before: Date }>`SELECT clock_timestamp() AS before`.execute(w.database.db);
      const before = rows[0]!.before;
      expect((await login(victim, `guess ${i}`, `198.18.0.${i + 1}`)).statusCode).toBe(401);
      const row = await w.database.db
        .selectFrom('login_attempts')
        .select('next_at')
        .where('key', '=', `account:${victim}`)
        .executeTakeFirstOrThrow();
      // The delay set by this attempt: from when it was sent (the password check after it takes time).
      delays.push(row.next_at ? Math.round((row.next_at.getTime() - before.getTime()) / 1000) : 0);
    }
    expect(delays.slice(0, FREE_ATTEMPTS_PER_ACCOUNT - 1)).toEqual(
      Array(FREE_ATTEMPTS_PER_ACCOUNT - 1).fill(0),
    );
    expect(delays.slice(FREE_ATTEMPTS_PER_ACCOUNT - 1)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it('limits one address guessing many accounts, and gives successful sign-ins back', async () => {
    const addr = '198.51.100.77';
    // Successful sign-ins do not use up the address's allowance (a clinic behind one NAT address).
    for (let i = 0; i < MAX_ATTEMPTS_PER_ADDRESS + 5; i++)
      expect((await login('doc@a.test', PASSWORD, addr)).statusCode).toBe(200);
    const results: number[] = [];
    for (let i = 0; i < MAX_ATTEMPTS_PER_ADDRESS + 3; i++)
      results.push((await login(`nobody${i}@a.test`, 'wrong password', addr)).statusCode);
    expect(results.slice(0, MAX_ATTEMPTS_PER_ADDRESS)).toEqual(Array(MAX_ATTEMPTS_PER_ADDRESS).fill(401));
    expect(results.slice(MAX_ATTEMPTS_PER_ADDRESS)).toEqual([429, 429, 429]);
  });

  it('ignores a forged X-Forwarded-For with the default setting: the limit holds and the audit trail has the real address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < MAX_ATTEMPTS_PER_PAIR + 2; i++) {
      const r = await login('pat1@a.test', 'not my password', '192.0.2.99', {
        'x-forwarded-for': `10.9.8.${i}`,
      });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(MAX_ATTEMPTS_PER_PAIR)).toEqual([429, 429]);
    const read = await w.as(w.users.clinicianA)('GET', `/api/patients/${w.patients.p1}`, undefined, {
      'x-forwarded-for': '6.6.6.6',
    });
    const row = await w.database.db
      .selectFrom('audit_log')
      .select('ip')
      .where('request_id', '=', String(read.headers['x-request-id']))
      .executeTakeFirstOrThrow();
    expect(row.ip).toBe('127.0.0.1');
  });

  it('takes the client address from the trusted proxies only, with a hop count or an address list', async () => {
    // The client wrote 6.6.6.6; the one proxy in front (the TCP peer, 127.0.0.1) appended what it saw.
    const headers = { 'x-forwarded-for': '6.6.6.6, 203.0.113.50' };
    const seen: string[] = [];
    for (const trustProxy of [1, ['127.0.0.1'], false] satisfies TrustProxySetting[]) {
      const app = await buildApp({ db: w.database.db, webDist: false, purgeIntervalMs: false, trustProxy });
      const r = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'ip-probe@a.test', password: 'not a password' },
        headers,
      });
      await app.close();
      expect(r.statusCode).toBe(401);
      // The sign-in counter is keyed by the address the server took as the client's.
      const keys = await w.database.db
        .deleteFrom('login_attempts')
        .where('key', 'like', 'pair:ip-probe@a.test|%')
        .returning('key')
        .execute();
      seen.push(keys.map((k) => k.key.split('|')[1]).join());
    }
    expect(seen).toEqual(['203.0.113.50', '203.0.113.50', '127.0.0.1']);
  });

  describe('purge', () => {
    it('deletes expired sessions and old counters in one statement, safely from several instances at once', async () => {
      const db = w.database.db;
      await db
        .insertInto('sessions')
        .values([
          {
            token_hash: 'expired-1',
            user_id: w.users.adminA.id,
            csrf_token: 'x',
            expires_at: sql`now() - interval '1 minute'`,
          },
          {
            token_hash: 'expired-2',
            user_id: w.users.adminA.id,
            csrf_token: 'x',
            expires_at: sql`now() - interval '2 days'`,
          },
          {
            token_hash: 'live-1',
            user_id: w.users.adminA.id,
            csrf_token: 'x',
            expires_at: sql`now() + interval '1 hour'`,
          },
        ])
        .execute();
      await db
        .insertInto('login_attempts')
        .values([
          { key: 'pair:old|1', window_start: sql`now() - interval '16 minutes'`, failures: 3 },
          {
            key: 'account:old',
            window_start: sql`now() - interval '1 day'`,
            failures: 9,
            next_at: sql`now() - interval '1 hour'`,
          },
          { key: 'pair:fresh|1', window_start: sql`now() - interval '1 minute'`, failures: 1 },
        ])
        .execute();
      const runs = await Promise.all([purgeExpired(db), purgeExpired(db), purgeExpired(db)]);
      const removed = runs.reduce((a, r) => ({ s: a.s + r.sessions, c: a.c + r.counters }), { s: 0, c: 0 });
      expect(removed.s).toBeGreaterThanOrEqual(2);
      expect(removed.c).toBeGreaterThanOrEqual(2);
      const sessions = (await db.selectFrom('sessions').select('token_hash').execute()).map(
        (s) => s.token_hash,
      );
      expect(sessions).toContain('live-1');
      expect(sessions).not.toContain('expired-1');
      expect(sessions).not.toContain('expired-2');
      const keys = (await db.selectFrom('login_attempts').select('key').execute()).map((k) => k.key);
      expect(keys).toContain('pair:fresh|1');
      expect(keys).not.toContain('pair:old|1');
      expect(keys).not.toContain('account:old');
    });

    it('runs when the server starts', async () => {
      const db = w.database.db;
      await db
        .insertInto('sessions')
        .values({
          token_hash: 'expired-at-start',
          user_id: w.users.adminA.id,
          csrf_token: 'x',
          expires_at: sql`now() - interval '1 minute'`,
        })
        .execute();
      const app = await buildApp({ db, webDist: false });
      await app.ready();
      await app.close();
      const left = await db
        .selectFrom('sessions')
        .select('token_hash')
        .where('token_hash', '=', 'expired-at-start')
        .execute();
      expect(left).toEqual([]);
    });
  });
});
