"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { Bell } from "lucide-react";
import { Button } from "@/components/ui/button";
import { bellHandoff } from "./bell-handoff";

/**
 * The header bell. Its live part (TanStack Query polling the unread count, the popover) is not in the page's
 * first-load scripts (issue 8: the shell is on every signed-in route); it loads right after hydration. Until then
 * the same button is drawn, and a focus or press on it carries over to the live one.
 */
const LiveBell = dynamic(() => import("./notification-bell-live"), {
  ssr: false,
  loading: () => <WaitingBell />,
});

function WaitingBell() {
  const t = useTranslations("notifications");
  return (
    <Button
      variant="ghost"
      size="icon"
      aria-label={t("title")}
      aria-haspopup="dialog"
      aria-expanded={false}
      data-testid="notification-bell"
      data-live="false"
      onFocus={() => (bellHandoff.focused = true)}
      onBlur={() => (bellHandoff.focused = false)}
      onClick={() => (bellHandoff.openRequested = true)}
    >
      <Bell aria-hidden />
    </Button>
  );
}

export function NotificationBell() {
  return <LiveBell />;
}
