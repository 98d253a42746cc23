import { getTranslations } from "next-intl/server";
import { ReportResultSkeleton } from "@/components/report/report-skeletons";

export default async function Loading() {
  const t = await getTranslations("common");
  return <ReportResultSkeleton label={t("loading")} />;
}
