import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/common/page-header";
import { SafetyNotice } from "@/components/common/safety-notice";
import { CareSnapshot } from "@/components/patient-home/care-snapshot";
import { RecentReports } from "@/components/patient-home/recent-reports";
import { getOwnCare } from "@/lib/dal/care";
import { listOwnReports } from "@/lib/dal/report-history";
import { requireRole } from "@/lib/dal/session";
import { ReportEpisodeLink } from "@/components/report/report-episode-link";

export default async function PatientHome() {
  const user = await requireRole("patient");
  const [t, recent, care] = await Promise.all([
    getTranslations("patientHome"),
    listOwnReports(user, { page: 1, pageSize: 3, includeWithdrawn: false }),
    getOwnCare(user),
  ]);
  return (
    <div className="grid gap-6">
      <PageHeader
        title={t("title", { name: user.name.split(" ")[0] })}
        description={t("subtitle")}
        actions={<ReportEpisodeLink size="lg">{t("reportCta")}</ReportEpisodeLink>}
      />
      <SafetyNotice title={t("safetyTitle")} />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <RecentReports items={recent.items} />
        <CareSnapshot care={care} />
      </div>
    </div>
  );
}
