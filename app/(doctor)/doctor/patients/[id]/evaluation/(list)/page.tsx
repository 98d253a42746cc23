import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EvaluationList } from "@/components/evaluation/evaluation-list";
import { Button } from "@/components/ui/button";
import { listEvaluations } from "@/lib/dal/evaluations";
import { requireRole } from "@/lib/dal/session";
import { loadOr404 } from "../load";

export async function generateMetadata() {
  const t = await getTranslations("evaluation");
  return { title: t("title") };
}

/** Every evaluation of the patient with its versions; a way to start one or to continue my draft. */
export default async function EvaluationsPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireRole("doctor");
  const { id } = await params;
  const [items, t] = await Promise.all([
    loadOr404(listEvaluations(actor, id)),
    getTranslations("evaluation"),
  ]);
  if (!items) return null;
  const myDraft = items.find((e) => e.status === "draft" && e.doctorId === actor.id);
  const base = `/doctor/patients/${id}/evaluation`;
  return (
    <section aria-labelledby="evaluations-title" className="grid gap-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h2 id="evaluations-title" className="text-xl font-semibold">
            {t("title")}
          </h2>
          <p className="text-muted-foreground mt-1 max-w-2xl text-sm">{t("subtitle")}</p>
        </div>
        <Button asChild>
          <Link href={myDraft ? `${base}/${myDraft.id}/edit` : `${base}/new`} data-testid="evaluation-start">
            {myDraft ? t("continueDraft") : t("new")}
          </Link>
        </Button>
      </div>
      <EvaluationList items={items} patientId={id} />
    </section>
  );
}
