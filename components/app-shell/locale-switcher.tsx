"use client";

import { useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { ChevronDown, Languages } from "lucide-react";
import { setLocaleAction } from "@/app/(auth)/actions";

// A native <select> in the shadcn Select trigger's style (Radix Select with its popper cost ~25 kB gzipped on every
// route). On phones only the icon shows, as before; the OS picker lists the languages.
export function LocaleSwitcher() {
  const t = useTranslations("common");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div className="relative inline-flex h-8 items-center">
      <Languages aria-hidden className="text-muted-foreground pointer-events-none absolute left-3 size-4" />
      <select
        value={locale}
        disabled={pending}
        aria-label={t("language")}
        data-testid="locale-switcher"
        onChange={(e) => {
          const next = e.target.value;
          startTransition(async () => {
            await setLocaleAction(next);
            router.refresh();
          });
        }}
        className="border-input focus-visible:border-ring focus-visible:ring-ring/70 dark:bg-input/30 dark:hover:bg-input/50 h-8 cursor-pointer appearance-none rounded-md border bg-transparent py-1 pr-8 pl-8.5 text-sm whitespace-nowrap shadow-xs transition-[color,box-shadow] outline-none focus-visible:ring-[3px] disabled:cursor-not-allowed disabled:opacity-50 max-sm:w-16 max-sm:text-transparent"
      >
        <option value="fr" lang="fr" className="text-foreground bg-popover">
          {t("languages.fr")}
        </option>
        <option value="en" lang="en" className="text-foreground bg-popover">
          {t("languages.en")}
        </option>
      </select>
      <ChevronDown aria-hidden className="pointer-events-none absolute right-3 size-4 opacity-50" />
    </div>
  );
}
