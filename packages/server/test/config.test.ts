/** The one config loader: flags over environment over defaults, and bad values named, never echoed. */
import { InputError } from '@hemispasm/core';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';

describe('loadConfig', () => {
  it('gives the defaults for an empty environment', () => {
    expect(loadConfig({}, {})).toEqual({
      port: 8080,
      host: '127.0.0.1',
      database: { kind: 'pglite', dataDir: './data' },
      logLevel: 'info',
      trustProxy: false,
      secureCookies: false,
      cds: undefined,
      bootstrapAdmin: undefined,
      adminPassword: undefined,
      notices: [],
    });
  });

  it('takes the environment, and lets flags win over it', () => {
    const env = { PORT: '9000', HEMISPASM_DATA: '/srv/env-data', HOST: '0.0.0.0', LOG_LEVEL: 'warn' };
    const fromEnv = loadConfig({}, env);
    expect([fromEnv.port, fromEnv.database, fromEnv.host, fromEnv.logLevel]).toEqual([
      9000,
      { kind: 'pglite', dataDir: '/srv/env-data' },
      '0.0.0.0',
      'warn',
    ]);
    const flagged = loadConfig({ port: '0', data: '/srv/flag-data' }, env);
    expect([flagged.port, flagged.database]).toEqual([0, { kind: 'pglite', dataDir: '/srv/flag-data' }]);
  });

  it('uses PostgreSQL when DATABASE_URL is set, and treats an empty variable as unset', () => {
    const url = 'postgres://app:secret@db.internal:5432/hemispasm';
    expect(loadConfig({ data: '/ignored' }, { DATABASE_URL: url }).database).toEqual({
      kind: 'postgres',
      url,
    });
    expect(loadConfig({}, { DATABASE_URL: '', PORT: '' })).toMatchObject({
      database: { kind: 'pglite' },
      port: 8080,
    });
  });

  it('takes a read replica with DATABASE_URL, and says it is ignored without one', () => {
    const url = 'postgres://app@primary:5432/hemispasm';
    const readUrl = 'postgres://app@standby:5432/hemispasm';
    expect(loadConfig({}, { DATABASE_URL: url, DATABASE_READ_URL: readUrl })).toMatchObject({
      database: { kind: 'postgres', url, readUrl },
      notices: [],
    });
    const alone = loadConfig({}, { DATABASE_READ_URL: readUrl });
    expect(alone.database).toEqual({ kind: 'pglite', dataDir: './data' });
    expect(alone.notices).toEqual([
      expect.stringMatching(/DATABASE_READ_URL is ignored without DATABASE_URL/),
    ]);
    expect(() => loadConfig({}, { DATABASE_URL: url, DATABASE_READ_URL: 'standby:5432' })).toThrow(
      /DATABASE_READ_URL: expected a postgres:\/\/ URL/,
    );
  });

  it('reads production mode, the proxy setting and the bootstrap admin', () => {
    const c = loadConfig(
      {},
      {
        NODE_ENV: 'production',
        HEMISPASM_TRUST_PROXY: '1',
        HEMISPASM_ADMIN_EMAIL: 'boss@clinic.test',
        HEMISPASM_ADMIN_PASSWORD: 'a long admin password',
      },
    );
    expect([c.secureCookies, c.trustProxy]).toEqual([true, 1]);
    expect(c.bootstrapAdmin).toEqual({
      email: 'boss@clinic.test',
      password: 'a long admin password',
      clinicName: 'My clinic',
    });
    expect(c.adminPassword).toBe('a long admin password');
  });

  it('names every bad variable and flag at once, without echoing a connection URL', () => {
    const bad = () =>
      loadConfig(
        { port: 'eighty' },
        { PORT: '70000', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://root:hunter2@db/x' },
      );
    expect(bad).toThrow(InputError);
    for (const named of [
      /PORT: must be ≤ 65535/,
      /--port: expected a port number/,
      /LOG_LEVEL: /,
      /DATABASE_URL: /,
    ]) {
      expect(bad).toThrow(named);
    }
    expect(bad).not.toThrow(/hunter2/);
  });

  it('names each CDS Hooks variable at fault under its own name', () => {
    const issuesOf = (env: NodeJS.ProcessEnv) => {
      try {
        loadConfig({}, env);
      } catch (err) {
        if (err instanceof InputError) return err.issues.map((i) => i.path);
        throw err;
      }
      return [];
    };
    expect(issuesOf({ HEMISPASM_CDS_JWKS_URL: 'https://ehr.example.org/jwks' })).toEqual([
      'HEMISPASM_PUBLIC_URL',
      'HEMISPASM_CDS_ISSUER',
    ]);
    expect(
      issuesOf({
        HEMISPASM_PUBLIC_URL: 'https://hfs.example.org',
        HEMISPASM_CDS_ISSUER: 'https://ehr.example.org',
        HEMISPASM_CDS_JWKS_URL: 'not a url',
      }),
    ).toEqual(['HEMISPASM_CDS_JWKS_URL']);
    expect(
      loadConfig(
        {},
        {
          HEMISPASM_PUBLIC_URL: 'https://hfs.example.org',
          HEMISPASM_CDS_ISSUER: 'https://ehr.example.org',
          HEMISPASM_CDS_JWKS_URL: 'https://ehr.example.org/jwks',
        },
      ).cds,
    ).toMatchObject({ issuer: 'https://ehr.example.org', keys: { url: 'https://ehr.example.org/jwks' } });
  });
});
