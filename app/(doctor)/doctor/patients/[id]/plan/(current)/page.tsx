import { CheckCircle2, ClipboardList } from "lucide-react";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/common/empty-state";
import { PlanEditor } from "@/components/plan/plan-editor";
import { PlanVersions } from "@/components/plan/plan-versions";
import { PlanView } from "@/components/plan/plan-view";
import { ReviseButton } from "@/components/plan/revise-button";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { getPlanWorkspace } from "@/lib/dal/plans";
import { requireRole } from "@/lib/dal/session";
import { isDalError } from "@/lib/errors";

export async function generateMetadata() {
  const t = await getTranslations("plan");
  return { title: t("title") };
}

/** The case's treatment plan: the draft editor, the published plan with its record actions, and the versions. */
export default async function PlanPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireRole("doctor");
  const { id } = await params;
  const justPublished = (await searchParams).published;
  const workspace = await getPlanWorkspace(actor, id).catch((err: unknown) => {
    if (isDalError(err) && err.code === "not_found") notFound();
    throw err;
  });
  const t = await getTranslations("plan");
  const { draft, published, versions } = workspace;
  const startNew = !draft && !published;
  return (
    <div className="grid gap-6">
      <h1 className="sr-only">{t("title")}</h1>
      {typeof justPublished === "string" && published && !draft ? (
        <Alert role="status" data-testid="plan-published-notice">
          <CheckCircle2 aria-hidden />
          <AlertDescription>{t("publishedNotice", { version: published.version })}</AlertDescription>
        </Alert>
      ) : null}
      {startNew ? (
        <EmptyState icon={<ClipboardList aria-hidden className="size-10" />} title={t("empty.title")}>
          <p>{t("empty.body")}</p>
        </EmptyState>
      ) : null}
      {draft || startNew ? (
        <PlanEditor
          key={draft ? `${draft.id}-${draft.updatedAt}` : "new"}
          workspace={workspace}
          draft={draft}
        />
      ) : null}
      {published ? (
        <section className="grid gap-3" aria-label={t("publishedSection")}>
          {!draft ? (
            <ReviseButton patientId={id} />
          ) : (
            <p className="text-muted-foreground text-sm">{t("draftPending")}</p>
          )}
          <PlanView
            plan={published}
            causes={workspace.causes}
            patientId={id}
            editable
            titleId="published-plan"
          />
        </section>
      ) : null}
      <PlanVersions patientId={id} versions={versions} />
    </div>
  );
}
