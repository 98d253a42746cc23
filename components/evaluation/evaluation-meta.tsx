import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { EvaluationSummary } from "@/lib/dto/evaluations";

/** Status, who signed (or drafted) and when, and the amendment links of one version. */
export async function EvaluationMeta({ evaluation }: { evaluation: EvaluationSummary }) {
  const t = await getTranslations("evaluation");
  const format = await getFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="text-muted-foreground flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <Badge variant={evaluation.status === "signed" ? "default" : "outline"}>
        {t(`status.${evaluation.status}`)}
      </Badge>
      <span>
        {evaluation.status === "signed" && evaluation.signedAt
          ? t("signedBy", { name: evaluation.doctorName, date: when(evaluation.signedAt) })
          : t("draftBy", { name: evaluation.doctorName, date: when(evaluation.updatedAt) })}
      </span>
      <span>
        {evaluation.coversReportAt ? t("covers", { date: when(evaluation.coversReportAt) }) : t("coversNone")}
      </span>
    </div>
  );
}

/** "Amends version n" / "Amended by version m", as links along the chain. */
export async function ChainLinks({
  patientId,
  amendsId,
  amendsVersion,
  amendedById,
  amendedByVersion,
}: {
  patientId: string;
  amendsId: string | null;
  amendsVersion: number | null;
  amendedById: string | null;
  amendedByVersion: number | null;
}) {
  const t = await getTranslations("evaluation");
  const href = (id: string) => `/doctor/patients/${patientId}/evaluation/${id}`;
  if (!amendsId && !amendedById) return null;
  return (
    <p className="flex flex-wrap gap-x-4 text-sm">
      {amendsId && amendsVersion ? (
        <Link className="text-primary underline underline-offset-4" href={href(amendsId)}>
          {t("amends", { version: amendsVersion })}
        </Link>
      ) : null}
      {amendedById && amendedByVersion ? (
        <Link className="text-primary underline underline-offset-4" href={href(amendedById)}>
          {t("amendedBy", { version: amendedByVersion })}
        </Link>
      ) : null}
    </p>
  );
}
