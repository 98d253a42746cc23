"use client";

import { useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Languages } from "lucide-react";
import { setLocaleAction } from "@/app/(auth)/actions";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

export function LocaleSwitcher() {
  const t = useTranslations("common");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Select
      value={locale}
      disabled={pending}
      onValueChange={(next) =>
        startTransition(async () => {
          await setLocaleAction(next);
          router.refresh();
        })
      }
    >
      <SelectTrigger
        size="sm"
        aria-label={t("language")}
        className="w-auto gap-1.5 max-sm:[&_[data-slot=select-value]]:sr-only"
        data-testid="locale-switcher"
      >
        <Languages aria-hidden className="size-4" />
        <SelectValue />
      </SelectTrigger>
      <SelectContent align="end">
        <SelectItem value="fr" lang="fr">
          {t("languages.fr")}
        </SelectItem>
        <SelectItem value="en" lang="en">
          {t("languages.en")}
        </SelectItem>
      </SelectContent>
    </Select>
  );
}
