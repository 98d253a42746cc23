import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EvaluationForm } from "@/components/evaluation/evaluation-form";
import { getEvaluationEditor } from "@/lib/dal/evaluations";
import { requireRole } from "@/lib/dal/session";
import { emptyEvaluation } from "@/lib/validations/evaluation";
import { EvaluationFrame } from "../editor-frame";
import { loadOr404 } from "../load";

export async function generateMetadata() {
  const t = await getTranslations("evaluation");
  return { title: t("newTitle") };
}

/** A new evaluation; when I already have a draft for this patient, that draft opens instead. */
export default async function NewEvaluationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole("doctor");
  const { id } = await params;
  const [editor, t] = await Promise.all([
    loadOr404(getEvaluationEditor(actor, id, null)),
    getTranslations("evaluation"),
  ]);
  if (!editor) return null;
  if (editor.draft) redirect(`/doctor/patients/${id}/evaluation/${editor.draft.id}/edit`);
  return (
    <EvaluationFrame
      patientId={id}
      title={t("newTitle")}
      note={t("unreviewed", { count: editor.unreviewedCount })}
    >
      <EvaluationForm
        initial={{ ...emptyEvaluation(id), coversReportId: editor.newestReport?.id ?? null }}
        newestReport={editor.newestReport}
      />
    </EvaluationFrame>
  );
}
