import { getTranslations } from "next-intl/server";
import { ReportFormSkeleton } from "@/components/report/report-skeletons";
import { Skeleton } from "@/components/ui/skeleton";

export default async function Loading() {
  const t = await getTranslations("common");
  return (
    <div className="mx-auto grid w-full max-w-3xl gap-6">
      <Skeleton className="h-8 w-72" />
      <Skeleton className="h-16 w-full" />
      <ReportFormSkeleton label={t("loading")} />
    </div>
  );
}
