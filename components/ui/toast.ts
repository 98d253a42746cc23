"use client";

import type { ReactNode } from "react";
import type { ExternalToast } from "sonner";

// sonner (~11 kB gzipped) loads after hydration instead of with every page's first-load scripts: `toast` here has
// sonner's call shape and imports sonner on first use; the <Toaster> is mounted by the root providers.

type Kind = "message" | "success" | "error";

function show(kind: Kind, message: ReactNode, data?: ExternalToast): void {
  void import("sonner").then(({ toast: sonner }) => {
    if (kind === "message") sonner(message, data);
    else sonner[kind](message, data);
  });
}

export const toast = Object.assign(
  (message: ReactNode, data?: ExternalToast) => show("message", message, data),
  {
    success: (message: ReactNode, data?: ExternalToast) => show("success", message, data),
    error: (message: ReactNode, data?: ExternalToast) => show("error", message, data),
  },
);
