// Clinic-scale data generator for the bench (issue 6 point 9). Set-based SQL only: every table is filled by one
// INSERT … SELECT over generate_series, so a million reports take minutes, not hours. Runs on PostgreSQL and on
// PGlite (same SQL). Ids are derived from md5(tag, kind, index) so related rows (report → sites, evaluation →
// covered report, audit → patient) are computed without reading anything back.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { upsertTriageCases } from "@/lib/db/triage-case-sql";
import { hashPassword } from "@/lib/auth/password";
import { BODY_SITES, MIDLINE_SITES, TRIGGERS } from "@/lib/domain/report-fields";
import {
  IMPACT_LEVELS,
  RED_FLAGS,
  SERIOUS_CONDITIONS,
  TRIAGE_LEVELS,
  triageReport,
  type TriageInput,
  type TriageLevel,
} from "@/lib/domain/triage";
import { MUSCLE_GROUPS, WORK_UP_TESTS } from "@/lib/domain/evaluation";
import { MAS_VALUES } from "@/lib/domain/scales";

export const BENCH_PASSWORD = "Bench-Password-2026";
/** Bumped whenever the generated data changes, so `npm run bench` rebuilds older bench databases. */
export const BENCH_DATA_VERSION = 2;

export type SeedOptions = {
  patients: number;
  reports: number;
  /** ~40 doctors by default (fewer for tiny clinics). */
  doctors?: number;
  /** Audit events; by default as many as reports. */
  audit?: number;
  /** Distinguishes the ids and e-mails of one run from another in the same database. */
  tag?: string;
  /** Fresh, empty database: drop secondary indexes during the load and skip FK triggers (superuser only). */
  bulk?: boolean;
  log?: (line: string) => void;
};

export type SeedSummary = {
  patients: number;
  reports: number;
  doctors: number;
  auditEvents: number;
  evaluations: number;
  reportSites: number;
  openCases: number;
  heaviestPatientId: string;
  heaviestPatientReports: number;
  /** The doctor with the largest panel (the bench's actor). */
  benchDoctorId: string;
  benchDoctorPanel: number;
  timings: { step: string; ms: number }[];
};

// ---------- report shapes: real triage output, so levels, reasons and answers always agree ----------

type Shape = { level: TriageLevel; input: TriageInput; reasons: string[] };

/** Small deterministic PRNG (mulberry32): the same shapes on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rnd: () => number, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let x = rnd() * total;
  for (const [v, w] of weighted) {
    x -= w;
    if (x < 0) return v;
  }
  return weighted[weighted.length - 1][0];
}

/** `perLevel` distinct-ish report answers per triage level, each triaged by the real rules (lib/domain/triage). */
export function reportShapes(perLevel: number): Shape[] {
  const rnd = prng(20260601);
  const buckets: Record<TriageLevel, Shape[]> = { urgent: [], soon: [], routine: [] };
  const impact = () =>
    pick(rnd, [
      [IMPACT_LEVELS[0], 60],
      [IMPACT_LEVELS[1], 25],
      [IMPACT_LEVELS[2], 10],
      [IMPACT_LEVELS[3], 5],
    ]);
  for (let guard = 0; guard < 1_000_000; guard++) {
    if (TRIAGE_LEVELS.every((l) => buckets[l].length >= perLevel)) break;
    const ongoing = rnd() < 0.08;
    const band = pick(rnd, [
      [0, 50],
      [1, 35],
      [2, 15],
    ] as const);
    const input: TriageInput = {
      painScore:
        band === 0
          ? Math.floor(rnd() * 4)
          : band === 1
            ? 4 + Math.floor(rnd() * 4)
            : 8 + Math.floor(rnd() * 3),
      ongoing,
      durationMinutes: ongoing
        ? null
        : rnd() < 0.7
          ? 1 + Math.floor(rnd() * 14)
          : 15 + Math.floor(rnd() * 90),
      relief: pick(rnd, [
        ["stretching_helped", 45],
        ["massage_helped", 25],
        ["nothing_helped", 15],
        ["not_tried", 15],
      ] as const),
      pattern: pick(rnd, [
        ["single_cramp", 70],
        ["repeated_twitching", 15],
        ["unsure", 15],
      ] as const),
      handImpact: impact(),
      walkingImpact: impact(),
      conditions: pick(rnd, [
        [[], 60],
        [["diabetes"], 15],
        [["thyroid_disease"], 10],
        [["pregnancy"], 5],
        [[SERIOUS_CONDITIONS[Math.floor(rnd() * SERIOUS_CONDITIONS.length)]], 5],
        [["diabetes", "recent_surgery"], 5],
      ] as const).slice(),
      recentCount: pick(rnd, [
        [1, 60],
        [2, 20],
        [3 + Math.floor(rnd() * 4), 20],
      ] as const),
      redFlags: rnd() < 0.03 ? [RED_FLAGS[Math.floor(rnd() * RED_FLAGS.length)]] : [],
    };
    const { level, reasons } = triageReport(input);
    if (buckets[level].length < perLevel) buckets[level].push({ level, input, reasons });
  }
  for (const l of TRIAGE_LEVELS) {
    if (buckets[l].length < perLevel) throw new Error(`could not draw ${perLevel} ${l} report shapes`);
  }
  return TRIAGE_LEVELS.flatMap((l) => buckets[l]);
}

// ---------- helpers ----------

const FIRST = [
  "Camille",
  "Louis",
  "Emma",
  "Hugo",
  "Léa",
  "Gabriel",
  "Chloé",
  "Arthur",
  "Manon",
  "Jules",
  "Alice",
  "Nathan",
  "Inès",
  "Paul",
  "Sarah",
  "Lucas",
  "Jade",
  "Adam",
  "Zoé",
  "Noah",
  "Anna",
  "Tom",
  "Lina",
  "Rayan",
];
const LAST = [
  "Martin",
  "Bernard",
  "Dubois",
  "Thomas",
  "Robert",
  "Richard",
  "Petit",
  "Durand",
  "Leroy",
  "Moreau",
  "Simon",
  "Laurent",
  "Lefebvre",
  "Michel",
  "Garcia",
  "David",
  "Bertrand",
  "Roux",
  "Vincent",
  "Fournier",
  "Morel",
  "Girard",
  "Andre",
  "Mercier",
  "Dupont",
  "Lambert",
  "Bonnet",
  "Francois",
  "Martinez",
  "Smith",
];

const arrayLiteral = (values: readonly string[]) =>
  `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(",")}]::text[]`;
const textArray = (values: readonly string[]) => sql.raw(arrayLiteral(values));
/** An element of `values` picked by a 0-based integer SQL expression. */
const nth = (values: readonly string[], index: string) =>
  sql.raw(`(${arrayLiteral(values)})[1 + (${index})]`);

/** Deterministic RFC 4122 version-4-shaped uuid (zod's z.uuid() checks version and variant) from md5. */
function uuidFrom(expr: string): string {
  return `overlay(overlay(md5(${expr}) placing '4' from 13) placing '8' from 17)::uuid`;
}

function idOf(tag: string, kind: string, ...parts: string[]): SQL {
  return sql.raw(uuidFrom(`'${tag}:${kind}:' || ${parts.join(` || ':' || `)}`));
}

/** Postgres' VACUUM refuses to run in a transaction block; PGlite and postgres.js both run it as a plain statement. */
async function exec(db: Db, q: SQL): Promise<void> {
  await db.execute(q);
}

async function scalar<T>(db: Db, q: SQL): Promise<T> {
  const res = (await db.execute(q)) as unknown;
  const rows = (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as Record<string, unknown>[];
  return Object.values(rows[0] ?? {})[0] as T;
}

async function rows<T>(db: Db, q: SQL): Promise<T[]> {
  const res = (await db.execute(q)) as unknown;
  return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
}

/** Harmonic-like sum Σ i^-s for i = 1..n (exact below 1e6, integral approximation above). */
function powerSum(n: number, s: number): number {
  let total = 0;
  for (let i = 1; i <= Math.min(n, 1_000_000); i++) total += i ** -s;
  if (n > 1_000_000) total += (n ** (1 - s) - 1_000_000 ** (1 - s)) / (1 - s);
  return total;
}

const BULK_TABLES = [
  "spasm_reports",
  "report_sites",
  "audit_events",
  "patient_profiles",
  "evaluations",
  "mas_scores",
];

// ---------- the generator ----------

export async function seedBench(db: Db, options: SeedOptions): Promise<SeedSummary> {
  const log = options.log ?? (() => {});
  const P = Math.max(1, Math.trunc(options.patients));
  const R = Math.max(P, Math.trunc(options.reports));
  const D = Math.max(1, Math.trunc(options.doctors ?? Math.min(40, Math.max(2, Math.round(P / 25)))));
  const A = Math.max(0, Math.trunc(options.audit ?? R));
  const tag = (options.tag ?? "b").replace(/[^a-z0-9]/gi, "");
  const emailTag = tag === "b" ? "" : `+${tag}`;
  const t0 = new Date();
  const T0 = sql.raw(`'${t0.toISOString()}'::timestamptz`);
  const timings: { step: string; ms: number }[] = [];
  const step = async (name: string, work: () => Promise<unknown>) => {
    const start = performance.now();
    await work();
    const ms = performance.now() - start;
    timings.push({ step: name, ms });
    log(`  ${name.padEnd(34)} ${(ms / 1000).toFixed(1).padStart(7)} s`);
  };

  await exec(db, sql`set work_mem = '256MB'`);
  await exec(db, sql`set maintenance_work_mem = '512MB'`);
  await exec(db, sql`set synchronous_commit = off`);
  await exec(db, sql`select setseed(0.4242)`);

  let dropped: { indexname: string; indexdef: string }[] = [];
  let skipFk = false;
  if (options.bulk) {
    const superuser = await scalar<boolean>(
      db,
      sql`select rolsuper from pg_roles where rolname = current_user`,
    );
    skipFk = superuser === true;
    await step("drop secondary indexes", async () => {
      dropped = await rows(
        db,
        sql`
        select i.indexname, i.indexdef from pg_indexes i
        where i.schemaname = 'public' and i.tablename = any(${textArray(BULK_TABLES)})
          and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
      );
      for (const d of dropped) await exec(db, sql.raw(`drop index "${d.indexname}"`));
    });
    // FK triggers off for the load (rows are consistent by construction; checked below).
    if (skipFk) await exec(db, sql`set session_replication_role = replica`);
  }

  const passwordHash = await hashPassword(BENCH_PASSWORD);

  await step(`users (${D} doctors, ${P} patients)`, async () => {
    await exec(
      db,
      sql`
      insert into users (id, email, name, password_hash, role, locale, created_at)
      values (${sql.raw(uuidFrom(`'${tag}:admin'`))}, ${`admin${emailTag}@bench.spasmcare.test`}, 'Bench Admin',
        ${passwordHash}, 'admin', 'en', ${T0} - interval '3 years')`,
    );
    await exec(
      db,
      sql`
      insert into users (id, email, name, password_hash, role, locale, created_at)
      select ${idOf(tag, "d", "i")}, 'doctor' || i || ${emailTag} || '@bench.spasmcare.test',
        'Dr ' || ${nth(FIRST, `i % ${FIRST.length}`)} || ' ' || ${nth(LAST, `(i * 7) % ${LAST.length}`)},
        ${passwordHash}, 'doctor', case when i % 3 = 0 then 'en' else 'fr' end::locale, ${T0} - interval '3 years'
      from generate_series(1, ${D}) i`,
    );
    await exec(
      db,
      sql`
      insert into users (id, email, name, password_hash, role, locale, created_at)
      select ${idOf(tag, "p", "i")}, 'patient' || i || ${emailTag} || '@bench.spasmcare.test',
        ${nth(FIRST, `(i * 13) % ${FIRST.length}`)} || ' ' || ${nth(LAST, `(i / ${FIRST.length}) % ${LAST.length}`)},
        ${passwordHash}, 'patient', case when i % 5 = 0 then 'en' else 'fr' end::locale, ${T0} - interval '2 years'
      from generate_series(1, ${P}) i`,
    );
  });

  // Reports per patient: 1 each, plus the rest split by weight = uniform body + a power-law tail on the index
  // (patient 1 is the heaviest, with thousands at 1 M). Cumulative floors make the total exactly R.
  const TAIL_SHARE = 0.55;
  const tailC = ((TAIL_SHARE / (1 - TAIL_SHARE)) * P) / powerSum(P, 0.7);
  await step("plan patients (panels, report counts)", async () => {
    await exec(db, sql`drop table if exists bench_patients`);
    await exec(
      db,
      sql`
      create temp table bench_patients as
      with w as (
        select i, random() * 2 + ${tailC} * power(i, -0.7) as w, random() as ua, random() as ud, random() as ue,
          random() as uf
        from generate_series(1, ${P}) i
      ), c as (
        select *, sum(w) over (order by i) as cum from w
      ), f as (
        -- x / x is exactly 1 in floating point, so the last patient's cumulative share is exactly the total
        select *, cum / max(cum) over () as frac from c
      ), n as (
        select *, 1 + floor(${R - P}::float8 * frac)::int
          - floor(${R - P}::float8 * coalesce(lag(frac) over (order by i), 0))::int as n
        from f
      )
      select i, ${idOf(tag, "p", "i")} as id, n,
        case when i = 1 then 1 when ua < 0.10 then null else 1 + floor(${D} * power(ud, 1.6))::int end as doctor,
        -- 70 % evaluated up to their newest report, 15 % up to an older one, the rest never evaluated
        case when ue < 0.70 then n when ue < 0.85 and n >= 2 then greatest(1, n - 1 - floor(uf * least(n - 1, 5))::int)
          else 0 end as cover_seq,
        least(730.0, 20 + n * 4.0) / n as gap_days
      from n`,
    );
    await exec(db, sql`alter table bench_patients add column doctor_id uuid, add column eval_doctor_id uuid`);
    await exec(
      db,
      sql`
      update bench_patients set doctor_id = case when doctor is null then null else ${idOf(tag, "d", "doctor")} end,
        eval_doctor_id = ${idOf(tag, "d", `coalesce(doctor, 1 + (i % ${D}))`)}`,
    );
    await exec(db, sql`analyze bench_patients`);
  });

  await step("patient profiles", () =>
    exec(
      db,
      sql`
      insert into patient_profiles (user_id, date_of_birth, sex, conditions, medicines, assigned_doctor_id, updated_at)
      select id, date '1936-01-01' + floor(random() * 365 * 70)::int,
        (array['female','male','female','male','other'])[1 + floor(random() * 5)::int]::sex,
        case floor(random() * 10)::int when 0 then ${textArray(["diabetes"])} when 1 then ${textArray(["thyroid_disease"])}
          when 2 then ${textArray([SERIOUS_CONDITIONS[2]])} when 3 then ${textArray([SERIOUS_CONDITIONS[1], "diabetes"])}
          else '{}'::text[] end,
        case when random() < 0.2 then ${textArray(["diuretic"])} when random() < 0.2 then ${textArray(["statin"])}
          else '{}'::text[] end,
        doctor_id, ${T0} - interval '1 year'
      from bench_patients`,
    ),
  );

  const shapes = reportShapes(256);
  const K = 256;
  await step("report shapes (real triage rules)", async () => {
    await exec(db, sql`drop table if exists bench_shapes`);
    await exec(
      db,
      sql`
      create temp table bench_shapes (lr int, k int, pain int, ongoing boolean, duration int, relief relief,
        pattern pattern, hand impact, walking impact, recent int, conditions text[], red_flags text[],
        level triage_level, reasons text[], primary key (lr, k))`,
    );
    const json = JSON.stringify(
      shapes.map((s, j) => ({
        lr: TRIAGE_LEVELS.indexOf(s.level) === 0 ? 2 : TRIAGE_LEVELS.indexOf(s.level) === 1 ? 1 : 0,
        k: j % K,
        pain: s.input.painScore,
        ongoing: s.input.ongoing,
        duration: s.input.durationMinutes,
        relief: s.input.relief,
        pattern: s.input.pattern,
        hand: s.input.handImpact,
        walking: s.input.walkingImpact,
        recent: s.input.recentCount,
        conditions: s.input.conditions,
        red_flags: s.input.redFlags,
        level: s.level,
        reasons: s.reasons,
      })),
    );
    await exec(
      db,
      sql`
      insert into bench_shapes
      select lr, k, pain, ongoing, duration, relief::relief, pattern::pattern, hand::impact, walking::impact, recent,
        array(select json_array_elements_text(conditions)), array(select json_array_elements_text(red_flags)),
        level::triage_level, array(select json_array_elements_text(reasons))
      from json_to_recordset(${json}::json) as x(lr int, k int, pain int, ongoing boolean, duration int, relief text,
        pattern text, hand text, walking text, recent int, conditions json, red_flags json, level text, reasons json)`,
    );
  });

  // Report seq s of patient i is created at T0 - (n - s + 1) * gap + jitter (< gap): strictly increasing in s.
  const triggerSets = [
    "{}",
    "{}",
    "{}",
    "{exercise_fatigue}",
    "{stress}",
    "{heat_dehydration}",
    "{exercise_fatigue,heat_dehydration}",
    "{new_medicine}",
    "{unknown}",
    "{stress,exercise_fatigue}",
  ];
  if (
    !triggerSets.every((t) =>
      t
        .slice(1, -1)
        .split(",")
        .every((x) => !x || (TRIGGERS as readonly string[]).includes(x)),
    )
  ) {
    throw new Error("unknown trigger");
  }
  await step(`reports (${R})`, () =>
    exec(
      db,
      sql`
      insert into spasm_reports (id, patient_id, started_at, ongoing, duration_minutes, pain_score, relief, pattern,
        hand_impact, walking_impact, triggers, conditions, notes, red_flags, recent_count, triage_level,
        triage_reasons, rules_version, status, withdrawn_at, withdrawn_reason, reviewed_by_id, reviewed_at, created_at)
      select x.rid, x.id, x.created_at - make_interval(mins => floor(x.u3 * 180)::int), s.ongoing, s.duration, s.pain,
        s.relief, s.pattern, s.hand, s.walking,
        ${sql.raw(`case floor(x.u4 * ${triggerSets.length})::int ${triggerSets.map((t, j) => `when ${j} then '${t}'::text[]`).join(" ")} end`)},
        s.conditions,
        case when x.u5 < 0.1 then 'Woke up at night with it' when x.u5 < 0.15 then 'After a long walk' end,
        s.red_flags, s.recent, s.level, s.reasons, 2,
        case when x.u6 < 0.02 then 'withdrawn' else 'active' end::report_status,
        case when x.u6 < 0.02 then x.created_at + interval '1 hour' end,
        case when x.u6 < 0.02 then 'Entered by mistake' end,
        case when x.seq <= x.cover_seq then x.eval_doctor_id end,
        case when x.seq <= x.cover_seq then least(${T0}, x.created_at + interval '1 day') end,
        x.created_at
      from (
        select b.id, b.cover_seq, b.eval_doctor_id, g.seq, ${idOf(tag, "r", "b.i", "g.seq")} as rid,
          ${T0} - make_interval(secs => (b.n - g.seq + 1 - random() * 0.5) * b.gap_days * 86400) as created_at,
          random() as ul,
          floor(random() * ${K})::int as k, random() as u3, random() as u4, random() as u5, random() as u6
        from bench_patients b cross join lateral generate_series(1, b.n) g(seq)
      ) x join bench_shapes s on s.lr = (case when x.ul < 0.7 then 0 when x.ul < 0.9 then 1 else 2 end) and s.k = x.k`,
    ),
  );

  // (sites weighted towards the legs, where cramps mostly are)
  const siteWeights = BODY_SITES.map((s) =>
    ["calf", "foot"].includes(s)
      ? 8
      : ["thigh", "hand"].includes(s)
        ? 4
        : ["neck", "lower_back", "eyelid"].includes(s)
          ? 2
          : 1,
  );
  const sitePool = BODY_SITES.flatMap((_, j) => Array<number>(siteWeights[j]).fill(j));
  const midline = BODY_SITES.map((s) => (MIDLINE_SITES.includes(s) ? "t" : "f"));
  await step("report sites", () =>
    exec(
      db,
      sql`
      insert into report_sites (report_id, site, side)
      select x.rid, (${textArray(BODY_SITES)})[1 + (x.base + j * 5) % ${BODY_SITES.length}]::body_site,
        case when (${textArray(midline)})[1 + (x.base + j * 5) % ${BODY_SITES.length}] = 't' then 'midline'
          else (array['left','right','both','left','right'])[1 + floor(x.u * 5)::int] end::side
      from (
        select ${idOf(tag, "r", "b.i", "g.seq")} as rid,
          (${sql.raw(`array[${sitePool.join(",")}]`)})[1 + floor(random() * ${sitePool.length})::int] as base,
          case when random() < 0.65 then 1 when random() < 0.7 then 2 else 3 end as nsites, random() as u
        from bench_patients b cross join lateral generate_series(1, b.n) g(seq)
      ) x cross join lateral generate_series(0, x.nsites - 1) j`,
    ),
  );

  await step("signed evaluations + MAS", async () => {
    await exec(
      db,
      sql`
      insert into evaluations (id, patient_id, doctor_id, covers_report_id, psfs_frequency, psfs_severity, exam_notes,
        work_up_ordered, status, signed_at, version, created_at, updated_at)
      select ${idOf(tag, "e", "b.i")}, b.id, b.eval_doctor_id, r.id, f, case when f > 0 then 1 + floor(random() * 3)::int end,
        'Examination recorded by the bench generator.',
        case when random() < 0.5 then ${textArray([WORK_UP_TESTS[1], WORK_UP_TESTS[3]])} else '{}'::text[] end,
        'signed', least(${T0}, r.created_at + interval '1 day'), 1, r.created_at + interval '2 hours',
        least(${T0}, r.created_at + interval '1 day')
      from (select *, floor(random() * 5)::int as f from bench_patients where cover_seq > 0) b
      join spasm_reports r on r.id = ${idOf(tag, "r", "b.i", "b.cover_seq")}`,
    );
    await exec(
      db,
      sql`
      insert into mas_scores (evaluation_id, muscle_group, side, score)
      select e.id, ${nth(MUSCLE_GROUPS, `(abs(hashtext(e.id::text)) + j * 3) % ${MUSCLE_GROUPS.length}`)},
        (array['left','right'])[1 + j % 2]::limb_side,
        (${textArray(MAS_VALUES)})[1 + floor(random() * ${MAS_VALUES.length})::int]::mas_score
      from evaluations e cross join generate_series(0, 1) j`,
    );
  });

  // Audit: who did what to whose data, spread over two years, ordered by time so ids follow time.
  const actions = [
    ["report.create", "patient", 30],
    ["report.list", "patient", 8],
    ["report.trends", "patient", 5],
    ["auth.sign_in", "patient", 12],
    ["auth.sign_in", "doctor", 3],
    ["case.read", "doctor", 18],
    ["report.read", "doctor", 10],
    ["evaluation.read", "doctor", 4],
    ["evaluation.sign", "doctor", 2],
    ["plan.read", "doctor", 2],
    ["patient.search", "doctor", 2],
    ["care.read", "patient", 3],
    ["audit.read", "admin", 1],
  ] as const;
  const cum: string[] = [];
  let acc = 0;
  const totalW = actions.reduce((s, a) => s + a[2], 0);
  actions.forEach(([, , w], j) => {
    acc += w;
    cum.push(`when x.ua < ${(acc / totalW).toFixed(6)} then ${j}`);
  });
  const act = (field: 0 | 1) => textArray(actions.map((a) => a[field]));
  await step(`audit events (${A})`, () =>
    exec(
      db,
      sql`
      insert into audit_events (at, actor_id, actor_role, action, outcome, patient_id, entity_type, entity_id,
        request_id, ip, user_agent)
      select y.at,
        case y.role when 'patient' then b.id when 'doctor' then coalesce(b.doctor_id, b.eval_doctor_id)
          else ${sql.raw(uuidFrom(`'${tag}:admin'`))} end,
        y.role::role, y.action,
        case when y.action = 'auth.sign_in' and y.uo < 0.04 then 'failure'
          when y.role = 'doctor' and y.uo < 0.01 then 'denied' else 'success' end::audit_outcome,
        case when y.action in ('auth.sign_in', 'patient.search', 'audit.read') then null else b.id end,
        case when y.action like 'report.%' then 'report' when y.action like 'evaluation.%' then 'evaluation'
          when y.action like 'case.%' then 'patient' end,
        case when y.action like 'report.%' or y.action like 'case.%' then b.id::text end,
        substr(md5(y.g::text), 1, 16), '10.' || (y.g % 200) || '.' || (y.g % 97) || '.' || (y.g % 251),
        (array['Mozilla/5.0 (iPhone; CPU iPhone OS 18_4 like Mac OS X) Mobile/15E148 Safari/604.1',
          'Mozilla/5.0 (Linux; Android 15) Chrome/137.0 Mobile Safari/537.36',
          'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/137.0 Safari/537.36'])[1 + y.g % 3]
      from (
        select x.g, x.at, x.pidx, x.uo, (${act(0)})[1 + a.j] as action, (${act(1)})[1 + a.j] as role
        from (
          select g, ${T0} - make_interval(secs => random() * 730 * 86400) as at,
            1 + floor(${P} * power(random(), 2))::int as pidx, random() as ua, random() as uo
          from generate_series(1, ${A}) g
        ) x cross join lateral (select case ${sql.raw(cum.join(" "))} else 0 end as j) a
      ) y join bench_patients b on b.i = y.pidx
      order by y.at`,
    ),
  );

  // Synchronous from here: VACUUM marks a page all-visible (index-only scans) only once the inserting commit is
  // flushed, and the next synchronous commit flushes every earlier asynchronous one.
  await exec(db, sql`set synchronous_commit = on`);
  if (options.bulk) {
    if (skipFk) await exec(db, sql`set session_replication_role = origin`);
    await step(`recreate ${dropped.length} indexes`, async () => {
      for (const d of dropped) await exec(db, sql.raw(d.indexdef));
    });
    if (skipFk) {
      await step("check foreign keys", async () => {
        const broken = await scalar<number>(
          db,
          sql`
          select (select count(*) from spasm_reports r left join users u on u.id = r.patient_id where u.id is null)
            + (select count(*) from report_sites s left join spasm_reports r on r.id = s.report_id where r.id is null)
            + (select count(*) from evaluations e left join spasm_reports r on r.id = e.covers_report_id where r.id is null)
            + (select count(*) from audit_events a left join users u on u.id = a.actor_id where a.actor_id is not null and u.id is null)
            + (select count(*) from patient_profiles p left join users u on u.id = p.assigned_doctor_id
                where p.assigned_doctor_id is not null and u.id is null)`,
        );
        if (Number(broken) !== 0) throw new Error(`${broken} rows break a foreign key`);
      });
    }
  }

  // Statistics first: without them the planner scans reports per patient (90 s instead of 1 s at 100 k).
  await step("vacuum analyze", () => exec(db, sql`vacuum analyze`));
  await step("queue summary (triage_cases)", () => exec(db, upsertTriageCases(sql`true`)));
  await step("vacuum analyze triage_cases", () => exec(db, sql`vacuum analyze triage_cases`));

  const summary = (
    await rows<Record<string, string | number>>(
      db,
      sql`
      select (select count(*) from users where role = 'patient') as patients,
        (select count(*) from users where role = 'doctor') as doctors,
        (select count(*) from spasm_reports) as reports, (select count(*) from report_sites) as sites,
        (select count(*) from evaluations) as evaluations, (select count(*) from audit_events) as audit,
        (select count(*) from triage_cases) as open_cases`,
    )
  )[0];
  const heaviest = (
    await rows<{ id: string; n: number }>(
      db,
      sql`select id, n from bench_patients order by n desc, i limit 1`,
    )
  )[0];
  const doctor = (
    await rows<{ id: string; panel: number | string }>(
      db,
      sql`
      select assigned_doctor_id as id, count(*) as panel from patient_profiles where assigned_doctor_id is not null
      group by 1 order by 2 desc limit 1`,
    )
  )[0];
  await exec(db, sql`drop table if exists bench_patients`);
  await exec(db, sql`drop table if exists bench_shapes`);
  return {
    patients: Number(summary.patients),
    doctors: Number(summary.doctors),
    reports: Number(summary.reports),
    reportSites: Number(summary.sites),
    evaluations: Number(summary.evaluations),
    auditEvents: Number(summary.audit),
    openCases: Number(summary.open_cases),
    heaviestPatientId: heaviest.id,
    heaviestPatientReports: Number(heaviest.n),
    benchDoctorId: doctor.id,
    benchDoctorPanel: Number(doctor.panel),
    timings,
  };
}
