"use client";

import Link from "next/link";
import {
  AlertOctagon,
  BellOff,
  Brain,
  ClipboardList,
  type LucideIcon,
  ShieldAlert,
  Syringe,
} from "lucide-react";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { Skeleton } from "@/components/ui/skeleton";
import type { Role } from "@/lib/permissions";
import { cn } from "@/lib/utils";
import { notificationHref, type NotificationKind } from "./notification-href";
import type { NotificationJson } from "./use-notifications";

const ICONS: Record<NotificationKind, LucideIcon> = {
  urgent_report: AlertOctagon,
  plan_published: ClipboardList,
  referral_updated: Brain,
  injection_scheduled: Syringe,
  break_glass: ShieldAlert,
};

export function NotificationListSkeleton() {
  const t = useTranslations("notifications");
  return (
    <div className="grid gap-3 p-4" role="status">
      <span className="sr-only">{t("loading")}</span>
      {[0, 1, 2].map((i) => (
        <div key={i} className="flex gap-3">
          <Skeleton className="size-8 rounded-full" />
          <div className="grid flex-1 gap-1.5">
            <Skeleton className="h-4 w-2/3" />
            <Skeleton className="h-3 w-full" />
          </div>
        </div>
      ))}
    </div>
  );
}

export function NotificationEmpty() {
  const t = useTranslations("notifications");
  return (
    <div
      className="flex flex-col items-center gap-2 px-6 py-10 text-center"
      data-testid="notifications-empty"
    >
      <BellOff aria-hidden className="text-muted-foreground size-8" />
      <p className="font-medium">{t("empty")}</p>
      <p className="text-muted-foreground text-sm">{t("emptyHint")}</p>
    </div>
  );
}

export function NotificationList({
  items,
  role,
  onOpen,
}: {
  items: NotificationJson[];
  role: Role;
  onOpen: (n: NotificationJson) => void;
}) {
  const t = useTranslations("notifications");
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  return (
    <ul className="divide-y" data-testid="notification-list">
      {items.map((n) => {
        const Icon = ICONS[n.kind];
        const unread = !n.readAt;
        const createdAt = new Date(n.createdAt);
        return (
          <li key={n.id}>
            <Link
              href={notificationHref(n.kind, role)}
              onClick={() => onOpen(n)}
              data-unread={unread || undefined}
              className={cn(
                "hover:bg-accent focus-visible:bg-accent flex gap-3 px-4 py-3 outline-none transition-colors",
                unread && "bg-primary/5",
              )}
            >
              <span
                className={cn(
                  "grid size-8 shrink-0 place-items-center rounded-full",
                  n.kind === "urgent_report" || n.kind === "break_glass"
                    ? "bg-urgent/10 text-urgent"
                    : "bg-primary/10 text-primary",
                )}
              >
                <Icon aria-hidden className="size-4" />
              </span>
              <span className="grid min-w-0 flex-1 gap-0.5">
                <span className="flex items-center gap-2 text-sm font-medium">
                  {t(`kinds.${n.kind}.title`)}
                  {unread ? (
                    <>
                      <span aria-hidden className="bg-primary size-2 rounded-full" />
                      <span className="sr-only">({t("unread")})</span>
                    </>
                  ) : null}
                </span>
                <span className="text-muted-foreground text-sm leading-snug">
                  {t(`kinds.${n.kind}.body`, { role })}
                </span>
                <time dateTime={n.createdAt} className="text-muted-foreground text-xs">
                  {format.relativeTime(createdAt, now)}
                </time>
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
