// `npm run bench [-- --quick] [-- --rounds N]`: one table of the data-path figures, each beside its baseline measured
// in the same run (a bare `select 1` round trip on the same connection), with the budgets enforced (exit 1).
// PostgreSQL when DATABASE_URL is set (or, with --quick, TEST_DATABASE_URL): bench databases of 10 k, 100 k and
// 1 M reports are built by the generator (bench/seed.ts) or reused when complete. Otherwise PGlite, small sizes.
// Run through `node --import tsx --import ./bench/server-only-hook.mjs` so the real DAL modules load outside Next.
import { mkdirSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { setDb, type Db } from "@/lib/db";
import { listTriageQueue } from "@/lib/dal/queue";
import { getCaseTimeline } from "@/lib/dal/case";
import { listOwnReports } from "@/lib/dal/report-history";
import { listAuditEvents } from "@/lib/dal/admin-audit";
import { listOwnAccessLog } from "@/lib/dal/access-log";
import type { Actor } from "@/lib/permissions";
import type { QueueQuery } from "@/lib/validations/queue";
import type { AuditFilters } from "@/lib/validations/admin";
import { seedBench } from "@/bench/seed";
import { assertLocal, ensureBenchDatabase, open } from "@/bench/pg";
import { explainSummary, type ExplainNode } from "@/bench/explain";
import {
  explainCases,
  planActors,
  planCases,
  planLine,
  type Capture,
  type PlanActors,
  type PlanResult,
  BIG_TABLES,
} from "@/bench/plans";
import {
  actionId,
  benchPrincipals,
  DOCTOR_VS_LOGIN_BUDGET,
  encodeAction,
  firstLoadJs,
  JS_OWN_BUDGET_KB,
  JS_TOTAL_BUDGET_KB,
  loadLine,
  measureThroughput,
  routerStateTree,
  sessionCookies,
  startServer,
  SUBMIT_VS_BARE_BUDGET,
  type RouteJs,
  type Throughput,
} from "@/bench/web";

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    rounds: { type: "string" },
    "no-extras": { type: "boolean", default: false },
    // The web half (issue 8): a finished production build in this dist dir, served by `next start` on the largest
    // bench database. First-load JS per route always; throughput with autocannon unless --no-throughput.
    web: { type: "string" },
    "web-root": { type: "string" },
    "web-port": { type: "string", default: "3490" },
    "web-only": { type: "boolean", default: false },
    "no-throughput": { type: "boolean", default: false },
    /** With --web: only the two actions' throughput (bare vs createReportAction), no first-load JS, no pages. */
    "submit-only": { type: "boolean", default: false },
    /** With --web: only the two pages' throughput (/login vs /doctor), no first-load JS, no actions. */
    "pages-only": { type: "boolean", default: false },
    /** Exit 1 when a route breaks the first-load JS budget (reported either way). */
    "enforce-js": { type: "boolean", default: false },
    // The CI step of `npm test` (scripts/test.mjs, after the build): --quick on TEST_DATABASE_URL's server in a
    // database of its own, created and dropped by the run, plus the first-load JS budget of the build `npm test`
    // just made (NEXT_DIST_DIR or .next), enforced; no throughput. Without TEST_DATABASE_URL it says so and exits 0.
    ci: { type: "boolean", default: false },
  },
});

const CI = args.ci;
if (CI) {
  args.quick = true;
  args.web ??= process.env.NEXT_DIST_DIR || ".next";
  args["enforce-js"] = true;
  args["no-throughput"] = true;
}
const QUICK = args.quick;
const CANDIDATE_URL = CI
  ? process.env.TEST_DATABASE_URL
  : (process.env.DATABASE_URL ?? (QUICK ? process.env.TEST_DATABASE_URL : undefined));
/** Bench database names; a CI run's are its own and dropped at the end. */
const DB_PREFIX = CI ? `spasmcare_ci${process.pid}_bench` : "spasmcare_bench";
let URL_: string | undefined;
const ROUNDS = Number(args.rounds ?? (QUICK ? 30 : 60));
const WARMUP = QUICK ? 3 : 5;
const RESULTS = path.join(process.cwd(), "bench", "results");
const log = (line: string) => process.stderr.write(`${line}\n`);

// ---------- budgets (issue 6 / issue 8) ----------
// BENCH_BUDGET_* in the environment replace a budget for one run (to see a check fail, or hold); the header says so.
const overridden: string[] = [];
function budget(name: string, fallback: number): number {
  const v = process.env[`BENCH_BUDGET_${name}`];
  if (v === undefined || v === "") return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`BENCH_BUDGET_${name} must be a positive number`);
  overridden.push(`${name}=${n} (default ${fallback})`);
  return n;
}
const QUEUE_P95_BUDGET_MS = budget("QUEUE_P95_MS", 20);
const QUEUE_GROWTH_BUDGET = budget("QUEUE_GROWTH", 2);
// The JS budget is read in bench/web.ts; named here when replaced.
for (const [name, kb] of [
  ["JS_TOTAL_KB", JS_TOTAL_BUDGET_KB],
  ["JS_OWN_KB", JS_OWN_BUDGET_KB],
] as const) {
  if (process.env[`BENCH_BUDGET_${name}`]) {
    if (!(kb > 0)) throw new Error(`BENCH_BUDGET_${name} must be a positive number`);
    overridden.push(`${name}=${kb}`);
  }
}

type Size = { label: string; patients: number; reports: number };
// Quick (CI): 1 k beside 10 k, so the queue's growth is measured in the same run whatever the machine's load.
const PG_SIZES: Size[] = QUICK
  ? [
      { label: "1k", patients: 100, reports: 1_000 },
      { label: "10k", patients: 1_000, reports: 10_000 },
    ]
  : [
      { label: "10k", patients: 1_000, reports: 10_000 },
      { label: "100k", patients: 10_000, reports: 100_000 },
      { label: "1m", patients: 100_000, reports: 1_000_000 },
    ];
const PGLITE_SIZES: Size[] = QUICK
  ? [{ label: "10k", patients: 1_000, reports: 10_000 }]
  : [
      { label: "1k", patients: 100, reports: 1_000 },
      { label: "10k", patients: 1_000, reports: 10_000 },
    ];

type Target = {
  size: Size;
  db: Db;
  /** Raw SQL runner for EXPLAIN (params positional). */
  raw: (text: string, params: unknown[]) => Promise<unknown[]>;
  captured: { sql: string; params: unknown[] }[];
  capturing: boolean;
  doctor: Actor;
  heaviest: { patient: Actor; doctor: Actor; reports: number };
  admin: Actor;
  close: () => Promise<void>;
  note: string;
  /** PostgreSQL URL of this bench database (undefined on PGlite). */
  url?: string;
};

function actor(id: string, role: Actor["role"], name: string): Actor {
  return { id, role, name, email: `${role}@bench.spasmcare.test`, locale: "en", requestId: "bench" };
}

async function rowsOf<T>(db: Db, q: ReturnType<typeof sql>): Promise<T[]> {
  const res = (await db.execute(q)) as unknown;
  return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
}

async function actorsOf(db: Db) {
  const [doc] = await rowsOf<{ id: string; name: string; panel: string }>(
    db,
    sql`
    select u.id, u.name, count(*) as panel from patient_profiles p join users u on u.id = p.assigned_doctor_id
    group by u.id, u.name order by 3 desc, 1 limit 1`,
  );
  const [heavy] = await rowsOf<{ id: string; name: string; doctor_id: string | null; n: string }>(
    db,
    sql`
    select r.patient_id as id, u.name, p.assigned_doctor_id as doctor_id, count(*) as n
    from spasm_reports r join users u on u.id = r.patient_id join patient_profiles p on p.user_id = r.patient_id
    group by 1, 2, 3 order by 4 desc, 1 limit 1`,
  );
  const [adm] = await rowsOf<{ id: string; name: string }>(
    db,
    sql`
    select id, name from users where role = 'admin' order by created_at limit 1`,
  );
  const doctor = actor(doc.id, "doctor", doc.name);
  return {
    doctor,
    panel: Number(doc.panel),
    heaviest: {
      patient: actor(heavy.id, "patient", heavy.name),
      // the patient's own doctor (or, for an unassigned patient, any doctor: the pool is open to all)
      doctor: heavy.doctor_id ? actor(heavy.doctor_id, "doctor", "Dr Heaviest") : doctor,
      reports: Number(heavy.n),
    },
    admin: actor(adm.id, "admin", adm.name),
  };
}

async function pgTargets(url: string): Promise<Target[]> {
  assertLocal(url);
  const out: Target[] = [];
  for (const size of PG_SIZES) {
    const name = `${DB_PREFIX}_${size.label}`;
    const started = performance.now();
    log(`database ${name}: checking…`);
    const { reused, url: target } = await ensureBenchDatabase(url, name, {
      patients: size.patients,
      reports: size.reports,
      log,
    });
    log(
      `database ${name}: ${reused ? "reused" : `built in ${((performance.now() - started) / 1000).toFixed(1)} s`}`,
    );
    const captured: Target["captured"] = [];
    const t: Partial<Target> = { captured, capturing: false };
    const h = open(target, {
      max: 2,
      prepared: true,
      logQuery: (q, p) => {
        if (t.capturing) captured.push({ sql: q, params: p });
      },
    });
    const a = await actorsOf(h.db);
    Object.assign(t, {
      size,
      db: h.db,
      raw: (text: string, params: unknown[]) =>
        h.client.unsafe(text, params as never[]) as Promise<unknown[]>,
      doctor: a.doctor,
      heaviest: a.heaviest,
      admin: a.admin,
      close: h.close,
      url: target,
      note: `${name}${reused ? " (reused)" : " (built)"}; panel ${a.panel}`,
    });
    out.push(t as Target);
  }
  return out;
}

async function pgliteTargets(): Promise<Target[]> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrateDb } = await import("@/lib/db/migrate");
  const schema = await import("@/lib/db/schema");
  const out: Target[] = [];
  for (const size of PGLITE_SIZES) {
    const client = new PGlite();
    const captured: Target["captured"] = [];
    const t: Partial<Target> = { captured, capturing: false };
    const db = drizzle(client, {
      schema,
      logger: {
        logQuery: (q: string, p: unknown[]) => {
          if (t.capturing) captured.push({ sql: q, params: p });
        },
      },
    }) as unknown as Db;
    await migrateDb(db, "pglite");
    const started = performance.now();
    await seedBench(db, { patients: size.patients, reports: size.reports, bulk: true });
    log(`PGlite ${size.label}: seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const a = await actorsOf(db);
    Object.assign(t, {
      size,
      db,
      raw: async (text: string, params: unknown[]) => (await client.query(text, params)).rows,
      doctor: a.doctor,
      heaviest: a.heaviest,
      admin: a.admin,
      close: () => client.close(),
      note: `PGlite ${size.label} (in memory); panel ${a.panel}`,
    });
    out.push(t as Target);
  }
  return out;
}

// ---------- measuring ----------

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

class Samples {
  readonly values: number[] = [];
  add(ms: number) {
    this.values.push(ms);
  }
  get sorted() {
    return [...this.values].sort((a, b) => a - b);
  }
  get p50() {
    return quantile(this.sorted, 0.5);
  }
  get p95() {
    return quantile(this.sorted, 0.95);
  }
}

async function timed(samples: Samples | null, work: () => Promise<unknown>): Promise<void> {
  const start = performance.now();
  await work();
  samples?.add(performance.now() - start);
}

const QUEUE_QUERIES: QueueQuery[] = [
  { scope: "all", page: 1, pageSize: 25 },
  { scope: "mine", page: 1, pageSize: 25 },
  { scope: "unassigned", page: 1, pageSize: 25 },
  { scope: "all", level: "urgent", page: 1, pageSize: 25 },
  { scope: "mine", level: "routine", page: 2, pageSize: 50 },
  { scope: "all", page: 10, pageSize: 25 },
  { scope: "all", page: 1, pageSize: 100 },
];

type Row = {
  measure: string;
  data: string;
  s: Samples;
  base: Samples;
  /** "select" = a bare `select 1`; "audit" = one audit_events insert committed on its own (the calls that audit). */
  baseKind?: "select" | "audit";
  budget?: string;
  ok?: boolean;
};

async function measureQueue(targets: Target[]): Promise<Map<Target, { s: Samples; base: Samples }>> {
  const res = new Map(targets.map((t) => [t, { s: new Samples(), base: new Samples() }]));
  // Rounds interleave the databases, so background load on this shared machine hits every size alike.
  for (let round = -WARMUP; round < ROUNDS; round++) {
    for (const t of targets) {
      const r = res.get(t)!;
      setDb(t.db);
      for (const q of QUEUE_QUERIES) {
        await timed(round < 0 ? null : r.base, () => t.db.execute(sql`select 1`));
        await timed(round < 0 ? null : r.s, async () => {
          const page = await listTriageQueue(t.doctor, q);
          if (page.rows.length === 0 && page.total > (q.page - 1) * q.pageSize)
            throw new Error("empty queue page");
        });
      }
    }
  }
  return res;
}

/** What every audited call pays at least: one audit row written and committed (synchronously, as the app does). */
function auditedBaseline(t: Target) {
  return t.db.execute(
    sql`insert into audit_events (actor_id, actor_role, action, entity_type) values (${t.admin.id}, 'admin', 'bench.baseline', 'bench')`,
  );
}

type Variant = { measure: string; data: string; call: () => Promise<unknown> };

/** Each variant its own row; rounds interleave the variants, each call beside an audited-write baseline. */
async function measureVariants(t: Target, variants: Variant[], rounds: number, rows: Row[]): Promise<void> {
  const res = variants.map(() => ({ s: new Samples(), base: new Samples() }));
  for (let i = -1; i < rounds; i++) {
    for (const [j, v] of variants.entries()) {
      await timed(i < 0 ? null : res[j].base, () => auditedBaseline(t));
      await timed(i < 0 ? null : res[j].s, v.call);
    }
  }
  variants.forEach((v, j) => rows.push({ measure: v.measure, data: v.data, ...res[j], baseKind: "audit" }));
}

async function measureExtras(t: Target, rows: Row[], pa: PlanActors): Promise<void> {
  setDb(t.db);
  const heavy = `${t.size.label}, heaviest patient (${t.heaviest.reports} reports)`;
  const rounds = QUICK ? 5 : 20;
  const doctor = t.heaviest.doctor;
  const patientId = t.heaviest.patient.id;
  let cursor: string | null = null;
  let pageNo = 0;
  await measureVariants(
    t,
    [
      {
        measure: "case timeline (getCaseTimeline): pages 1→3 by cursor",
        data: heavy,
        call: async () => {
          const page = await getCaseTimeline(doctor, patientId, { cursor, limit: 20 });
          pageNo += 1;
          cursor = pageNo % 3 === 0 ? null : page.nextCursor;
        },
      },
      {
        measure: "case timeline: level urgent",
        data: heavy,
        call: () => getCaseTimeline(doctor, patientId, { level: "urgent", limit: 20 }),
      },
      {
        measure: "case timeline: site calf",
        data: heavy,
        call: () => getCaseTimeline(doctor, patientId, { site: "calf", limit: 20 }),
      },
      {
        measure: "patient history (listOwnReports): page 1",
        data: heavy,
        call: () => listOwnReports(t.heaviest.patient, { page: 1, pageSize: 20 }),
      },
      {
        measure: "patient history: page 50",
        data: heavy,
        call: () => listOwnReports(t.heaviest.patient, { page: 50, pageSize: 20 }),
      },
      {
        measure: "patient history: level urgent",
        data: heavy,
        call: () => listOwnReports(t.heaviest.patient, { page: 1, pageSize: 20, level: "urgent" }),
      },
      {
        measure: "patient history: site calf",
        data: heavy,
        call: () => listOwnReports(t.heaviest.patient, { page: 1, pageSize: 20, site: "calf" }),
      },
    ],
    rounds,
    rows,
  );
  // "Who saw my record" (a patient's list, read from the audit log) for the patient whose record was read most.
  const watched = `${t.size.label}, ${pa.watched.events.toLocaleString("en")} events on one record`;
  await measureVariants(
    t,
    [
      {
        measure: "access log (listOwnAccessLog): page 1",
        data: watched,
        call: () => listOwnAccessLog(pa.watched.patient, { page: 1 }),
      },
      {
        measure: "access log: page 10",
        data: watched,
        call: () => listOwnAccessLog(pa.watched.patient, { page: 10 }),
      },
    ],
    rounds,
    rows,
  );
  const [{ n: events }] = await rowsOf<{ n: string }>(t.db, sql`select count(*) as n from audit_events`);
  const data = `${t.size.label}, ${Number(events).toLocaleString("en")} events`;
  const month = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  const audit = (f: Omit<AuditFilters, "page">) => () =>
    listAuditEvents(t.admin, { ...f, page: 1 } as AuditFilters);
  await measureVariants(
    t,
    [
      { measure: "audit viewer (listAuditEvents): no filter", data, call: audit({}) },
      { measure: "audit viewer: action case.read", data, call: audit({ action: "case.read" }) },
      { measure: "audit viewer: patient id", data, call: audit({ patient: patientId }) },
      {
        measure: "audit viewer: denied, last 30 days",
        data,
        call: audit({ outcome: "denied", from: month }),
      },
      { measure: "audit viewer: actor name contains", data, call: audit({ actor: "Martin" }) },
    ],
    Math.ceil(rounds / 2),
    rows,
  );
}

// ---------- EXPLAIN ----------

function inlineParams(text: string, params: unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, i: string) => {
    const v = params[Number(i) - 1];
    if (v === null || v === undefined) return "null";
    if (typeof v === "number") return String(v);
    return `'${String(v).replace(/'/g, "''")}'`;
  });
}

type Explained = { title: string; file: string; summary: string[] };

/**
 * Runs `call` once while capturing the SQL the DAL sends, then EXPLAINs (ANALYZE, BUFFERS) each SELECT of it with
 * the same parameters (writes — audit rows, review stamps — are not re-run). Full plans go to bench/results/.
 */
async function explainCall(
  t: Target,
  name: string,
  title: string,
  call: () => Promise<unknown>,
): Promise<Explained> {
  setDb(t.db);
  t.captured.length = 0;
  t.capturing = true;
  try {
    await call();
  } finally {
    t.capturing = false;
  }
  const queries = t.captured.filter((q) => /^\s*(\(\s*)?(select|with)\b/i.test(q.sql));
  const parts: string[] = [];
  const summary: string[] = [];
  for (const [j, q] of queries.entries()) {
    const label = `query ${j + 1}/${queries.length}`;
    const text = await t.raw(`explain (analyze, buffers) ${q.sql}`, q.params);
    const json = (await t.raw(`explain (analyze, buffers, format json) ${q.sql}`, q.params)) as {
      "QUERY PLAN": { Plan: ExplainNode; "Planning Time": number; "Execution Time": number }[];
    }[];
    const plan = json[0]["QUERY PLAN"][0];
    parts.push(
      `-- ${label}\n${inlineParams(q.sql, q.params)};\n\n` +
        (text as { "QUERY PLAN": string }[]).map((r) => r["QUERY PLAN"]).join("\n"),
    );
    summary.push(`${label}: ${explainSummary(plan.Plan, plan["Planning Time"], plan["Execution Time"])}`);
  }
  mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `explain-${name}-${t.size.label}.txt`);
  writeFileSync(
    file,
    `EXPLAIN (ANALYZE, BUFFERS) of ${title}\non ${t.note}, ${new Date().toISOString()}\n\n${parts.join("\n\n")}\n`,
  );
  return { title, file, summary };
}

async function explainAll(t: Target, extras: boolean): Promise<Explained[]> {
  const out = [
    await explainCall(
      t,
      "queue",
      'listTriageQueue(largest panel, { scope: "all", page: 1, pageSize: 25 })',
      () => listTriageQueue(t.doctor, { scope: "all", page: 1, pageSize: 25 }),
    ),
  ];
  if (!extras) return out;
  out.push(
    await explainCall(t, "timeline", "getCaseTimeline(heaviest patient, { limit: 20 })", () =>
      getCaseTimeline(t.heaviest.doctor, t.heaviest.patient.id, { limit: 20 }),
    ),
    await explainCall(t, "history", "listOwnReports(heaviest patient, { page: 1, pageSize: 20 })", () =>
      listOwnReports(t.heaviest.patient, { page: 1, pageSize: 20 }),
    ),
    await explainCall(t, "audit", 'listAuditEvents(admin, { action: "case.read", page: 1 })', () =>
      listAuditEvents(t.admin, { action: "case.read", page: 1 } as AuditFilters),
    ),
    await explainCall(
      t,
      "history-site",
      'listOwnReports(heaviest patient, { site: "calf", page: 1, pageSize: 20 })',
      () => listOwnReports(t.heaviest.patient, { site: "calf", page: 1, pageSize: 20 }),
    ),
    await explainCall(t, "audit-actor", 'listAuditEvents(admin, { actor: "Martin", page: 1 })', () =>
      listAuditEvents(t.admin, { actor: "Martin", page: 1 } as AuditFilters),
    ),
  );
  return out;
}

/**
 * Issue 8 point 3 at the bench's largest size: every case of bench/plans.ts (the DAL's own statements) EXPLAINed,
 * a sequential scan of a big table is a broken budget. lib/dal/query-plans.test.ts checks the same at 100 k in CI.
 */
async function checkPlans(t: Target, pa: PlanActors): Promise<PlanResult[]> {
  const capture: Capture = {
    get on() {
      return t.capturing;
    },
    set on(v: boolean) {
      t.capturing = v;
    },
    get queries() {
      return t.captured;
    },
    set queries(q) {
      t.captured.length = 0;
      t.captured.push(...q);
    },
  };
  const cases = planCases(() => pa).filter((c) => !c.minReports || c.minReports <= t.size.reports);
  return explainCases(t.db, capture, t.raw, cases);
}

// ---------- web: first-load JS and throughput against a production build ----------

const validReport = () => ({
  startedAt: new Date(Date.now() - 30 * 60_000).toISOString(),
  ongoing: "false",
  durationMinutes: "5",
  painScore: "3",
  redFlags: "none",
  relief: "stretching_helped",
  pattern: "single_cramp",
  handImpact: "none",
  walkingImpact: "mild",
  sites: JSON.stringify([{ site: "calf", side: "left" }]),
  triggers: "exercise_fatigue",
  notes: "",
});

function formOf(values: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) fd.append(k, v);
  return fd;
}

type WebResult = { js: RouteJs[]; throughput: Throughput[]; lines: string[]; failures: string[] };

async function measureWeb(t: Target, distDir: string): Promise<WebResult> {
  const root = path.resolve(args["web-root"] ?? process.cwd());
  const url = t.url!;
  const lines: string[] = [];
  const failures: string[] = [];
  const who = await benchPrincipals(url, QUICK ? 50 : 400);
  const cookies = await sessionCookies(url, [who.patient, who.doctor, who.admin, ...who.many]);
  const as = (id: string) => cookies.get(id)!;
  log(`web: next start on ${t.size.label} (${path.join(root, distDir)})…`);
  // Something already answering on the port (another engineer's server) would be measured instead of this build.
  const taken = await fetch(`http://127.0.0.1:${args["web-port"]}/`).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`port ${args["web-port"]} is already in use: choose another with --web-port`);
  const server = await startServer({ root, distDir, port: Number(args["web-port"]), databaseUrl: url });
  try {
    const routes: { route: string; cookie?: string }[] = [
      { route: "/login" },
      { route: "/register" },
      { route: "/patient", cookie: as(who.patient) },
      { route: "/patient/reports", cookie: as(who.patient) },
      { route: "/patient/reports/new", cookie: as(who.patient) },
      { route: `/patient/reports/${who.reportId}`, cookie: as(who.patient) },
      { route: "/patient/trends", cookie: as(who.patient) },
      { route: "/patient/care", cookie: as(who.patient) },
      { route: "/patient/profile", cookie: as(who.patient) },
      { route: "/doctor", cookie: as(who.doctor) },
      { route: "/doctor/search", cookie: as(who.doctor) },
      { route: `/doctor/patients/${who.patient}`, cookie: as(who.doctor) },
      { route: `/doctor/patients/${who.patient}/evaluation`, cookie: as(who.doctor) },
      { route: `/doctor/patients/${who.patient}/plan`, cookie: as(who.doctor) },
      { route: "/admin/users", cookie: as(who.admin) },
      { route: "/admin/audit", cookie: as(who.admin) },
      { route: "/account", cookie: as(who.doctor) },
    ];
    const submitOnly = args["submit-only"];
    const pagesOnly = args["pages-only"] && !submitOnly;
    const skipJs = submitOnly || pagesOnly;
    if (!skipJs) log("web: first-load JavaScript per route…");
    const js = skipJs ? [] : await firstLoadJs(server.base, routes);
    mkdirSync(RESULTS, { recursive: true });
    if (!skipJs) writeFileSync(path.join(RESULTS, "first-load-js.json"), `${JSON.stringify(js, null, 2)}\n`);
    for (const r of js) {
      if (r.status !== 200)
        failures.push(`${r.route} answered ${r.status} to its role (first-load JS not measured)`);
      else if (!r.ok && args["enforce-js"]) {
        failures.push(
          `${r.route}: first-load JS ${r.totalKb.toFixed(1)} kB (own ${r.ownKb.toFixed(1)} kB); budget ≤ ${JS_TOTAL_BUDGET_KB} kB, own ≤ ${JS_OWN_BUDGET_KB} kB`,
        );
      }
    }
    const throughput: Throughput[] = [];
    if (!args["no-throughput"]) {
      const opts = { connections: 10, duration: QUICK ? 3 : 10, rounds: QUICK ? 1 : 2 };
      const loadBefore = loadLine();
      const pages = submitOnly
        ? []
        : await measureThroughput(
            server.base,
            [
              { label: "GET /login (anonymous)", req: { path: "/login", okStatus: [200] } },
              {
                label: "GET /doctor (the heaviest patient's doctor)",
                req: { path: "/doctor", cookies: [as(who.doctor)], okStatus: [200] },
              },
            ],
            opts,
          );
      const enforce = t.size.label === "1m";
      const verdict = (ratio: number, budget: number) =>
        `${ratio.toFixed(2)} (budget ≥ ${budget}: ${ratio >= budget ? "ok" : "BROKEN"}${enforce ? "" : ", enforced at 1 M"})`;
      const pageRatio = submitOnly ? NaN : pages[1].rps / pages[0].rps;
      if (enforce && !submitOnly && pageRatio < DOCTOR_VS_LOGIN_BUDGET)
        failures.push(
          `/doctor throughput ${pageRatio.toFixed(2)}× /login (budget ≥ ${DOCTOR_VS_LOGIN_BUDGET})`,
        );
      if (pagesOnly) {
        lines.push(
          `autocannon: ${opts.connections} connections, ${opts.rounds} × ${opts.duration} s each, interleaved; ` +
            `load average before ${loadBefore}, after ${loadLine()}; next start RSS ${server.rssMb()?.toFixed(0) ?? "?"} MB`,
          `/doctor ÷ /login = ${verdict(pageRatio, DOCTOR_VS_LOGIN_BUDGET)}`,
          ...pages
            .filter((r) => r.bad)
            .map((r) => `  ${r.label}: ${r.bad} answers were not a success (${r.codes})`),
        );
        return { js, throughput: pages, lines, failures };
      }
      const origin = { origin: server.base };
      const real = await encodeAction([{ ok: false, fieldErrors: {} }, formOf(validReport())]);
      const bare = await encodeAction([new FormData()]);
      const realId = actionId(root, distDir, "reports/new/actions", "createReportAction");
      const bareId = actionId(root, distDir, "bench/bare-action/actions", "benchBareInsertAction");
      const actionHeaders = (id: string, contentType: string, segments: string[]) => ({
        ...origin,
        "next-action": id,
        accept: "text/x-component",
        "content-type": contentType,
        "next-router-state-tree": routerStateTree(segments),
      });
      const REAL_TREE = ["(patient)", "patient", "reports", "new"];
      const BARE_TREE = ["(bench)", "bench", "bare-action"];
      const submitters = who.many.map(as);
      // One of each first, checked by its effect, so the runs below measure working calls.
      const probe = async (
        pathName: string,
        id: string,
        body: { body: Buffer; contentType: string },
        tree: string[],
      ) => {
        const res = await fetch(new URL(pathName, server.base), {
          method: "POST",
          headers: { ...actionHeaders(id, body.contentType, tree), cookie: submitters[0] },
          body: new Uint8Array(body.body),
          redirect: "manual",
        });
        const bytes = (await res.arrayBuffer()).byteLength;
        return `HTTP ${res.status}, ${(bytes / 1024).toFixed(0)} kB answered`;
      };
      const count = async (q: ReturnType<typeof sql>) => Number((await rowsOf<{ n: string }>(t.db, q))[0].n);
      const reportsBefore = await count(
        sql`select count(*) as n from spasm_reports where patient_id = ${who.many[0]}`,
      );
      const bareBefore = await count(
        sql`select count(*) as n from audit_events where action = 'bench.bare_action' and actor_id = ${who.many[0]}`,
      );
      const realStatus = await probe("/patient/reports/new", realId, real, REAL_TREE);
      const bareStatus = await probe("/bench/bare-action", bareId, bare, BARE_TREE);
      const reportsAfter = await count(
        sql`select count(*) as n from spasm_reports where patient_id = ${who.many[0]}`,
      );
      const bareAfter = await count(
        sql`select count(*) as n from audit_events where action = 'bench.bare_action' and actor_id = ${who.many[0]}`,
      );
      if (reportsAfter !== reportsBefore + 1)
        throw new Error(`the report action did not insert (status ${realStatus})`);
      if (bareAfter !== bareBefore + 1)
        throw new Error(`the bare action did not insert (status ${bareStatus})`);
      lines.push(
        `probe: createReportAction → ${realStatus}, one report inserted; benchBareInsertAction → ${bareStatus}, one row inserted`,
      );
      const submitted = () =>
        count(
          sql`select (select count(*) from spasm_reports where patient_id in ${who.many}) + (select count(*) from audit_events where action = 'bench.bare_action') as n`,
        );
      const writesBefore = await submitted();
      const actions = await measureThroughput(
        server.base,
        [
          {
            label: `POST bare server action (1 row, ${submitters.length} patients)`,
            req: {
              method: "POST",
              path: "/bench/bare-action",
              headers: actionHeaders(bareId, bare.contentType, BARE_TREE),
              body: bare.body,
              cookies: submitters,
              okStatus: [200],
            },
          },
          {
            label: `POST createReportAction (${submitters.length} patients)`,
            req: {
              method: "POST",
              path: "/patient/reports/new",
              headers: actionHeaders(realId, real.contentType, REAL_TREE),
              body: real.body,
              cookies: submitters,
              okStatus: [200],
            },
          },
        ],
        opts,
      );
      throughput.push(...pages, ...actions);
      // Every success must have written its row (a 200 can also be a refused form). Calls still in flight when a
      // run stops write without being counted: at most one per connection per run.
      const written = (await submitted()) - writesBefore;
      const answered = actions[0].ok + actions[1].ok;
      lines.push(
        `rows written by the two actions: ${written} for ${answered} successful answers (+ calls in flight at each stop)`,
      );
      if (written < answered || written > answered + opts.connections * opts.rounds * 2)
        failures.push(`actions answered ${answered} successes but wrote ${written} rows`);
      lines.push(
        `autocannon: ${opts.connections} connections, ${opts.rounds} × ${opts.duration} s each, interleaved; ` +
          `load average before ${loadBefore}, after ${loadLine()}; next start RSS ${server.rssMb()?.toFixed(0) ?? "?"} MB`,
      );
      const submitRatio = actions[1].rps / actions[0].rps;
      lines.push(
        (submitOnly ? "" : `/doctor ÷ /login = ${verdict(pageRatio, DOCTOR_VS_LOGIN_BUDGET)}; `) +
          `report submission ÷ bare action = ${verdict(submitRatio, SUBMIT_VS_BARE_BUDGET)}`,
      );
      for (const r of throughput)
        if (r.bad) lines.push(`  ${r.label}: ${r.bad} answers were not a success (${r.codes})`);
      if (enforce && submitRatio < SUBMIT_VS_BARE_BUDGET)
        failures.push(
          `report submission ${submitRatio.toFixed(2)}× the bare action (budget ≥ ${SUBMIT_VS_BARE_BUDGET})`,
        );
    }
    return { js, throughput, lines, failures };
  } finally {
    await server.stop();
  }
}

function jsTable(js: RouteJs[]): string {
  const head = ["route (as its role)", "HTTP", "scripts", "first-load JS kB (gzip)", "own kB", "budget", ""];
  const body = js.map((r) => [
    r.route.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "[id]"),
    String(r.status),
    String(r.scripts.length),
    r.totalKb.toFixed(1),
    r.ownKb.toFixed(1),
    `≤ ${JS_TOTAL_BUDGET_KB} / ≤ ${JS_OWN_BUDGET_KB}`,
    r.ok ? "ok" : "BROKEN",
  ]);
  return markdown(head, body);
}

function throughputTable(rows: Throughput[]): string {
  const head = ["request", "successes/s", "p50 ms", "p97.5 ms", "requests", "not a success"];
  const body = rows.map((r) => [
    r.label,
    r.rps.toFixed(1),
    String(r.p50),
    String(r.p975),
    String(r.requests),
    String(r.bad),
  ]);
  return markdown(head, body);
}

function markdown(head: string[], body: string[][]): string {
  const widths = head.map((h, j) => Math.max(h.length, ...body.map((b) => b[j].length)));
  const line = (cells: string[]) => `| ${cells.map((c, j) => c.padEnd(widths[j])).join(" | ")} |`;
  return [line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...body.map(line)].join("\n");
}

// ---------- output ----------

const fmt = (ms: number) => (Number.isFinite(ms) ? (ms < 10 ? ms.toFixed(2) : ms.toFixed(1)) : "–");

function table(rows: Row[]): string {
  const head = [
    "measure",
    "data",
    "n",
    "p50 ms",
    "p95 ms",
    "baseline",
    "baseline p50/p95 ms",
    "p95 ÷ baseline",
    "budget",
    "",
  ];
  const body = rows.map((r) => [
    r.measure,
    r.data,
    String(r.s.values.length),
    fmt(r.s.p50),
    fmt(r.s.p95),
    r.baseKind === "audit" ? "audit insert" : "select 1",
    `${fmt(r.base.p50)} / ${fmt(r.base.p95)}`,
    `${(r.s.p95 / r.base.p95).toFixed(1)}×`,
    r.budget ?? "",
    r.ok === undefined ? "" : r.ok ? "ok" : "BROKEN",
  ]);
  const widths = head.map((h, j) => Math.max(h.length, ...body.map((b) => b[j].length)));
  const line = (cells: string[]) => `| ${cells.map((c, j) => c.padEnd(widths[j])).join(" | ")} |`;
  return [line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...body.map(line)].join("\n");
}

/** --quick runs on PostgreSQL only when the server answers; otherwise it falls back to PGlite. */
async function reachable(url: string): Promise<boolean> {
  const { default: postgres } = await import("postgres");
  const probe = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await probe`select 1`;
    return true;
  } catch (err) {
    log(`PostgreSQL at ${new URL(url).host} not reachable (${(err as Error).message})`);
    return false;
  } finally {
    await probe.end({ timeout: 1 });
  }
}

/** A port the OS says is free now (as scripts/e2e-isolation.mjs finds one). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A CI run's databases are its own: dropped at the end, whatever the outcome. */
async function dropCiDatabases(): Promise<void> {
  if (!CI || !URL_) return;
  const { default: postgres } = await import("postgres");
  const admin = postgres(URL_, { max: 1, onnotice: () => {} });
  try {
    for (const size of PG_SIZES)
      await admin.unsafe(`drop database if exists "${DB_PREFIX}_${size.label}" with (force)`);
  } finally {
    await admin.end();
  }
}

async function main() {
  const started = performance.now();
  if (CI && !CANDIDATE_URL) {
    console.log(
      "quick bench SKIPPED: TEST_DATABASE_URL is not set (the CI bench measures the data budgets on PostgreSQL " +
        "and the first-load JS budget against it); set TEST_DATABASE_URL to run it.",
    );
    process.exit(0);
  }
  if (CI && !(await reachable(CANDIDATE_URL!)))
    throw new Error(`TEST_DATABASE_URL's server does not answer: the quick bench cannot run`);
  if (CI) args["web-port"] = String(await freePort());
  if (CANDIDATE_URL) URL_ = !QUICK || (await reachable(CANDIDATE_URL)) ? CANDIDATE_URL : undefined;
  const engine = URL_ ? "PostgreSQL" : "PGlite";
  let version = "";
  const targets = URL_ ? await pgTargets(URL_) : await pgliteTargets();
  const [{ v }] = await rowsOf<{ v: string }>(targets[0].db, sql`select version() as v`);
  version = v.split(" on ")[0];
  const webOnly = args["web-only"] && Boolean(args.web);
  if (!webOnly) log(`measuring the queue (${ROUNDS} rounds × ${QUEUE_QUERIES.length} queries per database)…`);
  const queue = webOnly ? new Map<Target, { s: Samples; base: Samples }>() : await measureQueue(targets);

  const rows: Row[] = [];
  const smallest = targets[0];
  const largest = targets[targets.length - 1];
  const failures: string[] = [];
  for (const t of targets) {
    const r = queue.get(t);
    if (!r) continue;
    const row: Row = {
      measure: "queue page (listTriageQueue)",
      data: `${t.size.label} reports, ${t.size.patients.toLocaleString("en")} patients`,
      s: r.s,
      base: r.base,
    };
    if (engine === "PostgreSQL" && t === largest) {
      const p95 = r.s.p95;
      // A quick run (CI, 10 k) enforces the growth of the median from 1 k, which both sizes pay alike under load;
      // the absolute p95 is reported there (a busy CI machine alone can push a 2 ms query past 20 ms).
      const enforceAbs = !QUICK;
      const absOk = p95 <= QUEUE_P95_BUDGET_MS;
      row.budget = `p95 ≤ ${QUEUE_P95_BUDGET_MS} ms${enforceAbs ? "" : ` (reported: ${absOk ? "holds" : "over"})`}`;
      row.ok = absOk || !enforceAbs;
      if (!absOk && enforceAbs)
        failures.push(`queue p95 at ${t.size.label} is ${fmt(p95)} ms (budget ${QUEUE_P95_BUDGET_MS} ms)`);
      if (t !== smallest) {
        const stat = QUICK ? "p50" : "p95";
        const growth = r.s[stat] / queue.get(smallest)!.s[stat];
        const growthOk = growth < QUEUE_GROWTH_BUDGET;
        row.budget += `; ${stat} < ${QUEUE_GROWTH_BUDGET}× ${smallest.size.label} (${growth.toFixed(2)}×)`;
        row.ok = row.ok && growthOk;
        if (!growthOk) {
          failures.push(
            `queue ${stat} grows ${growth.toFixed(2)}× from ${smallest.size.label} to ${t.size.label} (budget < ${QUEUE_GROWTH_BUDGET}×)`,
          );
        }
      }
    }
    rows.push(row);
  }

  const extras = !args["no-extras"] && !QUICK && !webOnly;
  const explained = webOnly ? [] : await explainAll(largest, extras);
  // Plans are only worth checking where the planner prefers indexes: PostgreSQL at 100 k reports and more.
  const planCheck = engine === "PostgreSQL" && !QUICK && !webOnly && largest.size.reports >= 100_000;
  const pa = extras || planCheck ? await planActors(largest.db) : undefined;
  const plans = planCheck ? await checkPlans(largest, pa!) : [];
  for (const r of plans)
    if (r.violations.length)
      failures.push(`EXPLAIN at ${largest.size.label}: ${r.case.name}: ${r.violations.join(", ")}`);
  if (extras) {
    log("measuring the case timeline, patient history, access log and audit viewer on the largest database…");
    await measureExtras(largest, rows, pa!);
  }
  let web: WebResult | null = null;
  const webNotes: string[] = [];
  if (args.web) {
    if (largest.url) {
      web = await measureWeb(largest, args.web);
      failures.push(...web.failures);
    } else
      webNotes.push("web measures skipped: they run against `next start` on a PostgreSQL bench database");
  }

  const when = new Date();
  const header =
    `SpasmCare bench — ${engine} (${version})${URL_ ? ` at ${new URL(URL_).host}` : ", in memory"}` +
    `${QUICK ? ", quick" : ""}; ${when.toISOString().slice(0, 16).replace("T", " ")} UTC; ` +
    `${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? "?"}), node ${process.version}\n` +
    `databases: ${targets.map((t) => t.note).join("; ")}\n` +
    `baseline, interleaved with the measured calls on the same connection: "select 1" = a bare round trip; ` +
    `"audit insert" = one audit_events row inserted and committed (what every audited call pays at least)\n` +
    (overridden.length ? `BUDGETS REPLACED for this run (BENCH_BUDGET_*): ${overridden.join(", ")}\n` : "") +
    `machine load average (1/5/15 min) at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ")}\n`;
  const out = [
    header,
    ...(rows.length ? [table(rows), ""] : []),
    ...(explained.length
      ? [
          `EXPLAIN (ANALYZE, BUFFERS) at ${largest.size.label} (database time of each SELECT the DAL call sends)` +
            (largest.size.reports < 100_000
              ? `; at this size the planner rightly scans small tables: plans are checked at 100 k by ` +
                `lib/dal/query-plans.test.ts and at 1 M by a full run:`
              : ":"),
          ...explained.flatMap((e) => [
            `${e.title} → ${path.relative(process.cwd(), e.file)}`,
            ...e.summary.map((s) => `  ${s}`),
          ]),
          "",
        ]
      : []),
    ...(plans.length
      ? [
          `Plans at ${largest.size.label}: ${plans.length} DAL calls (bench/plans.ts), every statement EXPLAINed; ` +
            `budget: no sequential scan of ${BIG_TABLES.join(", ")}` +
            ` (${plans.filter((r) => r.violations.length).length} broken):`,
          ...plans.map((r) => `  ${planLine(r)}`),
          "",
        ]
      : []),
    ...(web
      ? [
          ...(web.js.length
            ? [
                `First-load JavaScript per route (production build ${args.web}, gzip of each <script src> the route's HTML loads; ` +
                  `"own" = not loaded by every route)${args["enforce-js"] ? "" : "; budget reported, enforced with --enforce-js"}:`,
                jsTable(web.js),
                "",
              ]
            : []),
          ...(web.throughput.length
            ? [`Throughput against next start on ${largest.size.label}:`, throughputTable(web.throughput)]
            : []),
          ...web.lines,
          "",
        ]
      : []),
    ...webNotes,
    ...(web && !args["enforce-js"] && web.js.some((r) => !r.ok)
      ? [
          `First-load JS budget broken on ${web.js.filter((r) => !r.ok).length} routes (reported; --enforce-js fails the run).`,
        ]
      : []),
    failures.length
      ? `BUDGETS BROKEN:\n${failures.map((f) => `  - ${f}`).join("\n")}`
      : engine === "PostgreSQL"
        ? "All budgets hold."
        : "PGlite run: budgets apply to PostgreSQL and are not enforced here.",
    `(${((performance.now() - started) / 1000).toFixed(1)} s)`,
  ].join("\n");
  console.log(out);
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(path.join(RESULTS, `bench-${QUICK ? "quick-" : ""}${engine.toLowerCase()}.md`), `${out}\n`);
  for (const t of targets) await t.close();
  await dropCiDatabases();
  process.exit(failures.length ? 1 : 0);
}

main().catch(async (err) => {
  console.error(err);
  await dropCiDatabases().catch((e: unknown) => console.error(e));
  process.exit(2);
});
