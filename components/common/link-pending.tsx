"use client";

import { useLinkStatus } from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

const SPINNER =
  "inline-block shrink-0 animate-spin rounded-full border-2 border-current border-r-transparent";

/**
 * Inside a <Link>: while its navigation waits for the server, a small spinner (in place of `icon` when given).
 * The loading state of pages drawn without a loading.tsx skeleton (issue 8: the patient home and the report form
 * stream in one piece, so their content paints with the first HTML instead of after the scripts).
 */
export function LinkPending({ icon, className }: { icon?: ReactNode; className?: string }) {
  const { pending } = useLinkStatus();
  if (!pending) return icon ?? null;
  return <span aria-hidden data-testid="link-pending" className={cn(SPINNER, "size-4", className)} />;
}
