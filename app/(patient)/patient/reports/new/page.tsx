import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/common/page-header";
import { SafetyNotice } from "@/components/common/safety-notice";
import { ReportFormLoader } from "@/components/report/report-form-loader";
import { getProfileConditions } from "@/lib/dal/reports";
import { requireRole } from "@/lib/dal/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("report.new");
  return { title: t("metaTitle") };
}

export default async function NewReportPage() {
  const actor = await requireRole("patient");
  const [t, profileConditions] = await Promise.all([
    getTranslations("report.new"),
    getProfileConditions(actor),
  ]);
  return (
    <div className="mx-auto grid w-full max-w-3xl gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      <SafetyNotice />
      <ReportFormLoader profileConditions={profileConditions} draftOwner={actor.id} />
    </div>
  );
}
