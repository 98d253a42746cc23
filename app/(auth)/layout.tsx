import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/app-shell/locale-switcher";
import { Logo } from "@/components/app-shell/logo";
import { ThemeToggle } from "@/components/app-shell/theme-toggle";
import { IntlScope } from "@/components/providers/intl-scope";
import { getClinicName } from "@/lib/dal/admin-settings";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const [t, clinicName] = await Promise.all([getTranslations("common"), getClinicName()]);
  return (
    <IntlScope scope="auth">
      <div className="bg-muted/40 flex min-h-dvh flex-col">
        <header className="flex items-center justify-between px-4 py-3 sm:px-8">
          <Logo name={clinicName} />
          <div className="flex items-center gap-2">
            <LocaleSwitcher />
            <ThemeToggle />
          </div>
        </header>
        <main id="main" className="flex flex-1 items-start justify-center px-4 py-8 sm:items-center">
          <div className="w-full max-w-md">{children}</div>
        </main>
        <footer className="text-muted-foreground mx-auto max-w-2xl px-4 pb-6 text-center text-xs">
          {t("notEmergency")}
        </footer>
      </div>
    </IntlScope>
  );
}
