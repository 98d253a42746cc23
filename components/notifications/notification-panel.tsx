"use client";

import { useTranslations } from "next-intl";
import { AlertCircle, CheckCheck } from "lucide-react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { NotificationEmpty, NotificationList, NotificationListSkeleton } from "./notification-list";
import type { NotificationJson, useMarkNotificationsRead, useNotifications } from "./use-notifications";

/**
 * What the bell's popover shows: loaded when the bell is first opened (or hovered/focused), not with every page
 * (issue 8: the shell is on every signed-in route).
 */
export default function NotificationPanel({
  query,
  mark,
  onClose,
}: {
  query: ReturnType<typeof useNotifications>;
  mark: ReturnType<typeof useMarkNotificationsRead>;
  onClose: () => void;
}) {
  const t = useTranslations("notifications");
  const unread = query.data?.unread ?? 0;

  function markAll() {
    mark.mutate("all", { onError: () => toast.error(t("markFailed")) });
  }

  function openOne(n: NotificationJson) {
    if (!n.readAt) mark.mutate([n.id]);
    onClose();
  }

  return (
    <>
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
    </>
  );
}
