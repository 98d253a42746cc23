import { getTranslations } from "next-intl/server";
import { Skeleton } from "@/components/ui/skeleton";

export default async function AccessLogLoading() {
  const t = await getTranslations("common");
  return (
    <div className="grid gap-6" aria-busy="true">
      <span className="sr-only" role="status">
        {t("loading")}
      </span>
      <div className="grid gap-2">
        <Skeleton className="h-8 w-56" />
        <Skeleton className="h-5 w-[36rem] max-w-full" />
      </div>
      <div className="grid gap-2 rounded-xl border p-4">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-10" />
        ))}
      </div>
    </div>
  );
}
