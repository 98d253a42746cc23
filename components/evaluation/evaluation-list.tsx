import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClipboardList } from "lucide-react";
import { EmptyState } from "@/components/common/empty-state";
import type { EvaluationSummary } from "@/lib/dto/evaluations";
import { EvaluationMeta } from "./evaluation-meta";

/** Every version, newest first, each with its place in its amendment chain. */
export async function EvaluationList({
  items,
  patientId,
}: {
  items: EvaluationSummary[];
  patientId: string;
}) {
  const t = await getTranslations("evaluation");
  if (items.length === 0) return <EmptyState icon={<ClipboardList aria-hidden />} title={t("empty")} />;
  const versionOf = new Map(items.map((e) => [e.id, e.version]));
  return (
    <ol className="grid gap-3" data-testid="evaluation-list">
      {items.map((e) => (
        <li key={e.id} data-testid="evaluation-item" className="bg-card grid gap-2 rounded-xl border p-4">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 className="font-semibold">
              <Link
                href={`/doctor/patients/${patientId}/evaluation/${e.id}`}
                className="underline-offset-4 hover:underline"
              >
                {t("version", { version: e.version })}
              </Link>
            </h3>
            <span className="text-muted-foreground text-sm">
              {e.psfsFrequency === null
                ? t("psfsNone")
                : t("psfsSummary", {
                    frequency: e.psfsFrequency,
                    severity: e.psfsSeverity === null ? "none" : String(e.psfsSeverity),
                  })}
              {" · "}
              {t("masCount", { count: e.masCount })}
            </span>
          </div>
          <EvaluationMeta evaluation={e} />
          {e.amendsId || e.amendedById ? (
            <p className="text-sm">
              {e.amendsId ? t("amends", { version: versionOf.get(e.amendsId) ?? e.version - 1 }) : null}
              {e.amendsId && e.amendedById ? " · " : null}
              {e.amendedById
                ? t("amendedBy", { version: versionOf.get(e.amendedById) ?? e.version + 1 })
                : null}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
