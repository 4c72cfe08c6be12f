/**
 * The batching audit writer: every row is stored before its caller goes on, concurrent rows share
 * INSERT statements, and a failed statement fails its callers without stalling the rows after it.
 */
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { OpenDatabase } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { type AuditRow, createAuditWriter } from '../src/http/audit-writer';
import { describeEachDatabase } from './helpers/databases';

/** Counts the INSERT statements a Kysely instance sends. */
class CountInserts implements KyselyPlugin {
  inserts = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (args.node.kind === 'InsertQueryNode') this.inserts++;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

const row = (requestId: string, action: AuditRow['action'] = 'read'): AuditRow => ({
  action,
  resource: 'diary',
  route: 'GET /api/patients/:patientId/diary',
  status: 200,
  request_id: requestId,
});

describeEachDatabase('audit writer', (variant) => {
  let database: OpenDatabase;
  beforeAll(async () => {
    database = await variant.open();
    await migrate(database.db);
  });
  afterAll(async () => database.close());

  const stored = async (prefix: string) =>
    (
      await database.db
        .selectFrom('audit_log')
        .select('request_id')
        .where('request_id', 'like', `${prefix}%`)
        .execute()
    ).map((r) => r.request_id);

  it('stores each row before its caller resumes, and batches concurrent rows into few statements', async () => {
    const counter = new CountInserts();
    const write = createAuditWriter(database.db.withPlugin(counter));
    const seenAtResume: boolean[] = [];
    await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        await write(row(`batch-${i}`));
        seenAtResume.push((await stored(`batch-${i}`)).includes(`batch-${i}`));
      }),
    );
    expect(seenAtResume).toHaveLength(60);
    expect(seenAtResume.every(Boolean)).toBe(true);
    expect((await stored('batch-')).length).toBe(60);
    // The first row goes alone; the other 59 arrived while it was in flight and go together.
    expect(counter.inserts).toBe(2);
  });

  it('writes a lone row at once, in its own statement', async () => {
    const counter = new CountInserts();
    const write = createAuditWriter(database.db.withPlugin(counter));
    await write(row('alone-1'));
    await write(row('alone-2'));
    expect(counter.inserts).toBe(2);
    expect((await stored('alone-')).sort()).toEqual(['alone-1', 'alone-2']);
  });

  it('fails the callers of a failed statement and keeps writing the rows after it', async () => {
    const write = createAuditWriter(database.db);
    const first = write(row('fail-first'));
    // Both queued behind the first: they share one statement, which the CHECK on action refuses.
    const bad = write(row('fail-bad', 'bogus' as AuditRow['action']));
    const neighbour = write(row('fail-neighbour'));
    await expect(first).resolves.toBeUndefined();
    await expect(bad).rejects.toThrow();
    await expect(neighbour).rejects.toThrow();
    await write(row('fail-after'));
    expect((await stored('fail-')).sort()).toEqual(['fail-after', 'fail-first']);
  });
});
