"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { ThemeProvider } from "next-themes";
import dynamic from "next/dynamic";
import { useSyncExternalStore, type ReactNode } from "react";
import { subscribeToaster, toasterWanted } from "@/components/ui/toast";
import { getQueryClient } from "@/lib/query-client";

const Toaster = dynamic(() => import("@/components/ui/sonner").then((m) => m.Toaster), { ssr: false });

/** The toast region, mounted (and sonner loaded) once a toast is first shown (components/ui/toast.ts). */
function LazyToaster() {
  const wanted = useSyncExternalStore(subscribeToaster, toasterWanted, () => false);
  return wanted ? <Toaster closeButton /> : null;
}

export function Providers({ children, nonce }: { children: ReactNode; nonce?: string }) {
  const queryClient = getQueryClient();
  return (
    <ThemeProvider
      attribute="class"
      defaultTheme="system"
      enableSystem
      disableTransitionOnChange
      nonce={nonce}
    >
      <QueryClientProvider client={queryClient}>
        {children}
        <LazyToaster />
      </QueryClientProvider>
    </ThemeProvider>
  );
}
