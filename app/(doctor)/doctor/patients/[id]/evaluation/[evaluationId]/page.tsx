import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AmendButton } from "@/components/evaluation/evaluation-form";
import { EvaluationView } from "@/components/evaluation/evaluation-view";
import { Button } from "@/components/ui/button";
import { getEvaluation } from "@/lib/dal/evaluations";
import { requireRole } from "@/lib/dal/session";
import { EvaluationFrame } from "../editor-frame";
import { loadOr404 } from "../load";

export async function generateMetadata() {
  const t = await getTranslations("evaluation");
  return { title: t("title") };
}

/** One version, read-only; my draft offers "continue editing", a signed version not yet amended offers "amend". */
export default async function EvaluationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; evaluationId: string }>;
  searchParams: Promise<{ signed?: string; newer?: string }>;
}) {
  const actor = await requireRole("doctor");
  const [{ id, evaluationId }, query] = await Promise.all([params, searchParams]);
  const [evaluation, t] = await Promise.all([
    loadOr404(getEvaluation(actor, id, evaluationId)),
    getTranslations("evaluation"),
  ]);
  if (!evaluation) return null;
  const newer = Number(query.newer ?? 0);
  return (
    <EvaluationFrame patientId={id} title={t("viewTitle", { version: evaluation.version })}>
      {query.signed === "1" && evaluation.status === "signed" ? (
        <div role="status" data-testid="evaluation-signed" className="bg-muted rounded-lg p-3 text-sm">
          <p className="font-medium">{t("sign.signed")}</p>
          {Number.isInteger(newer) && newer > 0 ? <p>{t("sign.newer", { count: newer })}</p> : null}
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {evaluation.editable ? (
          <Button asChild>
            <Link href={`/doctor/patients/${id}/evaluation/${evaluation.id}/edit`}>{t("actions.edit")}</Link>
          </Button>
        ) : null}
        {evaluation.amendable ? <AmendButton patientId={id} evaluationId={evaluation.id} /> : null}
      </div>
      <EvaluationView evaluation={evaluation} patientId={id} />
    </EvaluationFrame>
  );
}
