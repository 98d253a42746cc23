// PostgreSQL plumbing for the bench: local-only guard, fresh bench databases (created, marked complete by a
// database comment, reused when complete) and drizzle handles built like lib/db's.
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import type { Db } from "@/lib/db";
import { preparedByDefault } from "@/lib/db/prepared";
import * as schema from "@/lib/db/schema";
import { migrateDb } from "@/lib/db/migrate";
import { BENCH_DATA_VERSION, seedBench, type SeedOptions, type SeedSummary } from "./seed";

const MARK = "spasmcare-bench";

export function isLocalUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  return host === "" || host === "localhost" || host === "::1" || /^127\./.test(host);
}

export function assertLocal(url: string): void {
  if (!isLocalUrl(url)) {
    throw new Error(
      `refusing to touch a non-local database (${new URL(url).hostname}); the bench is for 127.0.0.1`,
    );
  }
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export function safeName(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`bad database name: ${name}`);
  return name;
}

export type BenchMark = SeedSummary & {
  complete: true;
  version: number;
  options: { patients: number; reports: number };
};

export type Handle = { db: Db; client: postgres.Sql; close: () => Promise<void> };

export function open(
  url: string,
  opts: {
    max?: number;
    logQuery?: (q: string, p: unknown[]) => void;
    /** Every query a prepared statement, as lib/db sends them (for measuring; the seed keeps plain queries). */
    prepared?: boolean;
  } = {},
): Handle {
  const client = postgres(url, { max: opts.max ?? 1, onnotice: () => {} });
  const db = drizzle(opts.prepared ? preparedByDefault(client) : client, {
    schema,
    logger: opts.logQuery ? { logQuery: opts.logQuery } : undefined,
  }) as unknown as Db;
  return { db, client, close: () => client.end() };
}

async function admin<T>(url: string, work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(withDatabase(url, "postgres"), { max: 1, onnotice: () => {} });
  try {
    return await work(sql);
  } finally {
    await sql.end();
  }
}

/** The bench mark of a database (null when it does not exist, undefined when it exists but is not a bench one). */
export async function readMark(url: string, name: string): Promise<BenchMark | null | undefined> {
  return admin(url, async (sql) => {
    const rows = await sql<{ comment: string | null }[]>`
      select shobj_description(oid, 'pg_database') as comment from pg_database where datname = ${name}`;
    if (rows.length === 0) return null;
    const comment = rows[0].comment ?? "";
    if (!comment.startsWith(MARK)) return undefined;
    try {
      return JSON.parse(comment.slice(MARK.length + 1)) as BenchMark;
    } catch {
      return { complete: false } as unknown as BenchMark;
    }
  });
}

/**
 * (Re)creates `name` as a fresh bench database, migrates, seeds and marks it complete. An existing database is
 * dropped only when it is a bench database (or `force`); anything else is refused.
 */
export async function createBenchDatabase(
  url: string,
  name: string,
  seed: Omit<SeedOptions, "bulk">,
  opts: { force?: boolean } = {},
): Promise<BenchMark> {
  assertLocal(url);
  safeName(name);
  const mark = await readMark(url, name);
  if (mark === undefined && !opts.force) {
    throw new Error(
      `database ${name} exists and is not a bench database: refusing to drop it (use --yes to force)`,
    );
  }
  await admin(url, async (sql) => {
    if (mark !== null) await sql.unsafe(`drop database "${name}" with (force)`);
    await sql.unsafe(`create database "${name}"`);
    await sql.unsafe(`comment on database "${name}" is '${MARK} {"complete":false}'`);
  });
  const target = withDatabase(url, name);
  const h = open(target);
  try {
    await migrateDb(h.db, "postgres");
    const summary = await seedBench(h.db, { ...seed, bulk: true });
    const done: BenchMark = {
      ...summary,
      complete: true,
      version: BENCH_DATA_VERSION,
      options: { patients: seed.patients, reports: seed.reports },
    };
    await admin(url, (sql) =>
      sql.unsafe(`comment on database "${name}" is '${MARK} ${JSON.stringify(done).replace(/'/g, "''")}'`),
    );
    return done;
  } finally {
    await h.close();
  }
}

/** Reuses `name` when it holds a complete bench of these sizes, else builds it. */
export async function ensureBenchDatabase(
  url: string,
  name: string,
  seed: Omit<SeedOptions, "bulk">,
): Promise<{ mark: BenchMark; reused: boolean; url: string }> {
  const mark = await readMark(url, name);
  if (
    mark &&
    mark.complete &&
    mark.version === BENCH_DATA_VERSION &&
    mark.options?.patients === seed.patients &&
    mark.options?.reports === seed.reports
  ) {
    // Migrations added since the database was built apply to it too (the DAL reads the current schema).
    const h = open(withDatabase(url, name));
    try {
      await migrateDb(h.db, "postgres");
    } finally {
      await h.close();
    }
    return { mark, reused: true, url: withDatabase(url, name) };
  }
  return { mark: await createBenchDatabase(url, name, seed), reused: false, url: withDatabase(url, name) };
}
