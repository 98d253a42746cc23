import { SkeletonStack } from "@/components/common/loading-page";
import { getTranslations } from "next-intl/server";

export default async function EvaluationLoading() {
  const t = await getTranslations("common");
  return (
    <div aria-busy="true" className="grid gap-4">
      <span className="sr-only" role="status">
        {t("loading")}
      </span>
      <SkeletonStack heights={["h-10", "h-32", "h-32"]} />
    </div>
  );
}
