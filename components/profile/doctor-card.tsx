import { Stethoscope, UserRoundSearch } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export async function DoctorCard({ doctorName }: { doctorName: string | null }) {
  const t = await getTranslations("profile.doctor");
  const Icon = doctorName ? Stethoscope : UserRoundSearch;
  return (
    <Card data-testid="assigned-doctor" className="gap-3">
      <CardHeader>
        <CardDescription>{t("title")}</CardDescription>
        <CardTitle className="flex items-center gap-2 text-base">
          <Icon aria-hidden className="text-primary size-5" />
          {doctorName ?? t("none")}
        </CardTitle>
      </CardHeader>
      <CardContent>
        <p className="text-muted-foreground text-sm">{doctorName ? t("assignedHint") : t("noneHint")}</p>
      </CardContent>
    </Card>
  );
}
