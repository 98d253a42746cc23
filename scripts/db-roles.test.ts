// scripts/db-roles.sql on PostgreSQL (issue 11, point 7): the app, connected as a login role in spasmcare_app, does
// its normal work, may append to and read audit_events, and is refused UPDATE, DELETE and TRUNCATE there by the
// privilege system (not only by the append-only trigger), nor can it switch the trigger off.
// PostgreSQL only: PGlite has a single superuser and no roles to speak of. Without TEST_DATABASE_URL the suite is
// reported as skipped, never as passed.
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { setDb, type Db } from "@/lib/db";
import * as schema from "@/lib/db/schema";
import { auditEvents, userMfa, userSessions } from "@/lib/db/schema";
import { recordAudit } from "@/lib/dal/audit";
import { resetUserMfa } from "@/lib/dal/mfa";
import { recordMfaFailure } from "@/lib/dal/rate-limit";
import { createReport } from "@/lib/dal/reports";
import { endSession, startSession } from "@/lib/dal/sessions";
import { reportSchema } from "@/lib/validations/report";
import { createUser } from "@/test/fixtures";
import { withDatabase } from "@/test/global-setup";

const SCRIPT = readFileSync(path.join(import.meta.dirname, "db-roles.sql"), "utf8");
const template = inject("pgTemplate");

type Client = import("postgres").Sql;

describe.skipIf(!template)("least-privilege app role (scripts/db-roles.sql) [postgres]", () => {
  const url = process.env.TEST_DATABASE_URL!;
  const dbName = `spasmcare_t_${randomBytes(6).toString("hex")}`;
  const loginRole = `spasmcare_t_web_${randomBytes(4).toString("hex")}`;
  let admin: Client; // the test server's superuser: creates and drops the database and the login role
  let owner: Client; // plays the tables' owner (the migrating role) in the test database
  let app: Client; // the app server's connection, as the login role
  let appDb: Db;

  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => "allowed",
      (err: { code?: string; message?: string }) => `${err.code}: ${err.message}`,
    );

  beforeAll(async () => {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE "${dbName}" TEMPLATE "${template}"`);
    owner = postgres(withDatabase(url, dbName), { max: 1, onnotice: () => {} });
    await owner.unsafe(SCRIPT);
    await owner.unsafe(SCRIPT); // idempotent
    const password = randomBytes(12).toString("hex");
    await admin.unsafe(`CREATE ROLE "${loginRole}" LOGIN PASSWORD '${password}' IN ROLE spasmcare_app`);
    const appUrl = new URL(withDatabase(url, dbName));
    appUrl.username = loginRole;
    appUrl.password = password;
    app = postgres(appUrl.toString(), { max: 2, onnotice: () => {} });
    appDb = drizzle(app, { schema }) as unknown as Db;
    setDb(appDb);
  });

  afterAll(async () => {
    setDb(undefined);
    await app?.end();
    await owner?.end();
    await admin?.unsafe(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin?.unsafe(`DROP ROLE IF EXISTS "${loginRole}"`);
    await admin?.end();
  });

  it("connects as the login role, which is neither the owner nor a superuser", async () => {
    const [me] =
      await app`select current_user as u, (select rolsuper from pg_roles where rolname = current_user) as su`;
    expect(me).toEqual({ u: loginRole, su: false });
    const [t] = await app`select tableowner from pg_tables where tablename = 'audit_events'`;
    expect(t.tableowner).not.toBe(loginRole);
  });

  it("does the app's normal work: users, sessions, reports, throttle counters, MFA reset (insert, update, delete)", async () => {
    const doctor = await createUser(appDb, { role: "doctor" });
    const patient = await createUser(appDb, { role: "patient", doctorId: doctor.id });
    const adminUser = await createUser(appDb, { role: "admin" });
    const sid = await startSession(patient.id);
    const report = await createReport(
      patient,
      reportSchema.parse({
        startedAt: new Date(Date.now() - 30 * 60_000).toISOString(),
        ongoing: false,
        durationMinutes: 5,
        painScore: 3,
        redFlags: ["none"],
        relief: "stretching_helped",
        pattern: "single_cramp",
        handImpact: "none",
        walkingImpact: "mild",
        sites: [{ site: "calf", side: "left" }],
        triggers: ["exercise_fatigue"],
        conditions: [],
        notes: "",
      }),
      { idempotencyKey: randomUUID() },
    );
    expect(report.id).toBeTruthy();
    await recordMfaFailure(doctor.id, "192.0.2.1");
    await appDb.insert(userMfa).values({ userId: doctor.id, secret: "v1:placeholder" });
    await startSession(doctor.id);
    await resetUserMfa({ ...adminUser, ip: "192.0.2.2" }, doctor.id); // deletes user_mfa, ends sessions, audits
    expect(await appDb.select().from(userMfa).where(eq(userMfa.userId, doctor.id))).toEqual([]);
    await endSession(patient, sid);
    const [s] = await appDb.select().from(userSessions).where(eq(userSessions.id, sid));
    expect(s.endedAt).not.toBeNull();
    const actions = (
      await appDb
        .select({ a: auditEvents.action })
        .from(auditEvents)
        .where(eq(auditEvents.entityId, doctor.id))
    ).map((r) => r.a);
    expect(actions).toContain("mfa.reset");
  });

  it("may append to and read audit_events", async () => {
    const u = await createUser(appDb, { role: "admin" });
    await recordAudit(appDb, { action: "settings.update", actor: u, entityType: "test", entityId: u.id });
    const rows = await appDb.select().from(auditEvents).where(eq(auditEvents.entityId, u.id));
    expect(rows).toHaveLength(1);
  });

  it("is refused UPDATE, DELETE and TRUNCATE on audit_events by privilege, before the trigger", async () => {
    const u = await createUser(appDb, { role: "admin" });
    await recordAudit(appDb, { action: "settings.update", actor: u, entityType: "test", entityId: u.id });
    const denied = "42501: permission denied for table audit_events";
    expect(await refusal(app`update audit_events set outcome = 'failure' where entity_id = ${u.id}`)).toBe(
      denied,
    );
    expect(await refusal(app`delete from audit_events where entity_id = ${u.id}`)).toBe(denied);
    expect(await refusal(app`truncate audit_events`)).toBe(denied);
    expect(await refusal(app`truncate audit_events cascade`)).toBe(denied);
    // The owner passes the privilege check and meets the trigger: two distinct layers.
    expect(await refusal(owner`delete from audit_events where entity_id = ${u.id}`)).toMatch(/append-only/);
    const [{ n }] = await owner`select count(*)::int as n from audit_events where entity_id = ${u.id}`;
    expect(n).toBe(1);
  });

  it("cannot switch the trigger off, rewind the id sequence, create tables, or read the migrations journal", async () => {
    expect(
      await refusal(app`alter table audit_events disable trigger audit_events_no_update_delete`),
    ).toMatch(/^42501: must be owner of table audit_events/);
    expect(await refusal(app`drop trigger audit_events_no_truncate on audit_events`)).toMatch(
      /^42501: must be owner of (table|relation) audit_events/,
    );
    expect(await refusal(app`select setval('audit_events_id_seq', 1)`)).toMatch(
      /^42501: permission denied for sequence audit_events_id_seq/,
    );
    expect(await refusal(app`truncate rate_limits`)).toMatch(
      /^42501: permission denied for table rate_limits/,
    );
    expect(await refusal(app`select * from drizzle.__drizzle_migrations`)).toMatch(
      /^42501: permission denied for schema drizzle/,
    );
    const [{ v }] = await app`select current_setting('server_version_num')::int as v`;
    if (v >= 150000)
      expect(await refusal(app`create table spasmcare_t_x (id int)`)).toMatch(
        /^42501: permission denied for schema public/,
      );
  });

  it("a re-run takes back a right granted by hand (UPDATE on audit_events)", async () => {
    await owner.unsafe(`GRANT UPDATE, DELETE ON audit_events TO spasmcare_app`);
    expect(await refusal(app`update audit_events set outcome = outcome where false`)).toBe("allowed");
    await owner.unsafe(SCRIPT);
    expect(await refusal(app`update audit_events set outcome = outcome where false`)).toBe(
      "42501: permission denied for table audit_events",
    );
    expect(await refusal(app`delete from audit_events where false`)).toBe(
      "42501: permission denied for table audit_events",
    );
  });

  it("a table a later migration creates is usable by the app at once (default privileges)", async () => {
    await owner.unsafe(`CREATE TABLE spasmcare_t_later (id int primary key)`);
    await app`insert into spasmcare_t_later values (1)`;
    await app`update spasmcare_t_later set id = 2`;
    await app`delete from spasmcare_t_later`;
    expect(await refusal(app`truncate spasmcare_t_later`)).toMatch(/^42501: permission denied/);
    await owner.unsafe(`DROP TABLE spasmcare_t_later`);
  });
});
