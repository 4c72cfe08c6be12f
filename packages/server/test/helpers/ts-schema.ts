/**
 * Reads the `Database` interface of src/db/schema.ts with the TypeScript compiler, as the columns
 * Kysely will type-check queries against: for each column its selected type (string, number, boolean,
 * Date or json), whether it may be null, whether an insert may leave it out, and the values of a
 * literal union (e.g. the sexes). The schema drift test compares this with the migrated database.
 */
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export type ColumnKind = 'string' | 'number' | 'boolean' | 'Date' | 'json';

export interface TsColumn {
  kind: ColumnKind;
  nullable: boolean;
  /** An insert may leave the column out (Generated, or a ColumnType whose insert type allows undefined). */
  optionalOnInsert: boolean;
  /** The allowed values when the type is a union of literals; null for an open type such as `string`. */
  values: string[] | null;
}

export type TsSchema = Map<string, Map<string, TsColumn>>;

const SCHEMA_FILE = fileURLToPath(new URL('../../src/db/schema.ts', import.meta.url));
const TSCONFIG = fileURLToPath(new URL('../../tsconfig.json', import.meta.url));

export function readTsSchema(): TsSchema {
  const config = ts.getParsedCommandLineOfConfigFile(
    TSCONFIG,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error(`cannot read ${TSCONFIG}`);
  const program = ts.createProgram([SCHEMA_FILE], config.options);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(SCHEMA_FILE);
  if (!source) throw new Error(`cannot load ${SCHEMA_FILE}`);
  const database = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'Database',
  );
  if (!database) throw new Error('src/db/schema.ts has no Database interface');

  const typeOf = (symbol: ts.Symbol) => checker.getTypeOfSymbolAtLocation(symbol, database);
  const member = (type: ts.Type, name: string) => {
    const symbol = type.getProperty(name);
    return symbol ? typeOf(symbol) : undefined;
  };
  const parts = (type: ts.Type) => (type.isUnion() ? type.types : [type]);
  const has = (type: ts.Type, flag: ts.TypeFlags) => parts(type).some((t) => (t.flags & flag) !== 0);

  function kindOf(types: ts.Type[]): ColumnKind {
    if (types.every((t) => t.flags & ts.TypeFlags.StringLike)) return 'string';
    if (types.every((t) => t.flags & ts.TypeFlags.NumberLike)) return 'number';
    if (types.every((t) => t.flags & ts.TypeFlags.BooleanLike)) return 'boolean';
    if (types.length === 1 && types[0]?.getSymbol()?.name === 'Date') return 'Date';
    return 'json';
  }

  const out: TsSchema = new Map();
  for (const table of checker.getTypeAtLocation(database).getProperties()) {
    const columns = new Map<string, TsColumn>();
    for (const column of typeOf(table).getProperties()) {
      const declared = typeOf(column);
      // Kysely's ColumnType<S, I, U> and Generated<T> carry the select and insert types as members.
      const select = member(declared, '__select__') ?? declared;
      const insert = member(declared, '__insert__') ?? declared;
      const nonNull = parts(select).filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
      const kind = kindOf(nonNull);
      const literals = nonNull.every((t) => t.isStringLiteral() || t.isNumberLiteral());
      columns.set(column.name, {
        kind,
        nullable: has(select, ts.TypeFlags.Null),
        optionalOnInsert: has(insert, ts.TypeFlags.Undefined),
        values:
          literals && kind !== 'boolean'
            ? nonNull.map((t) => String((t as ts.LiteralType).value)).sort()
            : null,
      });
    }
    out.set(table.name, columns);
  }
  return out;
}
