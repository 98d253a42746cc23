import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";

/** One type for both drivers (and for a transaction, which is a PgDatabase too). */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

type Holder = { db?: Promise<Db>; close?: () => Promise<void> };
const g = globalThis as typeof globalThis & { __spasmcareDb?: Holder };
const holder: Holder = (g.__spasmcareDb ??= {});

export const migrationsFolder = path.join(process.cwd(), "drizzle");

export function pgliteDir(): string {
  return process.env.PGLITE_DIR ?? path.join(process.cwd(), ".data", "pglite");
}

const envNumber = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return process.env[name] !== undefined && process.env[name] !== "" && Number.isFinite(v) && v >= 0
    ? v
    : fallback;
};

/**
 * The pool configured for failure (issue 9): a connection attempt gives up after a few seconds instead of 30, idle
 * and old connections are replaced (so none outlives a database restart for long), and the server itself cancels a
 * statement or an abandoned transaction that runs too long. A broken connection is dropped by postgres.js on its
 * socket's close; scripts/patch-postgres.mjs (postinstall) makes sure the slot then reconnects cleanly.
 */
export function postgresPoolOptions() {
  return {
    max: envNumber("DB_POOL_MAX", 10),
    /** Seconds to open a connection (TCP + startup + auth). */
    connect_timeout: envNumber("DB_CONNECT_TIMEOUT_S", 3),
    /** Seconds an unused connection stays open. */
    idle_timeout: envNumber("DB_IDLE_TIMEOUT_S", 30),
    /** Seconds a connection lives at most (replaced once idle). */
    max_lifetime: envNumber("DB_MAX_LIFETIME_S", 15 * 60),
    /**
     * Seconds before a failed connection retries. The default grows with a counter shared by the whole pool and
     * reset only by a successful connect (3^n / 100, up to 20 s): after one outage every slot waited up to 20 s
     * and requests queued behind it, long after the database was back. Capped at one second here.
     */
    backoff: (attempt: number) => (0.5 + Math.random() / 2) * Math.min(0.05 * 2 ** attempt, 1),
    /** TCP keep-alive probe interval in seconds: a silently dead peer is noticed. */
    keep_alive: 15,
    connection: {
      application_name: "spasmcare",
      // Milliseconds; 0 turns it off (a long migration on a large database).
      statement_timeout: envNumber("DB_STATEMENT_TIMEOUT_MS", 10_000),
      idle_in_transaction_session_timeout: envNumber("DB_IDLE_IN_TRANSACTION_TIMEOUT_MS", 15_000),
    },
  };
}

async function openPostgres(url: string): Promise<{ db: Db; close: () => Promise<void> }> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const client = postgres(url, { ...postgresPoolOptions(), onnotice: () => {} });
  return { db: drizzle(client, { schema }) as unknown as Db, close: () => client.end({ timeout: 5 }) };
}

async function openPglite(dir: string): Promise<{ db: Db; close: () => Promise<void> }> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir);
  const db = drizzle(client, { schema });
  // The embedded database lives in this process only (no cross-process lock), so it migrates itself here.
  await migrate(db, { migrationsFolder });
  if (process.env.NODE_ENV === "development" || process.env.SPASMCARE_AUTO_SEED === "1") {
    const { seedIfEmpty } = await import("./seed");
    await seedIfEmpty(db as unknown as Db);
  }
  return { db: db as unknown as Db, close: () => client.close() };
}

/** The process-wide database: PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite under .data/. */
export function getDb(): Promise<Db> {
  if (!holder.db) {
    const url = process.env.DATABASE_URL;
    const opened = url ? openPostgres(url) : openPglite(pgliteDir());
    holder.db = opened.then((o) => {
      holder.close = o.close;
      return o.db;
    });
    holder.db.catch(() => {
      holder.db = undefined;
    });
  }
  return holder.db;
}

/** Tests point the DAL at their own fresh database. */
export function setDb(db: Db | undefined): void {
  holder.db = db ? Promise.resolve(db) : undefined;
  holder.close = undefined;
}

export async function closeDb(): Promise<void> {
  await holder.close?.();
  holder.db = undefined;
  holder.close = undefined;
}

export { schema };
