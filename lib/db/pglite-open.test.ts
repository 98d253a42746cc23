// The embedded database as the server opens it (lib/db/index.ts openPglite): a fresh data dir is initialised by a
// child process, then opened here with 16 MB of shared buffers (docs/PERFORMANCE.md, "Embedded database footprint").
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb, pgliteStartParams, setDb } from "./index";

const saved = {
  url: process.env.DATABASE_URL,
  dir: process.env.PGLITE_DIR,
  sb: process.env.PGLITE_SHARED_BUFFERS,
};
const dir = mkdtempSync(path.join(os.tmpdir(), "spasmcare-pglite-open-"));

afterAll(async () => {
  await closeDb();
  setDb(undefined);
  for (const [k, v] of [
    ["DATABASE_URL", saved.url],
    ["PGLITE_DIR", saved.dir],
    ["PGLITE_SHARED_BUFFERS", saved.sb],
  ] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe("embedded database settings", () => {
  it("adds shared_buffers to PGlite's own start parameters, 16MB unless PGLITE_SHARED_BUFFERS says otherwise", () => {
    delete process.env.PGLITE_SHARED_BUFFERS;
    expect(pgliteStartParams(["--single", "-F"])).toEqual(["--single", "-F", "-c", "shared_buffers=16MB"]);
    process.env.PGLITE_SHARED_BUFFERS = "48MB";
    expect(pgliteStartParams([]).at(-1)).toBe("shared_buffers=48MB");
    process.env.PGLITE_SHARED_BUFFERS = "16MB; drop table users";
    expect(() => pgliteStartParams([])).toThrow(/PGLITE_SHARED_BUFFERS/);
    delete process.env.PGLITE_SHARED_BUFFERS;
  });

  it(
    "initialises a fresh data dir, migrates it and runs with 16 MB of shared buffers",
    { timeout: 180_000 },
    async () => {
      delete process.env.DATABASE_URL;
      process.env.PGLITE_DIR = path.join(dir, "data");
      setDb(undefined);
      const db = await getDb();
      expect(existsSync(path.join(dir, "data", "PG_VERSION"))).toBe(true);
      const rows = (await db.execute(sql`show shared_buffers`)) as unknown as {
        rows: { shared_buffers: string }[];
      };
      expect(rows.rows[0].shared_buffers).toBe("16MB");
      const tables = (await db.execute(
        sql`select count(*)::int as n from information_schema.tables where table_name = 'audit_events'`,
      )) as unknown as { rows: { n: number }[] };
      expect(tables.rows[0].n).toBe(1);
    },
  );
});
