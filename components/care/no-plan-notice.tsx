import { ClipboardList } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** Injections or referrals exist, but no plan has been published yet. */
export async function NoPlanNotice() {
  const t = await getTranslations("care.plan");
  return (
    <Card className="border-dashed shadow-none" data-testid="care-no-plan">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <ClipboardList aria-hidden className="text-muted-foreground size-5" />
          <h2 className="text-lg">{t("noPlanTitle")}</h2>
        </CardTitle>
        <CardDescription>{t("noPlanBody")}</CardDescription>
      </CardHeader>
    </Card>
  );
}
