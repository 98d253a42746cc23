"use client";

import { LogOut, MonitorX, UserCog } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { signOutAction, signOutEverywhereAction } from "@/app/(auth)/actions";
import { clearAllDrafts } from "@/components/report/report-draft-storage";
import { Avatar, AvatarFallback } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
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
  return (
    <>
      <IdleTimeout />
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button
            variant="ghost"
            className="h-9 gap-2 px-2"
            aria-label={t("nav.userMenu")}
            data-testid="user-menu"
          >
            <Avatar className="size-7">
              <AvatarFallback className="text-xs">{initials(name)}</AvatarFallback>
            </Avatar>
            <span className="hidden max-w-40 truncate text-sm sm:inline">{name}</span>
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-60">
          <DropdownMenuLabel className="grid gap-0.5">
            <span className="truncate">{name}</span>
            <span className="text-muted-foreground truncate text-xs font-normal">{email}</span>
            <span className="text-muted-foreground text-xs font-normal">{roleLabel}</span>
          </DropdownMenuLabel>
          <DropdownMenuSeparator />
          <DropdownMenuItem asChild>
            <Link href="/account" data-testid="account-link">
              <UserCog aria-hidden /> {t("account.menuLink")}
            </Link>
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          <form action={signOutAction} onSubmit={clearAllDrafts}>
            <DropdownMenuItem asChild>
              <button type="submit" className="w-full" data-testid="sign-out">
                <LogOut aria-hidden /> {t("common.signOut")}
              </button>
            </DropdownMenuItem>
          </form>
          <form action={signOutEverywhereAction} onSubmit={clearAllDrafts}>
            <DropdownMenuItem asChild>
              <button
                type="submit"
                className="w-full"
                data-testid="sign-out-everywhere"
                title={t("security.signOutEverywhereHint")}
              >
                <MonitorX aria-hidden /> {t("security.signOutEverywhere")}
              </button>
            </DropdownMenuItem>
          </form>
        </DropdownMenuContent>
      </DropdownMenu>
    </>
  );
}
