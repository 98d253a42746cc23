import { ShieldCheck } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

/** Why we ask: the conditions feed the triage of every report, and only the clinic reads them. */
export async function TriageUseCard({ updatedAt }: { updatedAt: Date | null }) {
  const [t, format] = await Promise.all([getTranslations("profile.why"), getFormatter()]);
  return (
    <Card className="gap-3">
      <CardHeader>
        <CardTitle className="flex items-center gap-2 text-base">
          <ShieldCheck aria-hidden className="text-primary size-5" />
          {t("title")}
        </CardTitle>
      </CardHeader>
      <CardContent className="text-muted-foreground grid gap-2 text-sm">
        <p>{t("triage")}</p>
        <p>{t("privacy")}</p>
        {updatedAt ? (
          <p className="text-xs" data-testid="profile-updated-at">
            {t("updated", { date: format.dateTime(updatedAt, { dateStyle: "long", timeStyle: "short" }) })}
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}
