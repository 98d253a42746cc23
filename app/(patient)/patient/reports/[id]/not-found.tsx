import Link from "next/link";
import { FileSearch } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { ReportEpisodeLink } from "@/components/report/report-episode-link";

// Rendered inside the patient frame, which already has the page's <main>.
export default async function ReportNotFound() {
  const t = await getTranslations("report");
  return (
    <div className="grid min-h-[50dvh] place-items-center px-4 py-12" data-testid="report-not-found">
      <div className="max-w-md text-center">
        <FileSearch aria-hidden className="text-muted-foreground mx-auto size-10" />
        <h1 className="mt-4 text-2xl font-semibold tracking-tight">{t("notFound.title")}</h1>
        <p className="text-muted-foreground mt-3">{t("notFound.body")}</p>
        <div className="mt-6 flex flex-col justify-center gap-2 sm:flex-row">
          <Button asChild variant="outline">
            <Link href="/patient/reports">{t("result.myReports")}</Link>
          </Button>
          <ReportEpisodeLink>{t("result.reportAnother")}</ReportEpisodeLink>
        </div>
      </div>
    </div>
  );
}
