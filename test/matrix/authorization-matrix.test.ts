// The authorization matrix (issue 11, point 8): every server action and route handler, called directly as each
// of eight principals, is allowed or refused as its row says, and a refusal writes nothing. The rows are checked
// against the source tree, so an endpoint added without a row fails here.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDb } from "@/lib/db";
import { openTestDb } from "@/test/db";
import { enumerateEndpoints } from "./enumerate";
import {
  buildWorld,
  changedTables,
  claimsOf,
  fingerprint,
  outcomeOf,
  PRINCIPALS,
  type Outcome,
} from "./harness";
import { actAs } from "./mocks";
import { ROWS } from "./rows";

vi.mock("@/lib/auth/auth", async () => (await import("./mocks")).authModule);
vi.mock("next/headers", async () => (await import("./mocks")).headersModule);
vi.mock("next/cache", async () => (await import("./mocks")).cacheModule);
vi.mock("next-auth", async () => (await import("./mocks")).nextAuthModule);
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

const root = path.resolve(import.meta.dirname, "../..");

describe("authorization matrix: rows", () => {
  const { endpoints, inline } = enumerateEndpoints(root);
  const rowKeys = new Set(ROWS.map((r) => r.key));

  it("has a row for every server action and route handler in the tree", () => {
    const missing = endpoints.filter((e) => !rowKeys.has(e.key)).map((e) => e.key);
    expect(missing, "add a row to test/matrix/rows.ts for each").toEqual([]);
  });

  it("has no row for an endpoint that no longer exists", () => {
    const known = new Set(endpoints.map((e) => e.key));
    expect(ROWS.map((r) => r.key).filter((k) => !known.has(k))).toEqual([]);
  });

  it("finds no inline 'use server' function (the matrix can only call module-level actions)", () => {
    expect(inline).toEqual([]);
  });
});

describe("authorization matrix: cells", () => {
  let close: (() => Promise<void>) | undefined;
  let db: Awaited<ReturnType<typeof openTestDb>>["db"];
  beforeAll(async () => {
    const opened = await openTestDb("pglite");
    db = opened.db;
    close = opened.close;
    setDb(db);
  });
  afterAll(async () => {
    setDb(undefined);
    await close?.();
  });

  for (const row of ROWS.filter((r) => !r.httpOnly)) {
    it(row.key, async () => {
      const [file, name] = row.key.split("#");
      const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
      const endpoint = mod[name] as (...args: unknown[]) => Promise<unknown>;
      expect(typeof endpoint, `${name} is exported`).toBe("function");
      const got: Record<string, string> = {};
      const want: Record<string, string> = {};
      for (const principal of PRINCIPALS) {
        const world = await buildWorld(db);
        const args = await row.args(world);
        actAs(await claimsOf(world, principal, row.owner));
        const before = await fingerprint(db);
        let result: Outcome;
        try {
          result = await outcomeOf(() => endpoint(...args));
        } catch (err) {
          got[principal] = `threw ${(err as Error)?.name}: ${(err as Error)?.message?.slice(0, 120)}`;
          want[principal] = row.allow.includes(principal) ? "ok" : "refused";
          continue;
        }
        const written = changedTables(before, await fingerprint(db));
        const outcome =
          row.judgeByWrites || result.outcome === "none"
            ? written.length
              ? "ok"
              : "refused"
            : result.outcome;
        const expected = row.allow.includes(principal) ? "ok" : "refused";
        want[principal] = expected;
        got[principal] =
          outcome === "refused" && written.length
            ? `refused (${result.detail}) but wrote ${written.join(", ")}`
            : outcome === expected
              ? expected
              : `${outcome} (${result.detail})`;
      }
      expect(got).toEqual(want);
    });
  }
});
