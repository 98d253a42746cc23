"use client";

import { AlertTriangle } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common");
  return (
    <div role="alert" data-testid="error-state" className="grid min-h-[50dvh] place-items-center px-4">
      <div className="max-w-md text-center">
        <AlertTriangle aria-hidden className="text-destructive mx-auto size-10" />
        <h1 className="mt-4 text-2xl font-semibold">{t("errorTitle")}</h1>
        <p className="text-muted-foreground mt-2">{t("errorBody")}</p>
        <Button className="mt-6" onClick={reset}>
          {t("retry")}
        </Button>
      </div>
    </div>
  );
}
