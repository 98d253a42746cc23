"use client";

import type { ReactNode } from "react";
import type { ExternalToast } from "sonner";

// sonner (~11 kB gzipped) loads with the first toast instead of with every page: `toast` here has sonner's call
// shape, imports sonner on first use, and asks the root providers to mount the <Toaster> (LazyToaster). sonner
// replays the toasts still active when its Toaster subscribes, so the first one is shown too.

const listeners = new Set<() => void>();
let wanted = false;

export function subscribeToaster(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function toasterWanted(): boolean {
  return wanted;
}

type Kind = "message" | "success" | "error";

function show(kind: Kind, message: ReactNode, data?: ExternalToast): void {
  if (!wanted) {
    wanted = true;
    for (const listener of listeners) listener();
  }
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
