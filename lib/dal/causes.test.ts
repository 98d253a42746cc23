import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditEvents, patientProfiles, suspectedCauseChanges } from "@/lib/db/schema";
import type { Actor } from "@/lib/permissions";
import { describeDb } from "@/test/db";
import { createUser } from "@/test/fixtures";
import { grantBreakGlass, insertReport } from "@/test/report-fixture";
import type { SetCauseStatusInput } from "@/lib/validations/causes";
import { getCauseBoard, listSuspectedCauses, setCauseStatus } from "./causes";
import { signEvaluation } from "./evaluations";

const decide = (patientId: string, over: Partial<SetCauseStatusInput>): SetCauseStatusInput => ({
  patientId,
  causeId: null,
  cause: "electrolyte_imbalance",
  label: "",
  status: "under_investigation",
  note: "",
  ...over,
});

describeDb("suspected causes", ({ db }) => {
  async function setup() {
    const doctor = await createUser(db(), { role: "doctor" });
    const patient = await createUser(db(), { role: "patient", doctorId: doctor.id });
    return { doctor, patient };
  }

  it("suggests causes from the unreviewed reports with their facts, work-up and hints", async () => {
    const { doctor, patient } = await setup();
    await db()
      .update(patientProfiles)
      .set({ medicines: ["diuretic"], conditions: ["spinal_cord_injury"] })
      .where(eq(patientProfiles.userId, patient.id));
    await insertReport(db(), patient.id, { triggers: ["heat_dehydration"] });
    await insertReport(
      db(),
      patient.id,
      { pattern: "repeated_twitching", redFlags: ["breathing_or_swallowing"], triageReasons: ["RED_FLAG"] },
      [
        { site: "calf", side: "left" },
        { site: "hand", side: "right" },
      ],
    );
    const board = await getCauseBoard(doctor, patient.id);
    expect(board.basis).toMatchObject({ kind: "unreviewed", reportCount: 2 });
    const byCause = Object.fromEntries(board.suggestions.map((s) => [s.cause, s]));
    expect(Object.keys(byCause)).toEqual([
      "electrolyte_imbalance",
      "fatigue_overuse",
      "neurological_disorder",
      "serious_cause",
    ]);
    expect(byCause.electrolyte_imbalance).toMatchObject({
      facts: ["diuretic_use", "trigger_heat_dehydration"],
      workUp: ["sodium", "potassium", "calcium", "magnesium", "renal_function"],
      reportCount: 2,
    });
    expect(byCause.neurological_disorder).toMatchObject({ suggestNeurologyReferral: true });
    expect(byCause.neurological_disorder.facts).toEqual(
      expect.arrayContaining([
        "pattern_repeated_twitching",
        "multiple_body_sites",
        "condition_spinal_cord_injury",
      ]),
    );
    expect(byCause.serious_cause).toMatchObject({
      suggestUrgentReview: true,
      seriousConditions: ["spinal_cord_injury"],
    });
    expect(byCause.serious_cause.facts).toEqual(
      expect.arrayContaining(["condition_spinal_cord_injury", "red_flag_breathing_or_swallowing"]),
    );
    expect(board.suggestions.every((s) => s.recorded === null)).toBe(true);
  });

  it("after a signed evaluation covers every report, reads the newest report; with no report, suggests nothing", async () => {
    const { doctor, patient } = await setup();
    expect((await getCauseBoard(doctor, patient.id)).basis).toMatchObject({ kind: "none", reportCount: 0 });
    await insertReport(db(), patient.id, { triggers: ["stress"] });
    const newest = await insertReport(db(), patient.id, { triggers: ["injury"], createdAt: undefined });
    await signEvaluation(doctor, {
      patientId: patient.id,
      evaluationId: null,
      coversReportId: newest,
      psfsFrequency: 0,
      psfsSeverity: null,
      mas: [],
      examNotes: "",
      workUpOrdered: [],
      workUpNotes: "",
    });
    const board = await getCauseBoard(doctor, patient.id);
    expect(board.basis).toMatchObject({ kind: "newest", reportCount: 1 });
    expect(board.suggestions.map((s) => s.cause)).toEqual(["fatigue_overuse", "muscle_injury"]);
  });

  it("each decision updates the current status and appends to the history; an unsuggested cause can be added", async () => {
    const { doctor, patient } = await setup();
    const colleague = await createUser(db(), { role: "doctor", name: "Dr Colleague" });
    await grantBreakGlass(db(), colleague.id, patient.id);
    await insertReport(db(), patient.id, { triggers: ["heat_dehydration"] });
    const first = await setCauseStatus(doctor, decide(patient.id, { note: "Check electrolytes" }));
    // A second first-decision on the same suggestion lands on the same row, not a twin.
    const again = await setCauseStatus(
      colleague,
      decide(patient.id, { status: "confirmed", note: "Low sodium" }),
    );
    expect(again.id).toBe(first.id);
    await setCauseStatus(doctor, decide(patient.id, { causeId: first.id, status: "ruled_out", note: "" }));
    const other = await setCauseStatus(
      doctor,
      decide(patient.id, { cause: "other", label: "Hypothyroidism", status: "under_investigation" }),
    );

    const board = await getCauseBoard(doctor, patient.id);
    const electrolyte = board.suggestions.find((s) => s.cause === "electrolyte_imbalance")!;
    expect(electrolyte.recorded).toMatchObject({ id: first.id, status: "ruled_out", note: null });
    expect(electrolyte.recorded!.history.map((h) => [h.status, h.note, h.actorName])).toEqual([
      ["ruled_out", null, doctor.name],
      ["confirmed", "Low sodium", "Dr Colleague"],
      ["under_investigation", "Check electrolytes", doctor.name],
    ]);
    expect(board.others).toHaveLength(1);
    expect(board.others[0]).toMatchObject({ id: other.id, cause: "other", label: "Hypothyroidism" });
    expect(await listSuspectedCauses(doctor, patient.id)).toEqual([
      { id: first.id, cause: "electrolyte_imbalance", label: null, status: "ruled_out" },
      { id: other.id, cause: "other", label: "Hypothyroidism", status: "under_investigation" },
    ]);
    const changes = await db()
      .select()
      .from(suspectedCauseChanges)
      .where(eq(suspectedCauseChanges.causeId, first.id));
    expect(changes).toHaveLength(3);
    const audits = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "cause.write"), eq(auditEvents.patientId, patient.id)));
    expect(audits).toHaveLength(4);
  });

  it("access: another doctor's patient is forbidden, the pool and break-glass allowed, patients and admins refused, foreign cause ids not found", async () => {
    const { doctor, patient } = await setup();
    const { id: causeId } = await setCauseStatus(doctor, decide(patient.id, {}));
    const doctorB = await createUser(db(), { role: "doctor" });
    const calls = (actor: Actor) => [
      () => getCauseBoard(actor, patient.id),
      () => listSuspectedCauses(actor, patient.id),
      () => setCauseStatus(actor, decide(patient.id, { status: "confirmed" })),
    ];
    for (const call of calls(doctorB)) await expect(call()).rejects.toMatchObject({ code: "forbidden" });
    for (const role of ["patient", "admin"] as const) {
      const actor = await createUser(db(), { role });
      for (const call of calls(actor)) await expect(call()).rejects.toMatchObject({ code: "forbidden" });
    }
    await expect(calls(patient)[2]()).rejects.toMatchObject({ code: "forbidden" });
    expect(await listSuspectedCauses(doctor, patient.id)).toMatchObject([{ status: "under_investigation" }]);

    const pooled = await createUser(db(), { role: "patient", doctorId: null });
    await expect(setCauseStatus(doctorB, decide(pooled.id, { cause: "stress" }))).resolves.toHaveProperty(
      "id",
    );
    await grantBreakGlass(db(), doctorB.id, patient.id);
    await expect(getCauseBoard(doctorB, patient.id)).resolves.toHaveProperty("suggestions");
    // A cause id of another patient (or a missing one) is not_found and changes nothing.
    await expect(
      setCauseStatus(doctorB, decide(pooled.id, { causeId, status: "confirmed" })),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      setCauseStatus(doctor, decide(patient.id, { causeId: crypto.randomUUID() })),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await listSuspectedCauses(doctor, patient.id)).toMatchObject([{ status: "under_investigation" }]);
    await expect(getCauseBoard(doctor, crypto.randomUUID())).rejects.toMatchObject({ code: "not_found" });
  });
});
