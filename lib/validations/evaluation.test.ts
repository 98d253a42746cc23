import { describe, expect, it } from "vitest";
import { setCauseStatusSchema } from "./causes";
import { emptyEvaluation, evaluationDraftSchema, muscleGroupOf, signEvaluationSchema } from "./evaluation";

const PID = "6f1c2a7e-8a43-4a52-9a55-2f5b4b1c9d01";
const base = { ...emptyEvaluation(PID) };
const errors = (schema: typeof evaluationDraftSchema | typeof signEvaluationSchema, input: unknown) => {
  const r = schema.safeParse(input);
  if (r.success) return {};
  // As the action client keys them: the full path of the field, first message per field.
  const out: Record<string, string> = {};
  for (const i of r.error.issues) out[i.path.join(".")] ??= i.message;
  return out;
};

describe("evaluation validation", () => {
  it.each([
    [null, null, {}],
    [0, null, {}],
    [0, 1, { psfsSeverity: "psfs_severity_not_allowed" }],
    [null, 2, { psfsSeverity: "psfs_severity_not_allowed" }],
    [1, null, { psfsSeverity: "psfs_severity_required" }],
    [4, 3, {}],
    [1, 1, {}],
    [5, 1, { psfsFrequency: "invalid" }],
    [2, 4, { psfsSeverity: "invalid" }],
    [2, 0, { psfsSeverity: "invalid" }],
    [1.5, 1, { psfsFrequency: "invalid" }],
  ])("PSFS frequency %s with severity %s on a draft", (psfsFrequency, psfsSeverity, expected) => {
    expect(errors(evaluationDraftSchema, { ...base, psfsFrequency, psfsSeverity })).toEqual(expected);
  });

  it("signing requires the PSFS frequency and a report id or null", () => {
    expect(errors(signEvaluationSchema, { ...base, coversReportId: null })).toEqual({
      psfsFrequency: "psfs_frequency_required",
    });
    expect(errors(signEvaluationSchema, { ...base, psfsFrequency: 0, coversReportId: null })).toEqual({});
    expect(errors(signEvaluationSchema, { ...base, psfsFrequency: 0, coversReportId: "x" })).toEqual({
      coversReportId: "invalid",
    });
  });

  it("keeps '1+' as its own MAS code and refuses 1.5, unknown groups, empty free entries and duplicates", () => {
    const row = (over: object) => ({
      group: "wrist_flexors",
      otherGroup: "",
      side: "left",
      score: "1+",
      ...over,
    });
    const ok = evaluationDraftSchema.parse({ ...base, mas: [row({})] });
    expect(ok.mas[0].score).toBe("1+");
    expect(errors(evaluationDraftSchema, { ...base, mas: [row({ score: "1.5" })] })).toEqual({
      "mas.0.score": "required",
    });
    expect(errors(evaluationDraftSchema, { ...base, mas: [row({ score: 1.5 })] })).toEqual({
      "mas.0.score": "required",
    });
    expect(errors(evaluationDraftSchema, { ...base, mas: [row({ side: "both" })] })).toEqual({
      "mas.0.side": "required",
    });
    expect(
      errors(evaluationDraftSchema, { ...base, mas: [row({ group: "other", otherGroup: "  " })] }),
    ).toEqual({
      "mas.0.otherGroup": "mas_group_required",
    });
    expect(
      errors(evaluationDraftSchema, {
        ...base,
        mas: [row({ group: "other", otherGroup: "Wrist_Flexors" }), row({ side: "right" }), row({})],
      }),
    ).toEqual({ "mas.2.group": "mas_duplicate" });
    expect(muscleGroupOf({ group: "other", otherGroup: " Tibialis posterior " })).toBe("Tibialis posterior");
    expect(muscleGroupOf({ group: "hip_adductors", otherGroup: "ignored" })).toBe("hip_adductors");
  });

  it("work-up: known tests only, 'other' needs a note", () => {
    expect(errors(evaluationDraftSchema, { ...base, workUpOrdered: ["sodium", "ck"] })).toEqual({});
    expect(errors(evaluationDraftSchema, { ...base, workUpOrdered: ["other"] })).toEqual({
      workUpNotes: "work_up_other_required",
    });
    expect(errors(evaluationDraftSchema, { ...base, workUpOrdered: ["vitamin_d"] })).toEqual({
      "workUpOrdered.0": "invalid",
    });
    expect(errors(evaluationDraftSchema, { ...base, examNotes: "x".repeat(4001) })).toEqual({
      examNotes: "too_long",
    });
  });

  it("a cause decision needs a status, and a label for a new 'other' cause", () => {
    const input = { patientId: PID, causeId: null, cause: "other", label: "", status: "confirmed", note: "" };
    expect(setCauseStatusSchema.safeParse(input).success).toBe(false);
    expect(setCauseStatusSchema.safeParse({ ...input, label: "Hypothyroidism" }).success).toBe(true);
    expect(setCauseStatusSchema.safeParse({ ...input, cause: "stress", status: "suggested" }).success).toBe(
      false,
    );
  });
});
