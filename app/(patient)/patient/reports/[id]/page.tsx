import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft, CheckCircle2, Info } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/common/page-header";
import { WithdrawReportDialog } from "@/components/history/withdraw-report-dialog";
import { ReportSummary } from "@/components/report/report-summary";
import { ReviewStatus } from "@/components/report/review-status";
import { TriageAdvice } from "@/components/report/triage-advice";
import { SafetyNotice } from "@/components/common/safety-notice";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { getOwnReport, type OwnReport } from "@/lib/dal/reports";
import { requireRole } from "@/lib/dal/session";
import { isDalError } from "@/lib/errors";
import { ReportEpisodeLink } from "@/components/report/report-episode-link";
import { ReportDraftCleared } from "@/components/report/report-draft-cleared";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("report.result");
  return { title: t("metaTitle") };
}

export default async function ReportResultPage({ params, searchParams }: Props) {
  const actor = await requireRole("patient");
  const [{ id }, query] = await Promise.all([params, searchParams]);
  let report: OwnReport;
  try {
    report = await getOwnReport(actor, id);
  } catch (err) {
    if (isDalError(err) && err.code === "not_found") notFound();
    throw err;
  }
  const [t, format] = await Promise.all([getTranslations("report.result"), getFormatter()]);
  const justSent = query.new === "1" && report.status === "active";

  const actions: ReactNode =
    report.status === "active" ? <WithdrawReportDialog reportId={report.id} /> : null;

  return (
    <div className="mx-auto grid w-full max-w-3xl gap-6">
      <Link
        href="/patient/reports"
        className="text-muted-foreground hover:text-foreground -mb-2 inline-flex w-fit items-center gap-1.5 rounded-sm text-sm outline-none focus-visible:ring-[3px]"
      >
        <ArrowLeft aria-hidden className="size-4" />
        {t("myReports")}
      </Link>
      <PageHeader
        title={t("title")}
        description={t("reportedOn", {
          date: format.dateTime(report.createdAt, { dateStyle: "long", timeStyle: "short" }),
        })}
      />

      {justSent ? <ReportDraftCleared owner={actor.id} /> : null}
      {justSent ? (
        <Alert role="status" className="border-routine/40" data-testid="report-sent">
          <CheckCircle2 aria-hidden className="text-routine" />
          <AlertDescription className="text-foreground">{t("sent")}</AlertDescription>
        </Alert>
      ) : null}

      {report.status === "withdrawn" ? (
        <Alert role="status" data-testid="report-withdrawn">
          <Info aria-hidden />
          <AlertDescription className="text-foreground">
            <p>
              {t("withdrawn", {
                date: format.dateTime(report.withdrawnAt ?? report.createdAt, { dateStyle: "long" }),
              })}
            </p>
            {report.withdrawnReason ? (
              <p>{t("withdrawnReason", { reason: report.withdrawnReason })}</p>
            ) : null}
          </AlertDescription>
        </Alert>
      ) : (
        <>
          <TriageAdvice
            advice={report.advice}
            level={report.triage.level}
            reasons={report.triage.reasons}
            redFlags={report.redFlags}
          />
          <ReviewStatus review={report.review} />
        </>
      )}
      <SafetyNotice />

      <Card>
        <CardHeader>
          <CardTitle>
            <h2 className="text-lg">{t("whatYouReported")}</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <ReportSummary report={report} />
        </CardContent>
      </Card>

      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center" data-testid="report-actions">
        <Button asChild variant="outline" size="lg" className="h-11">
          <Link href="/patient/reports">{t("myReports")}</Link>
        </Button>
        <ReportEpisodeLink size="lg" className="h-11">
          {t("reportAnother")}
        </ReportEpisodeLink>
        {actions ? <div className="sm:ml-auto">{actions}</div> : null}
      </div>
    </div>
  );
}
