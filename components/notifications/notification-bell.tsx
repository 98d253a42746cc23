"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { AlertCircle, Bell, CheckCheck } from "lucide-react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { NotificationEmpty, NotificationList, NotificationListSkeleton } from "./notification-list";
import { useMarkNotificationsRead, useNotifications, type NotificationJson } from "./use-notifications";

/** Header bell: unread count polled every 30 s, recent notifications in a popover. */
export function NotificationBell() {
  const t = useTranslations("notifications");
  const [open, setOpen] = useState(false);
  const query = useNotifications();
  const mark = useMarkNotificationsRead();
  const unread = query.data?.unread ?? 0;
  const label = query.data ? t("bellLabel", { count: unread }) : t("title");

  function markAll() {
    mark.mutate("all", { onError: () => toast.error(t("markFailed")) });
  }

  function openOne(n: NotificationJson) {
    if (!n.readAt) mark.mutate([n.id]);
    setOpen(false);
  }

  function onOpenChange(next: boolean) {
    setOpen(next);
    // Opening the list shows what is new now, not what the last poll saw.
    if (next) void query.refetch();
  }

  return (
    <Popover open={open} onOpenChange={onOpenChange}>
      <PopoverTrigger asChild>
        <Button
          variant="ghost"
          size="icon"
          className="relative"
          aria-label={label}
          data-testid="notification-bell"
        >
          <Bell aria-hidden />
          {unread > 0 ? (
            <span
              aria-hidden
              data-testid="notification-count"
              className="bg-urgent text-urgent-foreground absolute top-1 right-1 grid h-4 min-w-4 place-items-center rounded-full px-1 text-[10px] leading-none font-semibold tabular-nums"
            >
              {unread > 99 ? "99+" : unread}
            </span>
          ) : null}
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" className="w-[min(22rem,calc(100vw-2rem))] p-0" aria-label={t("title")}>
        <div className="flex items-center justify-between gap-2 border-b px-4 py-2.5">
          <h2 className="text-sm font-semibold">{t("title")}</h2>
          <Button
            variant="ghost"
            size="sm"
            onClick={markAll}
            disabled={unread === 0 || mark.isPending}
            data-testid="notifications-mark-all"
          >
            <CheckCheck aria-hidden />
            {mark.isPending ? t("marking") : t("markAllRead")}
          </Button>
        </div>
        <div className="max-h-[min(28rem,70dvh)] overflow-y-auto">
          {query.isPending ? (
            <NotificationListSkeleton />
          ) : query.isError && !query.data ? (
            <div className="flex flex-col items-center gap-3 px-6 py-8 text-center" role="alert">
              <AlertCircle aria-hidden className="text-destructive size-6" />
              <p className="text-sm">{t("error")}</p>
              <Button variant="outline" size="sm" onClick={() => query.refetch()}>
                {t("retry")}
              </Button>
            </div>
          ) : query.data.items.length === 0 ? (
            <NotificationEmpty />
          ) : (
            <NotificationList items={query.data.items} role={query.data.role} onOpen={openOne} />
          )}
        </div>
      </PopoverContent>
    </Popover>
  );
}
