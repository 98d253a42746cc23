import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { noteDbConnectionClosed } from "./outage";
import { preparedByDefault } from "./prepared";
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
  // A closed connection (restart, kill, stop, or an idle one retired) makes the next page load ask whether the
  // database answers before rendering (lib/db/outage.ts).
  const client = postgres(url, {
    ...postgresPoolOptions(),
    onnotice: () => {},
    onclose: noteDbConnectionClosed,
  });
  // Every query a prepared statement: one round trip instead of two, parsed once per connection (./prepared.ts).
  return {
    db: drizzle(preparedByDefault(client), { schema }) as unknown as Db,
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * The embedded server's settings on top of PGlite's own. PostgreSQL's default 128 MB of shared buffers live in the
 * WASM heap and are all resident from the start (the heap grows to ~190 MB); 16 MB holds the demo clinic's data
 * several times over. PGLITE_SHARED_BUFFERS overrides it (e.g. `64MB` for a large local data set). Measured in
 * docs/PERFORMANCE.md, "Embedded database footprint".
 */
export function pgliteStartParams(defaults: readonly string[]): string[] {
  const sharedBuffers = process.env.PGLITE_SHARED_BUFFERS || "16MB";
  if (!/^\d+(kB|MB|GB)$/.test(sharedBuffers)) throw new Error("PGLITE_SHARED_BUFFERS must look like 16MB");
  return [...defaults, "-c", `shared_buffers=${sharedBuffers}`];
}

/**
 * A fresh data dir: PGlite runs initdb in two more WASM instances (a temporary PGlite and initdb itself) inside the
 * opening process, and an idle server's garbage collector does not give their ~500 MB back. Run that first open in a
 * short-lived child process, so the memory leaves with it; this process then opens an initialised dir.
 */
async function initPgliteDir(dir: string, startParams: string[]): Promise<void> {
  if (existsSync(path.join(dir, "PG_VERSION"))) return;
  const { spawn } = await import("node:child_process");
  const script = [
    'import { PGlite } from "@electric-sql/pglite";',
    "const pg = new PGlite(process.argv[1], { startParams: JSON.parse(process.argv[2]) });",
    "await pg.waitReady;",
    "await pg.close();",
  ].join("\n");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--input-type=module", "-e", script, dir, JSON.stringify(startParams)],
      { cwd: process.cwd(), stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`PGlite initdb (child process) exited ${code}: ${stderr}`)),
    );
  });
}

async function openPglite(dir: string): Promise<{ db: Db; close: () => Promise<void> }> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  mkdirSync(dir, { recursive: true });
  const startParams = pgliteStartParams(PGlite.defaultStartParams);
  await initPgliteDir(dir, startParams);
  const client = new PGlite(dir, { startParams });
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
