import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EvaluationForm } from "@/components/evaluation/evaluation-form";
import { getEvaluationEditor } from "@/lib/dal/evaluations";
import { requireRole } from "@/lib/dal/session";
import { isKnownMuscleGroup } from "@/lib/domain/evaluation";
import { OTHER_MUSCLE } from "@/lib/validations/evaluation";
import { EvaluationFrame } from "../../editor-frame";
import { loadOr404 } from "../../load";

export async function generateMetadata() {
  const t = await getTranslations("evaluation");
  return { title: t("newTitle") };
}

/** My draft in the editor. A signed version, or someone else's draft, opens read-only instead. */
export default async function EditEvaluationPage({
  params,
}: {
  params: Promise<{ id: string; evaluationId: string }>;
}) {
  const actor = await requireRole("doctor");
  const { id, evaluationId } = await params;
  const [editor, t] = await Promise.all([
    loadOr404(getEvaluationEditor(actor, id, evaluationId)),
    getTranslations("evaluation"),
  ]);
  if (!editor?.draft) return null;
  const d = editor.draft;
  if (!d.editable) redirect(`/doctor/patients/${id}/evaluation/${d.id}`);
  return (
    <EvaluationFrame
      patientId={id}
      title={t("editTitle", { version: d.version })}
      note={t("unreviewed", { count: editor.unreviewedCount })}
    >
      <EvaluationForm
        initial={{
          patientId: id,
          evaluationId: d.id,
          psfsFrequency: d.psfsFrequency,
          psfsSeverity: d.psfsSeverity,
          mas: d.mas.map((m) =>
            isKnownMuscleGroup(m.muscleGroup)
              ? { group: m.muscleGroup, otherGroup: "", side: m.side, score: m.score }
              : { group: OTHER_MUSCLE, otherGroup: m.muscleGroup, side: m.side, score: m.score },
          ),
          examNotes: d.examNotes ?? "",
          workUpOrdered: d.workUpOrdered,
          workUpNotes: d.workUpNotes ?? "",
          coversReportId: editor.newestReport?.id ?? null,
        }}
        newestReport={editor.newestReport}
      />
    </EvaluationFrame>
  );
}
