import { CalendarCheck } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { CarePlanItem } from "@/lib/dal/care";
import { calendarDate } from "./care-format";

export async function FollowUpsCard({ followUps }: { followUps: CarePlanItem[] }) {
  const [t, format] = await Promise.all([getTranslations("care.followUps"), getFormatter()]);
  return (
    <Card data-testid="care-follow-ups" className="gap-4">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <CalendarCheck aria-hidden className="text-primary size-5" />
          <h2 className="text-lg">{t("title")}</h2>
        </CardTitle>
      </CardHeader>
      <CardContent>
        {followUps.length ? (
          <ul className="grid gap-3">
            {followUps.map((f) => (
              <li key={f.id} className="grid gap-0.5">
                <p className="font-medium">
                  {f.followUpOn
                    ? format.dateTime(calendarDate(f.followUpOn), { dateStyle: "full" })
                    : t("dateTbc")}
                </p>
                {f.instructions ? <p className="text-muted-foreground text-sm">{f.instructions}</p> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-muted-foreground text-sm">{t("none")}</p>
        )}
      </CardContent>
    </Card>
  );
}
