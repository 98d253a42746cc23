"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** The plan could not be loaded: say so and offer a retry; nothing about the cause reaches the page. */
export default function PlanError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("plan.loadError");
  return (
    <div role="alert" className="grid gap-3 rounded-xl border border-dashed p-6" data-testid="plan-error">
      <p className="font-medium">{t("title")}</p>
      <p className="text-muted-foreground text-sm">{t("body")}</p>
      <Button type="button" variant="outline" className="w-fit" onClick={reset}>
        {t("retry")}
      </Button>
    </div>
  );
}
