import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PlanView } from "@/components/plan/plan-view";
import { getPlanVersion } from "@/lib/dal/plans";
import { requireRole } from "@/lib/dal/session";
import { isDalError } from "@/lib/errors";

export async function generateMetadata() {
  const t = await getTranslations("plan");
  return { title: t("versions.title") };
}

/** One version of the plan, read-only (drafts, published and superseded versions alike). */
export default async function PlanVersionPage({
  params,
}: {
  params: Promise<{ id: string; planId: string }>;
}) {
  const actor = await requireRole("doctor");
  const { id, planId } = await params;
  const missing = (err: unknown): never => {
    if (isDalError(err) && err.code === "not_found") notFound();
    throw err;
  };
  const plan = await getPlanVersion(actor, id, planId).catch(missing);
  const t = await getTranslations("plan");
  return (
    <div className="grid gap-4">
      <Link
        href={`/doctor/patients/${id}/plan`}
        className="text-primary inline-flex w-fit items-center gap-1 text-sm underline-offset-4 hover:underline"
      >
        <ArrowLeft aria-hidden className="size-4" /> {t("versions.back")}
      </Link>
      <h1 className="sr-only">{t("versions.version", { version: plan.version })}</h1>
      <PlanView plan={plan} causes={plan.causes} patientId={id} titleId="version-plan" />
    </div>
  );
}
