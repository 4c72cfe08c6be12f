/**
 * The TypeScript schema (src/db/schema.ts, what Kysely checks queries against) and the database the
 * migrations build must describe the same tables: the same columns with matching types, nullability and
 * defaults, and every CHECK list of values equal to the literal union the column is typed with (the lists
 * of @hemispasm/core). A migration that adds or changes a column without schema.ts, or the reverse,
 * fails here on PGlite and on PostgreSQL.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { OpenDatabase } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { describeEachDatabase } from './helpers/databases';
import { type ColumnKind, readTsSchema, type TsColumn } from './helpers/ts-schema';

/** PostgreSQL's data_type (information_schema) → what the drivers hand back (see db/database.ts). */
const KIND_OF_SQL_TYPE: Record<string, ColumnKind> = {
  uuid: 'string',
  text: 'string',
  'character varying': 'string',
  date: 'string',
  smallint: 'number',
  integer: 'number',
  bigint: 'number',
  'double precision': 'number',
  real: 'number',
  numeric: 'number',
  boolean: 'boolean',
  'timestamp with time zone': 'Date',
  jsonb: 'json',
  ARRAY: 'json', // integer[] (episode_outcomes.status_counts), read as a number[]
};

interface SqlColumn {
  table_name: string;
  column_name: string;
  data_type: string;
  is_nullable: 'YES' | 'NO';
  column_default: string | null;
}

/** `CHECK ((col = ANY (ARRAY['a'::text, 'b'::text])))` and `CHECK (col IN (...))` as column → values. */
function checkLists(defs: { table_name: string; def: string }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { table_name, def } of defs) {
    const m = /^CHECK \(\(?\(?(\w+) = ANY \(\(?ARRAY\[(.*)\]\)?(?:::text\[\])?\)\)\)?\)?$/.exec(def);
    if (!m) continue;
    const values = [...(m[2] ?? '').matchAll(/'((?:[^']|'')*)'/g)].map((v) =>
      (v[1] ?? '').replace(/''/g, "'"),
    );
    out.set(`${table_name}.${m[1]}`, values.sort());
  }
  return out;
}

const tsSchema = readTsSchema();

describeEachDatabase('src/db/schema.ts matches the migrated database', (variant) => {
  let d: OpenDatabase;
  let columns: SqlColumn[];
  let checks: Map<string, string[]>;
  let listConstraints: number;
  beforeAll(async () => {
    d = await variant.open();
    await migrate(d.db);
    columns = (
      await sql<SqlColumn>`
        SELECT table_name, column_name, data_type, is_nullable, column_default
        FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name NOT LIKE 'kysely_%'
        ORDER BY table_name, ordinal_position`.execute(d.db)
    ).rows;
    const defs = await sql<{ table_name: string; def: string }>`
      SELECT c.relname AS table_name, pg_get_constraintdef(k.oid) AS def
      FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
      WHERE k.contype = 'c' AND k.connamespace = current_schema()::regnamespace`.execute(d.db);
    checks = checkLists(defs.rows);
    listConstraints = defs.rows.filter((r) => r.def.includes('= ANY (ARRAY[')).length;
  });
  afterAll(async () => {
    await d?.close();
  });

  it('has the same tables and columns', () => {
    const inDb = [...new Set(columns.map((c) => c.table_name))].sort();
    expect(inDb).toEqual([...tsSchema.keys()].sort());
    for (const [table, tsColumns] of tsSchema) {
      const dbColumns = columns.filter((c) => c.table_name === table).map((c) => c.column_name);
      expect(dbColumns.sort(), table).toEqual([...tsColumns.keys()].sort());
    }
  });

  it('types each column as the database stores it: kind, null, default', () => {
    const wrong: string[] = [];
    for (const c of columns) {
      const ts: TsColumn | undefined = tsSchema.get(c.table_name)?.get(c.column_name);
      if (!ts) continue; // reported by the test above
      const where = `${c.table_name}.${c.column_name}`;
      const kind = KIND_OF_SQL_TYPE[c.data_type];
      if (!kind) wrong.push(`${where}: SQL type ${c.data_type} has no mapping in this test`);
      else if (kind !== ts.kind) wrong.push(`${where}: ${c.data_type} is read as ${kind}, typed ${ts.kind}`);
      if ((c.is_nullable === 'YES') !== ts.nullable)
        wrong.push(`${where}: ${c.is_nullable === 'YES' ? 'nullable' : 'NOT NULL'}, typed the other way`);
      // A column with a default may be left out of an insert; a NOT NULL one without a default may not.
      if (c.column_default !== null && !ts.optionalOnInsert)
        wrong.push(`${where}: has DEFAULT ${c.column_default}, but its type makes an insert give it`);
      if (c.column_default === null && c.is_nullable === 'NO' && ts.optionalOnInsert)
        wrong.push(`${where}: NOT NULL without a DEFAULT, but its type lets an insert leave it out`);
    }
    expect(wrong).toEqual([]);
  });

  it('types each CHECK-listed column with exactly the listed values, and no other column with a list', () => {
    const wrong: string[] = [];
    for (const [table, tsColumns] of tsSchema) {
      for (const [column, ts] of tsColumns) {
        const where = `${table}.${column}`;
        const listed = checks.get(where);
        if (listed && !ts.values)
          wrong.push(`${where}: CHECK allows ${listed.join(', ')}, typed as open ${ts.kind}`);
        else if (!listed && ts.values)
          wrong.push(`${where}: typed ${ts.values.join(' | ')}, no CHECK in SQL`);
        else if (listed && ts.values && listed.join() !== ts.values.join())
          wrong.push(`${where}: CHECK allows ${listed.join(', ')}, typed ${ts.values.join(' | ')}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('reads every CHECK list of the migrations (the parser above understands them all)', () => {
    // Guards the test itself: a list it could not parse would pass the test above unseen.
    expect(listConstraints).toBeGreaterThan(0);
    expect(checks.size).toBe(listConstraints);
  });
});
