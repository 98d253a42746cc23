import { ShieldX } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/common/status-page";

export default async function Forbidden() {
  const t = await getTranslations("common");
  return (
    <StatusPage
      code="403"
      icon={<ShieldX aria-hidden className="size-10" />}
      title={t("forbiddenTitle")}
      body={t("forbiddenBody")}
      action={{ href: "/", label: t("goHome") }}
    />
  );
}
