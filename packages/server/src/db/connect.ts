import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './embedded-lock.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

export interface DbHandle {
  readonly db: Db;
  readonly kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

const INT8 = 20;
const INT8_ARRAY = 1016;
const NUMERIC = 1700;

/** int8 ids and counters fit in a JS number for any real deployment (2^53). */
function parseInt8(v: string): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${v} exceeds the safe integer range`);
  return n;
}

export interface PostgresOptions {
  url: string;
  /** Schema to work in (tests isolate each file in its own schema). */
  schema?: string | undefined;
  max?: number | undefined;
}

export function connectPostgres(opts: PostgresOptions): DbHandle {
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.max ?? 10,
    ...(opts.schema ? { options: `-c search_path=${opts.schema},public` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8
          ? parseInt8
          : oid === INT8_ARRAY
            ? (v: string) => (pg.types.getTypeParser(INT8_ARRAY as never, 'text') as (v: string) => string[])(v).map(parseInt8)
            : oid === NUMERIC
              ? (v: string) => Number(v)
              : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

/** Embedded PGlite in `dataDir`, or in memory when `dataDir` is undefined (tests). */
export async function connectPglite(dataDir: string | undefined): Promise<DbHandle> {
  let unlock = () => {};
  if (dataDir) {
    mkdirSync(path.resolve(dataDir), { recursive: true });
    unlock = lockDataDir(path.resolve(dataDir));
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(dataDir ? { dataDir: path.resolve(dataDir) } : {}),
      extensions: { pg_trgm },
      parsers: { [INT8]: parseInt8, [NUMERIC]: (v: string) => Number(v) },
    });
  } catch (e) {
    unlock();
    throw e;
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      unlock();
    },
  };
}

export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
