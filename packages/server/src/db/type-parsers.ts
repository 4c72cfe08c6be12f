/**
 * How timestamps are read back, the same on both databases: PostgreSQL's text output → node-postgres's
 * own converter (pg-types, which handles years before 100, BC dates and `infinity`). node-postgres uses
 * it already; PGlite has its own parser, which reads `0001-01-01` as 2001 and a BC date as Invalid Date,
 * so the PGlite dialect hands timestamps to this converter instead. One stored value therefore reads back
 * identical on PGlite and PostgreSQL.
 */
import pg from 'pg';

export const TIMESTAMP_OID = 1114;
export const TIMESTAMPTZ_OID = 1184;

type TextParser = (text: string) => unknown;

/** The converters node-postgres applies to `timestamp` and `timestamptz` text, by type OID. */
export const TIMESTAMP_PARSERS: Record<number, TextParser> = {
  [TIMESTAMP_OID]: pg.types.getTypeParser(TIMESTAMP_OID, 'text') as TextParser,
  [TIMESTAMPTZ_OID]: pg.types.getTypeParser(TIMESTAMPTZ_OID, 'text') as TextParser,
};
