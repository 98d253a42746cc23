import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { getClinicName } from "@/lib/dal/admin-settings";
import type { Actor } from "@/lib/permissions";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { LocaleSwitcher } from "./locale-switcher";
import { Logo } from "./logo";
import { MobileNav } from "./mobile-nav";
import { NAV } from "./nav-config";
import { NavLinks } from "./nav-links";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";

/** The signed-in frame: header, role navigation, content. Drawing only; pages check access through the DAL. */
export async function AppShell({
  user,
  children,
  actions,
}: {
  user: Actor;
  children: ReactNode;
  actions?: ReactNode;
}) {
  const [t, clinicName] = await Promise.all([getTranslations(), getClinicName()]);
  const items = NAV[user.role];
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="bg-primary text-primary-foreground sr-only z-50 rounded-md px-3 py-2 focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        {t("common.skipToContent")}
      </a>
      <header className="bg-background/95 supports-[backdrop-filter]:bg-background/80 sticky top-0 z-40 border-b backdrop-blur">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-2 px-4 sm:px-6">
          <MobileNav title={clinicName}>
            <NavLinks role={user.role} items={items} />
          </MobileNav>
          <Link href={items[0].href} className="min-w-0 rounded-md outline-none focus-visible:ring-[3px]">
            <Logo name={clinicName} />
          </Link>
          <span className="text-muted-foreground ml-2 hidden rounded-full border px-2 py-0.5 text-xs sm:inline">
            {t(`common.roles.${user.role}`)}
          </span>
          <div className="ml-auto flex items-center gap-1 sm:gap-2">
            {actions}
            {user.role !== "admin" ? <NotificationBell /> : null}
            <LocaleSwitcher />
            <ThemeToggle />
            <UserMenu name={user.name} email={user.email} roleLabel={t(`common.roles.${user.role}`)} />
          </div>
        </div>
      </header>
      <div className="mx-auto flex w-full max-w-7xl flex-1 gap-6 px-4 sm:px-6">
        <nav aria-label={t("nav.main")} className="hidden w-56 shrink-0 py-6 md:block">
          <NavLinks role={user.role} items={items} />
        </nav>
        <main id="main" className="min-w-0 flex-1 py-6">
          {children}
        </main>
      </div>
    </div>
  );
}
