import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accessActionKey } from "@/components/access-log/access-action";
import type { Db } from "@/lib/db";
import { auditEvents } from "@/lib/db/schema";
import type { Role } from "@/lib/permissions";
import { describeDb } from "@/test/db";
import { createUser } from "@/test/fixtures";
import { ACCESS_LOG_PAGE_SIZE, listOwnAccessLog } from "./access-log";

describe("accessActionKey", () => {
  it.each([
    ["report.read", "viewedReports"],
    ["report.list", "viewedReports"],
    ["report.export", "exportedReports"],
    ["case.read", "viewedRecord"],
    ["plan.publish", "changedPlan"],
    ["plan.update", "changedPlan"],
    ["plan.read", "viewedPlan"],
    ["evaluation.sign", "recordedEvaluation"],
    ["referral.update", "updatedReferral"],
    ["injection.create", "updatedInjection"],
    ["account.create", "createdAccount"],
    ["account.update", "updatedAccount"],
    ["break_glass.open", "breakGlass"],
    ["case.break_glass", "breakGlass"],
    ["something.new", "accessedRecord"],
    ["", "accessedRecord"],
  ])("%j → %s", (action, key) => {
    expect(accessActionKey(action)).toBe(key);
  });
});

async function audit(
  db: Db,
  o: {
    actorId: string | null;
    role: Role;
    patientId: string;
    action: string;
    minutesAgo: number;
    outcome?: "success" | "denied";
  },
) {
  await db.insert(auditEvents).values({
    actorId: o.actorId,
    actorRole: o.role,
    patientId: o.patientId,
    action: o.action,
    outcome: o.outcome ?? "success",
    entityType: "spasm_report",
    entityId: "internal-entity-id",
    requestId: "internal-request-id",
    at: new Date(Date.now() - o.minutesAgo * 60_000),
  });
}

describeDb("access log DAL", ({ db }) => {
  it("shows clinicians' and admins' events on the patient, newest first, and not the patient's own", async () => {
    const doctor = await createUser(db(), { role: "doctor", name: "Dr Claire Martin" });
    const admin = await createUser(db(), { role: "admin", name: "Sophie Admin" });
    const patient = await createUser(db(), { role: "patient", doctorId: doctor.id });
    await audit(db(), {
      actorId: patient.id,
      role: "patient",
      patientId: patient.id,
      action: "report.create",
      minutesAgo: 1,
    });
    await audit(db(), {
      actorId: doctor.id,
      role: "doctor",
      patientId: patient.id,
      action: "report.read",
      minutesAgo: 10,
    });
    await audit(db(), {
      actorId: admin.id,
      role: "admin",
      patientId: patient.id,
      action: "account.update",
      minutesAgo: 5,
    });
    await audit(db(), {
      actorId: doctor.id,
      role: "doctor",
      patientId: patient.id,
      action: "case.read",
      minutesAgo: 2,
      outcome: "denied",
    });

    const log = await listOwnAccessLog(patient);
    expect(log.entries.map((e) => [e.actorName, e.actorRole, e.action])).toEqual([
      ["Sophie Admin", "admin", "account.update"],
      ["Dr Claire Martin", "doctor", "report.read"],
    ]);
    expect(log).toMatchObject({ page: 1, pageCount: 1, total: 2 });
    expect(JSON.stringify(log)).not.toMatch(/internal-(entity|request)-id/);
  });

  it("patient B never sees events on patient A", async () => {
    const doctor = await createUser(db(), { role: "doctor" });
    const a = await createUser(db(), { role: "patient" });
    const b = await createUser(db(), { role: "patient" });
    await audit(db(), {
      actorId: doctor.id,
      role: "doctor",
      patientId: a.id,
      action: "report.read",
      minutesAgo: 1,
    });
    expect((await listOwnAccessLog(b)).entries).toEqual([]);
    expect((await listOwnAccessLog(a)).entries).toHaveLength(1);
  });

  it("keeps the event of a deleted staff account, without a name", async () => {
    const patient = await createUser(db(), { role: "patient" });
    await audit(db(), {
      actorId: null,
      role: "doctor",
      patientId: patient.id,
      action: "plan.publish",
      minutesAgo: 1,
    });
    expect((await listOwnAccessLog(patient)).entries[0]).toMatchObject({
      actorName: null,
      actorRole: "doctor",
    });
  });

  it("paginates, clamping the page into range", async () => {
    const doctor = await createUser(db(), { role: "doctor" });
    const patient = await createUser(db(), { role: "patient" });
    const n = ACCESS_LOG_PAGE_SIZE + 3;
    for (let i = 0; i < n; i++) {
      await audit(db(), {
        actorId: doctor.id,
        role: "doctor",
        patientId: patient.id,
        action: "report.read",
        minutesAgo: i,
      });
    }
    const first = await listOwnAccessLog(patient, { page: 1 });
    const second = await listOwnAccessLog(patient, { page: 2 });
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: n });
    expect(first.entries).toHaveLength(ACCESS_LOG_PAGE_SIZE);
    expect(second.entries).toHaveLength(3);
    expect(first.entries[0].at.getTime()).toBeGreaterThan(second.entries[0].at.getTime());
    expect((await listOwnAccessLog(patient, { page: 99 })).page).toBe(2);
    expect((await listOwnAccessLog(patient, { page: -1 })).page).toBe(1);
  });

  it("audits the read as access_log.read, which does not show in the patient's own log", async () => {
    const patient = await createUser(db(), { role: "patient" });
    await listOwnAccessLog(patient);
    await listOwnAccessLog(patient);
    const events = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.patientId, patient.id), eq(auditEvents.action, "access_log.read")));
    expect(events).toHaveLength(2);
    expect((await listOwnAccessLog(patient)).total).toBe(0);
  });

  it("refuses doctors and admins (forbidden)", async () => {
    for (const role of ["doctor", "admin"] as const) {
      const staff = await createUser(db(), { role });
      await expect(listOwnAccessLog(staff)).rejects.toThrow("forbidden");
    }
  });
});
