"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { getQueryClient } from "@/lib/query-client";

/**
 * TanStack Query where a page watches data change (the queue, the bell's count), not around the whole app: pages
 * without live data do not download it. Every provider shares the tab's one client, so caches are shared.
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={getQueryClient()}>{children}</QueryClientProvider>;
}
