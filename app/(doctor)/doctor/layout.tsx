import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell/app-shell";
import { requireRole } from "@/lib/dal/session";

// Draws the doctor frame. Not the security boundary: every page and action below calls requireRole("doctor") itself.
export default async function DoctorLayout({ children }: { children: ReactNode }) {
  // Pages check again; checking here too makes a wrong role get a 403 status before any page streams.
  const user = await requireRole("doctor");
  return <AppShell user={user}>{children}</AppShell>;
}
