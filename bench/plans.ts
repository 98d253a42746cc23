// Issue 8 point 3: the plans PostgreSQL chooses for the list queries of the app, taken from the real DAL calls.
// Each case runs its DAL function once on a bench database while the drizzle logger records every statement it sends;
// each recorded SELECT / WITH / UPDATE / DELETE is then EXPLAINed (without ANALYZE: nothing runs twice) with the same
// parameters, and every sequential scan of a big table (bench/explain.ts BIG_TABLES) is reported. Used by the
// PostgreSQL test lib/dal/query-plans.test.ts at 100 k (which fails on any) and by a full `npm run bench` at 1 M (which
// prints one line of scans per case and counts any as a broken budget).
import { sql } from "drizzle-orm";
import { setDb, type Db } from "@/lib/db";
import { listTriageQueue } from "@/lib/dal/queue";
import { getCaseTimeline } from "@/lib/dal/case";
import { listOwnReports } from "@/lib/dal/report-history";
import { listOwnAccessLog } from "@/lib/dal/access-log";
import { listAuditEvents } from "@/lib/dal/admin-audit";
import type { Actor } from "@/lib/permissions";
import type { AuditFilters } from "@/lib/validations/admin";
import { BIG_TABLES, seqScansOfBigTables, type ExplainNode } from "./explain";

export type PlanActors = {
  /** The doctor with the largest panel (the queue). */
  doctor: Actor;
  /** The patient with the most reports, and a doctor who may open their case (timeline, history). */
  heaviest: { patient: Actor; doctor: Actor; reports: number };
  /** The patient with the most events on their record by someone else ("who saw my record"). */
  watched: { patient: Actor; events: number };
  admin: Actor;
};

export type PlanCase = {
  /** Which list of the app, and with what arguments. */
  name: string;
  /** Tables the plans must read (so a case whose statements were not captured cannot pass). */
  reads: string[];
  /**
   * Big tables this case may scan sequentially, each with its reason. Only the audit viewer's name search has one:
   * `%…%` matches no b-tree index on users.
   */
  allowSeqScan?: Record<string, string>;
  /**
   * The data size (reports) from which the planner prefers index access for this case: below it a sequential scan
   * is the cheaper plan and is not a fault. The test at 100 k skips such a case; the bench at 1 M checks it.
   */
  minReports?: number;
  /** Why the case needs `minReports`. */
  minReason?: string;
  call: () => Promise<unknown>;
};

function actor(id: string, role: Actor["role"], name: string): Actor {
  return { id, role, name, email: `${role}@bench.spasmcare.test`, locale: "en", requestId: "plans" };
}

async function rowsOf<T>(db: Db, q: ReturnType<typeof sql>): Promise<T[]> {
  const res = (await db.execute(q)) as unknown;
  return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
}

/** The principals the cases run as, read from a bench database (bench/seed.ts). */
export async function planActors(db: Db): Promise<PlanActors> {
  const [doc] = await rowsOf<{ id: string; name: string }>(
    db,
    sql`select u.id, u.name from patient_profiles p join users u on u.id = p.assigned_doctor_id
      group by u.id, u.name order by count(*) desc, 1 limit 1`,
  );
  const [heavy] = await rowsOf<{ id: string; name: string; doctor_id: string | null; n: string }>(
    db,
    sql`select r.patient_id as id, u.name, p.assigned_doctor_id as doctor_id, count(*) as n
      from spasm_reports r join users u on u.id = r.patient_id join patient_profiles p on p.user_id = r.patient_id
      group by 1, 2, 3 order by 4 desc, 1 limit 1`,
  );
  const [watched] = await rowsOf<{ id: string; name: string; n: string }>(
    db,
    sql`select a.patient_id as id, u.name, count(*) as n from audit_events a join users u on u.id = a.patient_id
      where a.outcome = 'success' and a.actor_id is distinct from a.patient_id
      group by 1, 2 order by 3 desc, 1 limit 1`,
  );
  const [adm] = await rowsOf<{ id: string; name: string }>(
    db,
    sql`select id, name from users where role = 'admin' order by created_at limit 1`,
  );
  if (!doc || !heavy || !watched || !adm)
    throw new Error("not a bench database (no doctor, reports, events or admin)");
  const doctor = actor(doc.id, "doctor", doc.name);
  return {
    doctor,
    heaviest: {
      patient: actor(heavy.id, "patient", heavy.name),
      // the patient's own doctor (an unassigned patient is open to any doctor)
      doctor: heavy.doctor_id ? actor(heavy.doctor_id, "doctor", "Dr Heaviest") : doctor,
      reports: Number(heavy.n),
    },
    watched: { patient: actor(watched.id, "patient", watched.name), events: Number(watched.n) },
    admin: actor(adm.id, "admin", adm.name),
  };
}

/**
 * The queue, case timeline, patient history, access log and audit viewer, each with the filters the UI offers. The
 * actors are read when a case runs (a test lists its cases before its database exists).
 */
export function planCases(actors: () => PlanActors): PlanCase[] {
  const doctor = () => actors().doctor;
  const heavy = () => actors().heaviest;
  const audit =
    (f: () => Omit<AuditFilters, "page">, page = 1) =>
    () =>
      listAuditEvents(actors().admin, { ...f(), page } as AuditFilters);
  const month = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  return [
    {
      name: "queue: all, page 1",
      reads: ["triage_cases", "users", "patient_profiles"],
      call: () => listTriageQueue(doctor(), { scope: "all", page: 1, pageSize: 25 }),
    },
    {
      name: "queue: mine, urgent",
      reads: ["triage_cases"],
      call: () => listTriageQueue(doctor(), { scope: "mine", level: "urgent", page: 1, pageSize: 25 }),
    },
    {
      name: "queue: unassigned, page 4 of 50",
      reads: ["triage_cases", "users", "patient_profiles"],
      minReports: 1_000_000,
      minReason:
        "at 100 k the unassigned pool holds ~300 cases and this page is its tail: the planner hashes the 10 000 " +
        "patient_profiles rows (0.7 ms) rather than probing them 50 times; at 1 M it probes the primary key",
      call: () => listTriageQueue(doctor(), { scope: "unassigned", page: 4, pageSize: 50 }),
    },
    {
      name: "case timeline: pages 1 and 2 (cursor)",
      reads: ["spasm_reports", "report_sites", "patient_profiles"],
      call: async () => {
        const first = await getCaseTimeline(heavy().doctor, heavy().patient.id, { limit: 20 });
        await getCaseTimeline(heavy().doctor, heavy().patient.id, { limit: 20, cursor: first.nextCursor });
      },
    },
    {
      name: "case timeline: level urgent",
      reads: ["spasm_reports"],
      call: () => getCaseTimeline(heavy().doctor, heavy().patient.id, { level: "urgent", limit: 20 }),
    },
    {
      name: "case timeline: site calf",
      reads: ["spasm_reports", "report_sites"],
      call: () => getCaseTimeline(heavy().doctor, heavy().patient.id, { site: "calf", limit: 20 }),
    },
    {
      name: "patient history: page 1",
      reads: ["spasm_reports", "report_sites"],
      call: () => listOwnReports(heavy().patient, { page: 1, pageSize: 20 }),
    },
    {
      name: "patient history: page 5, level urgent",
      reads: ["spasm_reports"],
      call: () => listOwnReports(heavy().patient, { page: 5, pageSize: 20, level: "urgent" }),
    },
    {
      name: "patient history: site calf",
      reads: ["spasm_reports", "report_sites"],
      call: () => listOwnReports(heavy().patient, { page: 1, pageSize: 20, site: "calf" }),
    },
    {
      name: "access log (who saw my record): page 1",
      reads: ["audit_events"],
      call: () => listOwnAccessLog(actors().watched.patient, { page: 1 }),
    },
    {
      name: "access log (who saw my record): page 3",
      reads: ["audit_events"],
      call: () => listOwnAccessLog(actors().watched.patient, { page: 3 }),
    },
    { name: "audit viewer: no filter", reads: ["audit_events"], call: audit(() => ({})) },
    { name: "audit viewer: no filter, page 20", reads: ["audit_events"], call: audit(() => ({}), 20) },
    {
      name: "audit viewer: action case.read",
      reads: ["audit_events"],
      call: audit(() => ({ action: "case.read" })),
    },
    {
      name: "audit viewer: patient id",
      reads: ["audit_events"],
      call: audit(() => ({ patient: heavy().patient.id })),
    },
    {
      name: "audit viewer: actor id, denied",
      reads: ["audit_events"],
      call: audit(() => ({ actor: heavy().doctor.id, outcome: "denied" })),
    },
    {
      name: "audit viewer: denied, last 30 days",
      reads: ["audit_events"],
      call: audit(() => ({ outcome: "denied", from: month })),
    },
    {
      name: "audit viewer: actor name contains",
      reads: ["audit_events", "users"],
      allowSeqScan: {
        users:
          "a name or e-mail containing the text (ILIKE '%…%') has no b-tree index; the matching ids then probe " +
          "audit_events by its (actor_id, at) index (a pg_trgm index would remove this scan)",
      },
      call: audit(() => ({ actor: "Martin" })),
    },
  ];
}

export type PlannedStatement = { sql: string; params: unknown[]; plan: ExplainNode; seqScans: string[] };
export type PlanResult = {
  case: PlanCase;
  statements: PlannedStatement[];
  /** Every relation any of the plans reads. */
  relations: Set<string>;
  /** Sequential scans of big tables not allowed for this case ("statement n: table"). */
  violations: string[];
};

export type Capture = { on: boolean; queries: { sql: string; params: unknown[] }[] };

/** A drizzle logger that records statements while `capture.on`. */
export function captureLogger(capture: Capture) {
  return {
    logQuery: (q: string, p: unknown[]) => {
      if (capture.on) capture.queries.push({ sql: q, params: p });
    },
  };
}

const PLANNABLE = /^\s*\(?\s*(select|with|update|delete)\b/i;

function relationsOf(node: ExplainNode, into: Set<string>): Set<string> {
  if (node["Relation Name"]) into.add(node["Relation Name"]);
  for (const c of node.Plans ?? []) relationsOf(c, into);
  return into;
}

/** Runs a case once through the DAL on `db` (whose logger feeds `capture`): the statements it sent. */
export async function captureCase(
  db: Db,
  capture: Capture,
  c: PlanCase,
): Promise<{ sql: string; params: unknown[] }[]> {
  setDb(db);
  capture.queries = [];
  capture.on = true;
  try {
    await c.call();
  } finally {
    capture.on = false;
  }
  return capture.queries;
}

/** EXPLAINs the plannable statements of a case with `raw` (a connection to the same database, parameters positional). */
export async function explainStatements(
  raw: (text: string, params: unknown[]) => Promise<unknown[]>,
  c: PlanCase,
  queries: { sql: string; params: unknown[] }[],
): Promise<PlanResult> {
  const statements: PlannedStatement[] = [];
  const relations = new Set<string>();
  const violations: string[] = [];
  for (const q of queries.filter((x) => PLANNABLE.test(x.sql))) {
    const res = (await raw(`explain (format json) ${q.sql}`, q.params)) as {
      "QUERY PLAN": { Plan: ExplainNode }[];
    }[];
    const plan = res[0]["QUERY PLAN"][0].Plan;
    const seqScans = seqScansOfBigTables(plan);
    relationsOf(plan, relations);
    statements.push({ ...q, plan, seqScans });
    for (const t of seqScans)
      if (!c.allowSeqScan?.[t]) violations.push(`statement ${statements.length}: seq scan of ${t}`);
  }
  return { case: c, statements, relations, violations };
}

/** captureCase then explainStatements, for each case in turn. */
export async function explainCases(
  db: Db,
  capture: Capture,
  raw: (text: string, params: unknown[]) => Promise<unknown[]>,
  cases: PlanCase[],
): Promise<PlanResult[]> {
  const out: PlanResult[] = [];
  for (const c of cases) out.push(await explainStatements(raw, c, await captureCase(db, capture, c)));
  return out;
}

/** One line per case: the scans of each statement, in order. */
export function planLine(r: PlanResult): string {
  const scans = r.statements.map((s, j) => {
    const list: string[] = [];
    const walk = (n: ExplainNode) => {
      if (/Scan/.test(n["Node Type"]) && (n["Index Name"] || n["Relation Name"]))
        list.push(`${n["Node Type"]} ${n["Index Name"] ?? n["Relation Name"]}`);
      for (const c of n.Plans ?? []) walk(c);
    };
    walk(s.plan);
    return `${j + 1}) ${list.join(", ") || n0(s.plan)}`;
  });
  return `${r.case.name}: ${scans.join("; ")}${r.violations.length ? ` — SEQ SCAN: ${r.violations.join(", ")}` : ""}`;
}

const n0 = (n: ExplainNode) => n["Node Type"];

export { BIG_TABLES };
