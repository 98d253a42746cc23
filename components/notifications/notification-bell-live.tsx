"use client";

import { useEffect, useRef, useState, type Ref } from "react";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { Bell } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Popup } from "@/components/ui/popup";
import { QueryProvider } from "@/components/providers/query-provider";
import { takeBellHandoff } from "./bell-handoff";
import { useMarkNotificationsRead, useNotifications } from "./use-notifications";

const loadPanel = () => import("./notification-panel");
/** The popover's content is fetched on first use; until then (a few ms) its frame shows a loading line. */
const NotificationPanel = dynamic(loadPanel, {
  ssr: false,
  loading: () => <div className="bg-muted m-4 h-24 animate-pulse rounded-md" aria-hidden />,
});

function setRef<T>(ref: Ref<T> | undefined, value: T | null) {
  if (typeof ref === "function") ref(value);
  else if (ref) ref.current = value;
}

/** The live header bell (loaded after hydration by ./notification-bell): its own query client provider. */
export default function LiveNotificationBell() {
  return (
    <QueryProvider>
      <NotificationBell />
    </QueryProvider>
  );
}

/** Header bell: unread count polled every 30 s, recent notifications in a popover. */
function NotificationBell() {
  const t = useTranslations("notifications");
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement | null>(null);
  const query = useNotifications();
  const mark = useMarkNotificationsRead();
  const unread = query.data?.unread ?? 0;
  const label = query.data ? t("bellLabel", { count: unread }) : t("title");

  function onOpenChange(next: boolean) {
    setOpen(next);
    // Opening the list shows what is new now, not what the last poll saw.
    if (next) void query.refetch();
  }

  // What was done to the placeholder bell before this one loaded carries over.
  useEffect(() => {
    const { focused, openRequested } = takeBellHandoff();
    if (focused || openRequested) button.current?.focus();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a press on the placeholder, replayed once
    if (openRequested) onOpenChange(true);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount
  }, []);

  return (
    <Popup
      kind="dialog"
      open={open}
      onOpenChange={onOpenChange}
      className="w-[min(22rem,calc(100vw-1rem))] p-0"
      aria-label={t("title")}
      trigger={(props) => (
        <Button
          {...props}
          ref={(el: HTMLButtonElement | null) => {
            setRef(props.ref, el);
            button.current = el;
          }}
          // Fetch the panel's code as the pointer or focus arrives, so it is there by the click.
          onPointerEnter={() => void loadPanel()}
          onFocus={() => void loadPanel()}
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
      )}
    >
      <NotificationPanel query={query} mark={mark} onClose={() => setOpen(false)} />
    </Popup>
  );
}
