import { AlertOctagon, ShieldAlert } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { TriageBadge } from "@/components/triage/triage-badge";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import type { CaseHeader } from "@/lib/dto/case";
import { CaseContact } from "./case-contact";

/** Who the patient is and why the case is on the queue, with red flags and break-glass access made loud. */
export async function CaseHeaderCard({ header }: { header: CaseHeader }) {
  const [t, tf, tr, format] = await Promise.all([
    getTranslations("doctor.case"),
    getTranslations("fields"),
    getTranslations("triage.reason"),
    getFormatter(),
  ]);
  const conditions = [
    ...header.conditions.map((c) => (tf.has(`condition.${c}`) ? tf(`condition.${c}`) : c)),
    ...(header.conditionsOther ? [header.conditionsOther] : []),
  ];
  const medicines = [
    ...header.medicines.map((m) => (tf.has(`medicine.${m}`) ? tf(`medicine.${m}`) : m)),
    ...(header.medicinesOther ? [header.medicinesOther] : []),
  ];
  return (
    <div className="mb-4 grid gap-3">
      {header.access.basis === "break_glass" ? (
        <Alert variant="warning" data-testid="break-glass-banner">
          <ShieldAlert aria-hidden />
          <AlertTitle>{t("breakGlass.bannerTitle")}</AlertTitle>
          <AlertDescription>
            {t("breakGlass.banner", {
              reason: header.access.grantReason ?? "",
              until: header.access.grantExpiresAt
                ? format.dateTime(new Date(header.access.grantExpiresAt), {
                    dateStyle: "medium",
                    timeStyle: "short",
                  })
                : "",
            })}
          </AlertDescription>
        </Alert>
      ) : null}
      {header.redFlags.length > 0 ? (
        <Alert variant="destructive" data-testid="red-flags">
          <AlertOctagon aria-hidden />
          <AlertTitle>{t("redFlagsTitle")}</AlertTitle>
          <AlertDescription>
            <ul className="list-disc pl-4">
              {header.redFlags.map((f) => (
                <li key={f}>{t.has(`redFlag.${f}`) ? t(`redFlag.${f}`) : f}</li>
              ))}
            </ul>
          </AlertDescription>
        </Alert>
      ) : null}
      <Card className="py-4">
        <CardContent className="grid gap-4 px-4 sm:px-6">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0">
              <h1 className="text-2xl font-semibold tracking-tight" data-testid="case-name">
                {header.name}
              </h1>
              <p className="text-muted-foreground text-sm">
                {[
                  header.age === null ? t("ageUnknown") : t("age", { age: header.age }),
                  header.sex ? tf(`sex.${header.sex}`) : null,
                  header.dateOfBirth
                    ? t("born", {
                        date: format.dateTime(new Date(`${header.dateOfBirth}T00:00:00Z`), {
                          dateStyle: "medium",
                          timeZone: "UTC",
                        }),
                      })
                    : null,
                  t(`language.${header.locale}`),
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
              {header.status === "disabled" ? (
                <Badge variant="outline" className="mt-1">
                  {t("disabled")}
                </Badge>
              ) : null}
            </div>
            <div className="flex flex-col items-start gap-1 sm:items-end" data-testid="case-triage">
              {header.triage ? (
                <>
                  <TriageBadge level={header.triage.level} />
                  <span className="text-muted-foreground text-xs">
                    {t("unreviewed", { count: header.triage.unreviewedCount })}
                  </span>
                </>
              ) : (
                <Badge variant="outline">{t("allReviewed")}</Badge>
              )}
            </div>
          </div>
          {header.triage && header.triage.reasons.length > 0 ? (
            <p className="text-sm">
              <span className="font-medium">{t("why")} </span>
              {header.triage.reasons.map((r) => tr(r)).join(" · ")}
            </p>
          ) : null}
          <dl className="grid gap-3 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-muted-foreground">{t("conditions")}</dt>
              <dd>{conditions.length ? conditions.join(", ") : t("none")}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">{t("medicines")}</dt>
              <dd>{medicines.length ? medicines.join(", ") : t("none")}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">{t("assignedDoctor")}</dt>
              <dd data-testid="case-doctor">{header.assignedDoctor?.name ?? t("unassigned")}</dd>
            </div>
          </dl>
          <CaseContact header={header} />
        </CardContent>
      </Card>
    </div>
  );
}
