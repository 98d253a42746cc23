"use client";

import { Moon, Sun } from "lucide-react";
import { useTranslations } from "next-intl";
import { useThemeChoice } from "@/components/providers/use-theme-choice";
import { parseThemeChoice, setThemeChoice } from "@/lib/theme";

// The ghost icon button it always was, over a transparent native <select> (light, dark, system) that takes the
// clicks and the keyboard: the OS picker replaces Radix DropdownMenu (~25 kB gzipped with its popper on every route).
export function ThemeToggle() {
  const t = useTranslations("common.theme");
  // The stored choice is known only in the browser: "system" on the server and at hydration.
  const theme = useThemeChoice();
  return (
    <div className="hover:bg-accent hover:text-accent-foreground dark:hover:bg-accent/50 has-[:focus-visible]:border-ring has-[:focus-visible]:ring-ring/70 relative inline-flex size-9 shrink-0 items-center justify-center rounded-md transition-all has-[:focus-visible]:ring-[3px]">
      <Sun aria-hidden className="size-4 dark:hidden" />
      <Moon aria-hidden className="hidden size-4 dark:block" />
      <select
        aria-label={t("label")}
        data-testid="theme-toggle"
        value={theme}
        onChange={(e) => setThemeChoice(parseThemeChoice(e.target.value))}
        className="absolute inset-0 cursor-pointer appearance-none rounded-md opacity-0"
      >
        <option value="light">{t("light")}</option>
        <option value="dark">{t("dark")}</option>
        <option value="system">{t("system")}</option>
      </select>
    </div>
  );
}
