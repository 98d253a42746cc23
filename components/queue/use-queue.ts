"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { QueuePage } from "@/lib/dto/queue";
import type { QueueQuery } from "@/lib/validations/queue";
import { queueApiUrl } from "./queue-href";

export const QUEUE_POLL_MS = 30_000;

export function queueKey(q: QueueQuery) {
  return ["doctor-queue", q.scope, q.level ?? "any", q.page, q.pageSize] as const;
}

/** The open queue refreshes itself; filters come from the URL, so a refresh never loses them. */
export function useQueue(query: QueueQuery, initial: QueuePage) {
  return useQuery({
    queryKey: queueKey(query),
    queryFn: async (): Promise<QueuePage> => {
      const res = await fetch(queueApiUrl(query), { cache: "no-store", credentials: "same-origin" });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.json() as Promise<QueuePage>;
    },
    initialData: initial,
    placeholderData: keepPreviousData,
    refetchInterval: QUEUE_POLL_MS,
    staleTime: 5_000,
  });
}
