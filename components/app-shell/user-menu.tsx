"use client";

import { useState } from "react";
import { LogOut, MonitorX, UserCog } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { signOutAction, signOutEverywhereAction } from "@/app/(auth)/actions";
import { clearAllDrafts } from "@/components/report/report-draft-storage";
import { Button } from "@/components/ui/button";
import { Popup, popupItemClass, PopupSeparator } from "@/components/ui/popup";
import { IdleTimeout } from "./idle-timeout";

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((p) => p && !/^dr\.?$/i.test(p))
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase())
    .join("");
}

export function UserMenu({ name, email, roleLabel }: { name: string; email: string; roleLabel: string }) {
  const t = useTranslations();
  const [open, setOpen] = useState(false);
  return (
    <>
      <IdleTimeout />
      <Popup
        kind="menu"
        open={open}
        onOpenChange={setOpen}
        aria-label={t("nav.userMenu")}
        className="w-60 p-1"
        trigger={(props) => (
          <Button
            {...props}
            variant="ghost"
            className="h-9 gap-2 px-2"
            aria-label={t("nav.userMenu")}
            data-testid="user-menu"
          >
            <span className="bg-muted flex size-7 shrink-0 items-center justify-center rounded-full text-xs">
              {initials(name)}
            </span>
            <span className="hidden max-w-40 truncate text-sm sm:inline">{name}</span>
          </Button>
        )}
      >
        <div className="grid gap-0.5 px-2 py-1.5 text-sm font-medium">
          <span className="truncate">{name}</span>
          <span className="text-muted-foreground truncate text-xs font-normal">{email}</span>
          <span className="text-muted-foreground text-xs font-normal">{roleLabel}</span>
        </div>
        <PopupSeparator />
        <Link
          href="/account"
          role="menuitem"
          className={popupItemClass}
          data-testid="account-link"
          onClick={() => setOpen(false)}
        >
          <UserCog aria-hidden /> {t("account.menuLink")}
        </Link>
        <PopupSeparator />
        <form action={signOutAction} onSubmit={clearAllDrafts} role="none">
          <button type="submit" role="menuitem" className={popupItemClass} data-testid="sign-out">
            <LogOut aria-hidden /> {t("common.signOut")}
          </button>
        </form>
        <form action={signOutEverywhereAction} onSubmit={clearAllDrafts} role="none">
          <button
            type="submit"
            role="menuitem"
            className={popupItemClass}
            data-testid="sign-out-everywhere"
            title={t("security.signOutEverywhereHint")}
          >
            <MonitorX aria-hidden /> {t("security.signOutEverywhere")}
          </button>
        </form>
      </Popup>
    </>
  );
}
