import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteDump: string;
    pgTemplate: string | null;
  }
}

const migrationsFolder = path.join(import.meta.dirname, "..", "drizzle");

/** Migrates once: a PGlite data dir dump, and (with TEST_DATABASE_URL) a PostgreSQL template database. */
export default async function setup(project: TestProject) {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const dir = mkdtempSync(path.join(tmpdir(), "spasmcare-test-"));
  const client = new PGlite();
  await migrate(drizzle(client), { migrationsFolder });
  const dump = await client.dumpDataDir("none");
  const dumpPath = path.join(dir, "migrated.tar");
  writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  await client.close();
  project.provide("pgliteDump", dumpPath);

  let template: string | null = null;
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const { guardLocalDatabase } = await import("./guard");
    guardLocalDatabase(url);
    const { default: postgres } = await import("postgres");
    const { drizzle: drizzlePg } = await import("drizzle-orm/postgres-js");
    const { migrate: migratePg } = await import("drizzle-orm/postgres-js/migrator");
    template = `spasmcare_tpl_${process.pid}_${Date.now()}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE "${template}"`);
    const tplClient = postgres(withDatabase(url, template), { max: 1, onnotice: () => {} });
    await migratePg(drizzlePg(tplClient), { migrationsFolder });
    await tplClient.end();
    await admin.end();
  }
  project.provide("pgTemplate", template);

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (url && template) {
      const { default: postgres } = await import("postgres");
      const admin = postgres(url, { max: 1, onnotice: () => {} });
      await admin.unsafe(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
      await admin.end();
    }
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
