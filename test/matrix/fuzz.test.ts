// Property-based bad input (issue 11, point 9): fast-check throws malformed payloads at every zod schema in
// lib/validations and at every server action and route handler (as the principal the action allows, so the
// payload gets past the session check). Never a thrown error or a "failed" answer (a 500 over HTTP), never a row
// written by a refused call, never a payload string in a log line. FUZZ_RUNS scales the number of runs.
import { readdirSync } from "node:fs";
import path from "node:path";
import { format } from "node:util";
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDb, type Db } from "@/lib/db";
import { rowsOf } from "@/lib/dal/queue";
import { openTestDb } from "@/test/db";
import { buildWorld, claimsOf, outcomeOf, type Principal } from "./harness";
import { actAs } from "./mocks";
import { ROWS, type Row } from "./rows";

vi.mock("@/lib/auth/auth", async () => (await import("./mocks")).authModule);
vi.mock("next/headers", async () => (await import("./mocks")).headersModule);
vi.mock("next/cache", async () => (await import("./mocks")).cacheModule);
vi.mock("next-auth", async () => (await import("./mocks")).nextAuthModule);
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

const root = path.resolve(import.meta.dirname, "../..");
const RUNS = Number(process.env.FUZZ_RUNS ?? 2);
/** 300 per endpoint × 34+ endpoints ≥ 10 000 payloads per run of npm test (FUZZ_RUNS=1 halves it). */
const RUNS_PER_ENDPOINT = 150 * RUNS;
const KNOWN_FIELDS: Record<string, string[]> = {};
const MARK = "PHI_";

// ---- payloads
const nasty = fc.constantFrom(
  "\u0000",
  "\u0007",
  "\u001b[2J",
  "\u007f",
  "\u202e",
  "\ud800",
  "'",
  '"',
  "\\",
  "%00",
  "é",
  "😀",
  "\n",
  "--",
  ";",
  "9999-99-99",
  "1e309",
  "NaN",
  "null",
);
/** Strings we can find again: every one carries the marker, so a log line that echoes any of them is caught. */
const markedString = fc.oneof(
  fc
    .array(fc.oneof(nasty, fc.string({ maxLength: 8 })), { maxLength: 6 })
    .map((parts) => MARK + parts.join("")),
  fc.constant(MARK + "x".repeat(5000)),
);
const junk: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: markedString },
  fc.constantFrom(
    "",
    " ",
    null,
    undefined,
    true,
    false,
    0,
    -1,
    1.5,
    Number.NaN,
    Infinity,
    -Infinity,
    2 ** 53,
  ),
  fc.integer(),
  fc.array(markedString, { maxLength: 3 }),
  fc.dictionary(markedString, markedString, { maxKeys: 3 }),
  fc.constant({ __proto__: { polluted: MARK } }),
);

type Path = (string | number)[];
function leafPaths(value: unknown, at: Path = []): Path[] {
  if (Array.isArray(value)) return [at, ...value.flatMap((v, i) => leafPaths(v, [...at, i]))];
  if (value && typeof value === "object")
    return [at, ...Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...at, k]))];
  return [at];
}
function setAt(value: unknown, at: Path, next: unknown, drop: boolean): unknown {
  if (at.length === 0) return next;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  const [head, ...rest] = at;
  if (drop && rest.length === 0) delete copy[head];
  else copy[head] = setAt(copy[head], rest, next, drop);
  return copy;
}
/** A valid value with one field (at any depth) replaced by junk or removed, or an extra field added. */
function mutationsOf(template: unknown): fc.Arbitrary<unknown> {
  const paths = leafPaths(template);
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(fc.constantFrom(...paths), junk, fc.boolean())
        .map(([p, j, d]) => setAt(template, p, j, d && p.length > 0)),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(markedString, junk).map(([k, j]) => ({ ...(template as object), [k]: j })),
    },
    { weight: 1, arbitrary: fc.anything() },
  );
}
function asText(v: unknown): string {
  try {
    return typeof v === "string" ? v : (JSON.stringify(v) ?? "");
  } catch {
    return "";
  }
}
function formDataOf(entries: Record<string, unknown>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries))
    for (const one of Array.isArray(v) ? v : [v]) if (one !== undefined) fd.append(k, asText(one));
  return fd;
}

// ---- what the run must never see
let logged: string[] = [];
function captureLogs() {
  for (const level of ["error", "warn", "log", "info", "debug"] as const)
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(format(...args)));
}
const MAIN_TABLES = [
  "users",
  "patient_profiles",
  "spasm_reports",
  "report_sites",
  "evaluations",
  "mas_scores",
  "suspected_causes",
  "suspected_cause_changes",
  "treatment_plans",
  "plan_items",
  "injections",
  "injection_sites",
  "referrals",
  "break_glass_grants",
  "notifications",
  "clinic_settings",
  "triage_cases",
];
async function rowCounts(db: Db): Promise<string> {
  const q = MAIN_TABLES.map((t) => `(select count(*) from "${t}")`).join(" || ',' || ");
  return rowsOf<{ c: string }>(await db.execute(sql.raw(`select ${q} as c`)))[0].c;
}

// ---------------------------------------------------------------------------------------------------------------
describe("fuzz: every zod schema in lib/validations", () => {
  const files = readdirSync(path.join(root, "lib/validations")).filter(
    (f) => f.endsWith(".ts") && !f.endsWith(".test.ts"),
  );
  it("never throws on malformed input and never echoes it in an issue message", async () => {
    let schemas = 0;
    for (const file of files) {
      const mod = (await import(/* @vite-ignore */ path.join(root, "lib/validations", file))) as Record<
        string,
        unknown
      >;
      for (const [name, schema] of Object.entries(mod)) {
        if (!schema || typeof (schema as { safeParse?: unknown }).safeParse !== "function") continue;
        schemas++;
        const s = schema as {
          safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } };
        };
        fc.assert(
          fc.property(fc.oneof(fc.anything(), junk, fc.dictionary(fc.string(), junk)), (input) => {
            // Open finding: reportSchema reads a field of its input before checking it is an object.
            fc.pre(!(name === "reportSchema" && (input === null || typeof input !== "object")));
            const r = s.safeParse(input);
            for (const issue of r.error?.issues ?? [])
              expect(issue.message, `${file}#${name}`).not.toContain(MARK);
          }),
          { numRuns: 300 * RUNS },
        );
      }
    }
    expect(schemas).toBeGreaterThan(30);
  });

  it("reportSchema.safeParse(null) answers an issue instead of throwing", async () => {
    const { reportSchema } = await import("@/lib/validations/report");
    expect(() => reportSchema.safeParse(null)).not.toThrow();
  });
});

// Open findings (docs/SECURITY.md, "Open findings"). Each still runs, as it.fails: once fixed, its test fails
// until the entry is removed here, so the list cannot outlive the bug.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** Free-text fields that still let a NUL through to the database (answered "failed", a 500 over HTTP). */
const KNOWN_CONTROL_CHAR_FIELDS: Record<string, string[]> = KNOWN_FIELDS;
/** Form actions that read `formData.get` without checking it is a FormData: any other argument over HTTP throws (500). */
const KNOWN_NON_FORMDATA_THROWS: string[] = [];

function hasControlIn(value: unknown, names: readonly string[]): boolean {
  if (value instanceof FormData)
    return names.some((n) => value.getAll(n).some((v) => CONTROL.test(asText(v))));
  if (!value || typeof value !== "object") return false;
  return Object.entries(value).some(
    ([k, v]) => (names.includes(k) && typeof v === "string" && CONTROL.test(v)) || hasControlIn(v, names),
  );
}
/** The valid call with a NUL in one string field at a time: every free-text field, deterministically. */
function nulInEachField(template: unknown[]): unknown[][] {
  const NUL = `${MARK}a\u0000b`;
  if (template[1] instanceof FormData) {
    const fields = Object.fromEntries(groupEntries(template[1]));
    return Object.keys(fields).map((k) => [template[0], formDataOf({ ...fields, [k]: NUL })]);
  }
  if (!template[0] || typeof template[0] !== "object") return [];
  return leafPaths(template[0])
    .filter(
      (p) =>
        p.length > 0 &&
        typeof p.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], template[0]) === "string",
    )
    .map((p) => [setAt(template[0], p, NUL, false)]);
}

describe("fuzz: server actions and route handlers", () => {
  let db: Db;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const opened = await openTestDb("pglite");
    ({ db, close } = opened);
    setDb(db);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    setDb(undefined);
    await close?.();
  });

  /** A live principal the row allows; else the MFA-pending sign-in when only it is allowed (the /mfa step). */
  const live = (row: Row): Principal =>
    (row.allow.find((p) => p !== "anonymous" && p !== "signedOutCookie" && p !== "mfaPendingDoctor") ??
      row.allow.find((p) => p === "mfaPendingDoctor") ??
      row.owner) as Principal;

  /** Runs the payloads as the row's allowed principal; returns what went wrong (empty when nothing did). */
  async function fuzz(
    row: Row,
    args: (template: unknown[]) => fc.Arbitrary<unknown[]>,
    runs: number,
    examples: (template: unknown[]) => unknown[][] = () => [],
  ) {
    const [file, name] = row.key.split("#");
    const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
    const endpoint = mod[name] as (...a: unknown[]) => Promise<unknown>;
    const world = await buildWorld(db);
    const template = await row.args(world);
    const claims = await claimsOf(world, live(row), row.owner);
    logged = [];
    captureLogs();
    const problems: string[] = [];
    let baseline = await rowCounts(db);
    try {
      await fc.assert(
        fc.asyncProperty(args(template), async (a) => {
          actAs(claims);
          let outcome;
          try {
            outcome = await outcomeOf(() => endpoint(...a));
          } catch (err) {
            problems.push(`threw ${(err as Error)?.name}: ${(err as Error)?.message?.slice(0, 80)}`);
            return false;
          }
          const after = await rowCounts(db);
          if (outcome.outcome === "refused" && after !== baseline) {
            problems.push(`refused (${outcome.detail}) but wrote`);
            return false;
          }
          baseline = after;
          return true;
        }),
        { numRuns: runs, endOnFailure: true, examples: examples(template).map((e) => [e]) },
      );
    } catch (err) {
      problems.push((err as Error).message.split("\n").slice(0, 3).join(" "));
    } finally {
      vi.restoreAllMocks();
    }
    problems.push(...logged.filter((line) => line.includes(MARK)).map((l) => `logged: ${l.slice(0, 200)}`));
    return problems;
  }

  for (const row of ROWS.filter((r) => !r.httpOnly)) {
    const isRoute = row.key.includes("/route.ts#");
    const known = KNOWN_CONTROL_CHAR_FIELDS[row.key] ?? [];
    const clean = (a: unknown[]) => !a.some((v) => hasControlIn(v, known));
    it(row.key, async () => {
      const problems = await fuzz(
        row,
        (template) => {
          if (isRoute) return routeArgs(template[0] as NextRequest);
          if (template[1] instanceof FormData) {
            const fields = Object.fromEntries(groupEntries(template[1]));
            return mutationsOf(fields)
              .map((v) => [
                template[0],
                formDataOf(v && typeof v === "object" ? (v as Record<string, unknown>) : { junk: v }),
              ])
              .filter(clean);
          }
          if (template.length === 0) return fc.array(junk, { maxLength: 2 });
          return mutationsOf(template[0])
            .map((v) => [v])
            .filter(clean);
        },
        RUNS_PER_ENDPOINT,
        (template) => nulInEachField(template).filter(clean),
      );
      expect(problems).toEqual([]);
    });
    if (known.length)
      it.fails(`open finding: ${row.key} lets a NUL in ${known.join(", ")} reach the database`, async () => {
        const problems = await fuzz(
          row,
          (template) => fc.constantFrom(...nulInEachField(template).filter((a) => !clean(a))),
          20,
        );
        expect(problems).toEqual([]);
      });
  }

  it("lists every form action (a row whose valid call passes a FormData) for the non-FormData check", async () => {
    const forms: string[] = [];
    for (const row of ROWS.filter((r) => !r.httpOnly && !r.key.includes("/route.ts#")))
      if ((await row.args(await buildWorld(db))).some((a) => a instanceof FormData)) forms.push(row.key);
    expect(forms.sort()).toEqual([...FORM_ACTIONS].sort());
  });

  for (const row of ROWS.filter((r) => FORM_ACTIONS.includes(r.key))) {
    const test = KNOWN_NON_FORMDATA_THROWS.includes(row.key) ? it.fails : it;
    test(`open finding: ${row.key} with something else than FormData throws`, async () => {
      const problems = await fuzz(row, () => fc.tuple(fc.anything(), fc.oneof(fc.anything(), junk)), 50);
      expect(problems).toEqual([]);
    });
  }
});

const FORM_ACTIONS = [
  "app/(patient)/patient/profile/actions.ts#updateProfileAction",
  "app/(patient)/patient/reports/actions.ts#withdrawReportAction",
  "app/(patient)/patient/reports/new/actions.ts#createReportAction",
  "app/(auth)/actions.ts#signInAction",
  "app/(auth)/actions.ts#registerAction",
  "app/(auth)/change-password/actions.ts#changeTemporaryPasswordAction",
  "app/(auth)/mfa/actions.ts#verifyMfaAction",
  "app/(auth)/mfa/actions.ts#confirmEnrolmentAction",
  "app/(auth)/mfa/actions.ts#disableMfaAction",
  "app/(account)/account/actions.ts#changeOwnPasswordAction",
  "app/(account)/account/actions.ts#changeOwnEmailAction",
];

function groupEntries(fd: FormData): [string, string | string[]][] {
  const out = new Map<string, string | string[]>();
  for (const [k, v] of fd) {
    const prev = out.get(k);
    out.set(k, prev === undefined ? String(v) : [prev, String(v)].flat());
  }
  return [...out];
}

/** Route handlers: junk in the query string, junk JSON and wrong content types in the body. */
function routeArgs(template: NextRequest): fc.Arbitrary<unknown[]> {
  const url = new URL(template.url);
  const query = fc.dictionary(
    fc.oneof(
      fc.constantFrom("limit", "scope", "level", "page", "from", "to", "action", "actor", "outcome"),
      markedString,
    ),
    fc.oneof(markedString, fc.integer().map(String)),
    { maxKeys: 4 },
  );
  if (template.method === "GET")
    return query.map((q) => [
      new NextRequest(`${url.origin}${url.pathname}?${new URLSearchParams(q as Record<string, string>)}`),
    ]);
  return fc
    .tuple(
      fc.oneof(
        fc.anything().map((v) => JSON.stringify(v) ?? ""),
        markedString,
      ),
      fc.constantFrom(
        "application/json",
        "text/plain",
        "application/json; charset=utf-8",
        "multipart/form-data",
      ),
    )
    .map(([body, type]) => [
      new NextRequest(url, { method: "POST", headers: { "content-type": type }, body }),
    ]);
}
