"use client";

import dynamic from "next/dynamic";
import type { ReactNode } from "react";

// The toast region loads after hydration (its own chunk, not in the page's first-load scripts) and is always
// mounted: mounting it on the first toast suspended inside that toast's transition and held the router's
// navigations behind it (seen in the queue's claim-then-open e2e).
const Toaster = dynamic(() => import("@/components/ui/sonner").then((m) => m.Toaster), { ssr: false });

export function Providers({ children }: { children: ReactNode }) {
  return (
    <>
      {/* TanStack Query is provided where live data is watched (components/providers/query-provider.tsx); the
          theme is a class on <html> set before first paint (lib/theme.ts, app/layout.tsx). */}
      {children}
      <Toaster closeButton />
    </>
  );
}
