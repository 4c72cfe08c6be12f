/**
 * fast-check arbitraries generated from the server's own OpenAPI document: for a JSON Schema, values
 * that keep it (with its boundaries: min/max lengths and numbers, the edges of the date ranges, known
 * ids) and values that break it in the ways an attacker or a broken client would — NUL and other
 * control characters, unpaired surrogates, huge strings, wrong types, missing and unknown fields,
 * absurd numbers, deep nesting. Used by the property test that drives every route.
 */
import fc from 'fast-check';

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  format?: string;
  default?: unknown;
};

export interface GenContext {
  /** Resolves `#/components/schemas/X`. */
  components: Record<string, JsonSchema>;
  /** Ids that exist in the database (patients, users, records), so valid requests reach deep code. */
  knownIds: string[];
}

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const plusYears = (n: number) => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() + n);
  return d.getTime();
};

/** Strings that break the shared text rule or a database. */
export const hostileString = fc.oneof(
  fc.constant('\u0000'),
  fc.constant('a\u0000b'),
  fc.constant('\u0001\u0007\u001b[31m'),
  fc.constant('\u007f\u0085\u009f'),
  fc.constant('\ud800'),
  fc.constant('x\udc00y'),
  fc.constant('\r\n\t'),
  fc.constant(''),
  fc.constant(' '),
  fc.constant("'; DROP TABLE patients; --"),
  fc.constant('%00%zz%'),
  fc.constant('../../../etc/passwd'),
  fc.constant('\u202e\u200b\ufeff'),
  fc.constant('😀'.repeat(50)),
  fc.constant('x'.repeat(20_000)),
  fc.constant('y'.repeat(300_000)),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** Values of the wrong type for any field. */
export const wrongType = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.constantFrom(1e308, -1e308, 0.1, -0, 2 ** 53 + 1, -(2 ** 31) - 1, 2 ** 31),
  fc.constant([]),
  fc.constant({}),
  fc.constant([null]),
  fc.constant({ $ne: 1 }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}')),
  fc.constant(JSON.parse('{"constructor": {"prototype": {"polluted": true}}}')),
  hostileString,
);

function deepNest(depth: number): unknown {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

function resolve(schema: JsonSchema, ctx: GenContext): JsonSchema {
  let s = schema;
  for (let i = 0; s.$ref && i < 10; i++) {
    const name = s.$ref.replace('#/components/schemas/', '');
    s = ctx.components[name] ?? {};
  }
  return s;
}

function stringArb(s: JsonSchema, ctx: GenContext): fc.Arbitrary<string> {
  const now = Date.now();
  switch (s.format) {
    case 'date':
      return fc.oneof(
        fc.integer({ min: -30 * 365, max: 0 }).map((d) => day(now + d * DAY)),
        fc.constantFrom(
          '1900-01-01',
          '1899-12-31',
          day(now + DAY),
          day(now + 2 * DAY),
          day(plusYears(2)),
          day(plusYears(2) + DAY),
          '0001-01-01',
          '9999-12-31',
          '2024-02-29',
          '2023-02-29',
        ),
      );
    case 'date-time':
      return fc.oneof(
        fc.integer({ min: -30 * 365 * 24, max: 0 }).map((h) => new Date(now + h * 3_600_000).toISOString()),
        fc.constantFrom(
          '0001-01-01T00:00:00+00:01',
          '0001-01-01T00:00:00Z',
          '9999-12-31T23:59:59-14:00',
          '1900-01-01T00:00:00Z',
          '2020-01-01T00:00:00+15:00',
          '2020-01-01T00:00:00.123456789+05:45',
          new Date(now + 2 * DAY).toISOString(),
        ),
      );
    case 'uuid':
      return fc.oneof(fc.constantFrom(...ctx.knownIds), fc.uuid({ version: 4 }));
    case 'email':
      return fc.oneof(fc.emailAddress(), fc.constant('doc@a.test'));
  }
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 80, 200);
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: min, maxLength: Math.max(min, Math.min(max, 30)) }) },
    { weight: 1, arbitrary: fc.constant('x'.repeat(Math.max(min, max))) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.max(min, 12) }) },
  );
}

function numberArb(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lo = s.minimum ?? s.exclusiveMinimum ?? -1e6;
  const hi = s.maximum ?? s.exclusiveMaximum ?? 1e6;
  const edges = [lo, hi, 0, 1].filter((n) => n >= lo && n <= hi);
  if (integer) {
    return fc.oneof(
      fc.integer({ min: Math.ceil(Math.max(lo, -1e9)), max: Math.floor(Math.min(hi, 1e9)) }),
      fc.constantFrom(...edges.map(Math.round)),
    );
  }
  return fc.oneof(
    fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(...edges),
  );
}

/** Values that keep the schema (as far as a JSON Schema can say; refinements may still refuse them). */
export function validArb(schema: JsonSchema, ctx: GenContext, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, ctx);
  if (depth > 8) return fc.constant(s.default ?? null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alts = s.anyOf ?? s.oneOf;
  if (alts?.length) return fc.oneof(...alts.map((a) => validArb(a, ctx, depth + 1)));
  if (s.allOf?.length) return validArb(s.allOf[0]!, ctx, depth + 1);
  const type = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (type.length > 1) return fc.oneof(...type.map((t) => validArb({ ...s, type: t }, ctx, depth + 1)));
  switch (type[0]) {
    case 'string':
      return stringArb(s, ctx);
    case 'integer':
      return numberArb(s, true);
    case 'number':
      return numberArb(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = s.minItems ?? 0;
      return fc.array(validArb(s.items ?? {}, ctx, depth + 1), {
        minLength,
        maxLength: Math.max(minLength, Math.min(s.maxItems ?? 4, 4)),
      });
    }
    case 'object': {
      if (s.properties) {
        const record: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [k, v] of Object.entries(s.properties)) record[k] = validArb(v, ctx, depth + 1);
        return fc.record(record, { requiredKeys: (s.required ?? []).filter((k) => k in record) });
      }
      const values = typeof s.additionalProperties === 'object' ? s.additionalProperties : {};
      return fc.dictionary(
        s.propertyNames ? (validArb(s.propertyNames, ctx, depth + 1) as fc.Arbitrary<string>) : fc.string(),
        validArb(values, ctx, depth + 1),
        { maxKeys: 5 },
      );
    }
    default:
      // No schema (z.unknown()): any JSON.
      return fc.jsonValue({ maxDepth: 3 });
  }
}

type Path = Array<string | number>;

function leafPaths(v: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(v)) for (const [i, x] of v.entries()) leafPaths(x, [...path, i], out);
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) leafPaths(x, [...path, k], out);
  return out;
}

function setAt(root: unknown, path: Path, value: unknown, mode: 'replace' | 'delete' | 'addKey'): unknown {
  if (path.length === 0) return mode === 'replace' ? value : root;
  const copy: unknown = structuredClone(root);
  let cur = copy as Record<string | number, unknown>;
  for (const p of path.slice(0, -1)) cur = cur[p] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (mode === 'delete') {
    if (Array.isArray(cur)) cur.splice(Number(last), 1);
    else delete cur[last];
  } else if (mode === 'addKey') {
    const target = cur[last];
    if (target && typeof target === 'object' && !Array.isArray(target))
      (target as Record<string, unknown>)[String(value)] = 'unexpected';
    else cur[last] = value;
  } else cur[last] = value;
  return copy;
}

/** A value of the schema with one part broken: replaced by a hostile or wrong-typed value, removed, or extended. */
export function brokenArb(schema: JsonSchema, ctx: GenContext): fc.Arbitrary<unknown> {
  return validArb(schema, ctx).chain((v) => {
    const paths = leafPaths(v);
    return fc.tuple(fc.constantFrom(...paths), fc.nat(9)).chain(([path, kind]) => {
      if (kind <= 4) return wrongType.map((w) => setAt(v, path, w, 'replace'));
      if (kind === 5) return fc.constant(setAt(v, path, undefined, 'delete'));
      if (kind === 6)
        return fc
          .oneof(hostileString, fc.constantFrom('__proto__', 'constructor', 'x'.repeat(300)))
          .map((k) => setAt(v, path, k, 'addKey'));
      if (kind === 7) return fc.constant(setAt(v, path, deepNest(200), 'replace'));
      if (kind === 8)
        return fc.constant(
          setAt(
            v,
            path,
            Array.from({ length: 3000 }, () => 'x'),
            'replace',
          ),
        );
      return fc.constant(setAt(v, path, 'y'.repeat(100_000), 'replace'));
    });
  });
}

/** Either a value of the schema or one broken in one place (about half and half). */
export function bodyArb(schema: JsonSchema, ctx: GenContext): fc.Arbitrary<unknown> {
  return fc.oneof(validArb(schema, ctx), brokenArb(schema, ctx), wrongType);
}
