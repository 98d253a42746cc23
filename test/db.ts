import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { setDb, type Db } from "@/lib/db";
import { preparedByDefault } from "@/lib/db/prepared";
import * as schema from "@/lib/db/schema";
import { withDatabase } from "./global-setup";

export type TestDbKind = "pglite" | "postgres";
type Opened = { db: Db; close: () => Promise<void> };

export function dbKinds(): TestDbKind[] {
  return inject("pgTemplate") ? ["pglite", "postgres"] : ["pglite"];
}

/** A fresh, migrated database for one test file (copied from the one migrated in global setup). */
export async function openTestDb(kind: TestDbKind): Promise<Opened> {
  if (kind === "pglite") {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const client = new PGlite({ loadDataDir: new Blob([readFileSync(inject("pgliteDump"))]) });
    return { db: drizzle(client, { schema }) as unknown as Db, close: () => client.close() };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const template = inject("pgTemplate")!;
  const name = `spasmcare_t_${randomBytes(6).toString("hex")}`;
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const client = postgres(withDatabase(url, name), { max: 4, onnotice: () => {} });
  return {
    // As lib/db sends them: every query a prepared statement.
    db: drizzle(preparedByDefault(client), { schema }) as unknown as Db,
    close: async () => {
      await client.end();
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Runs the same suite on PGlite, and on PostgreSQL too when TEST_DATABASE_URL is set. */
export function describeDb(name: string, suite: (ctx: { db: () => Db; kind: TestDbKind }) => void): void {
  for (const kind of dbKinds()) {
    describe(`${name} [${kind}]`, () => {
      let opened: Opened | undefined;
      beforeAll(async () => {
        opened = await openTestDb(kind);
        setDb(opened.db);
      });
      afterAll(async () => {
        setDb(undefined);
        await opened?.close();
      });
      suite({ db: () => opened!.db, kind });
    });
  }
}
