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

async function openPostgres(url: string): Promise<{ db: Db; close: () => Promise<void> }> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const client = postgres(url, { max: Number(process.env.DB_POOL_MAX ?? 10), onnotice: () => {} });
  return { db: drizzle(client, { schema }) as unknown as Db, close: () => client.end() };
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
