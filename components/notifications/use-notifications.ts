"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Role } from "@/lib/permissions";
import type { NotificationKind } from "./notification-href";

export type NotificationJson = {
  id: string;
  kind: NotificationKind;
  createdAt: string;
  readAt: string | null;
};

export type NotificationsResponse = { items: NotificationJson[]; unread: number; role: Role };

export class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

export const NOTIFICATIONS_KEY = ["notifications"] as const;
const POLL_MS = 30_000;

async function fetchJson<T>(input: string, init?: RequestInit): Promise<T> {
  const res = await fetch(input, { ...init, cache: "no-store", credentials: "same-origin" });
  if (!res.ok) throw new HttpError(res.status);
  return res.json() as Promise<T>;
}

export function useNotifications() {
  return useQuery({
    queryKey: NOTIFICATIONS_KEY,
    queryFn: () => fetchJson<NotificationsResponse>("/api/notifications?limit=10"),
    refetchInterval: POLL_MS,
    // A signed-out session will not come back by retrying.
    retry: (count, err) => !(err instanceof HttpError && err.status === 401) && count < 2,
  });
}

export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[] | "all") =>
      fetchJson<{ updated: number; unread: number }>("/api/notifications/read", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(ids === "all" ? { all: true } : { ids }),
      }),
    onSuccess: ({ unread }, ids) => {
      const readAt = new Date().toISOString();
      queryClient.setQueryData<NotificationsResponse>(NOTIFICATIONS_KEY, (old) =>
        old
          ? {
              ...old,
              unread,
              items: old.items.map((n) =>
                !n.readAt && (ids === "all" || ids.includes(n.id)) ? { ...n, readAt } : n,
              ),
            }
          : old,
      );
    },
  });
}
