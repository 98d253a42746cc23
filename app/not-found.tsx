import { SearchX } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/common/status-page";

export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <StatusPage
      code="404"
      icon={<SearchX aria-hidden className="size-10" />}
      title={t("notFoundTitle")}
      body={t("notFoundBody")}
      action={{ href: "/", label: t("goHome") }}
    />
  );
}
