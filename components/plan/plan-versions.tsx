import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { PlanVersionSummary } from "@/lib/dto/plans";

/** Every version of the patient's plan, newest first; each opens read-only. */
export async function PlanVersions({
  patientId,
  versions,
}: {
  patientId: string;
  versions: PlanVersionSummary[];
}) {
  const [t, ts, format] = await Promise.all([
    getTranslations("plan.versions"),
    getTranslations("plan.statuses"),
    getFormatter(),
  ]);
  return (
    <Card data-testid="plan-versions">
      <CardHeader>
        <CardTitle>
          <h2 className="text-lg">{t("title")}</h2>
        </CardTitle>
      </CardHeader>
      <CardContent>
        {versions.length ? (
          <ol className="grid gap-2">
            {versions.map((v) => (
              <li
                key={v.id}
                className="flex flex-wrap items-center gap-x-3 gap-y-1"
                data-testid="plan-version"
              >
                <Link
                  href={`/doctor/patients/${patientId}/plan/versions/${v.id}`}
                  className="text-primary font-medium underline-offset-4 hover:underline"
                >
                  {t("version", { version: v.version })}
                </Link>
                <Badge variant={v.status === "published" ? "default" : "secondary"}>{ts(v.status)}</Badge>
                <span className="text-muted-foreground text-sm">
                  {v.publishedAt
                    ? t("published", {
                        date: format.dateTime(new Date(v.publishedAt), { dateStyle: "medium" }),
                        author: v.authorName,
                      })
                    : t("started", {
                        date: format.dateTime(new Date(v.createdAt), { dateStyle: "medium" }),
                        author: v.authorName,
                      })}
                  {" · "}
                  {t("items", { count: v.itemCount })}
                </span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-muted-foreground text-sm">{t("none")}</p>
        )}
      </CardContent>
    </Card>
  );
}
