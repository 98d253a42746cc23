import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell/app-shell";
import { IntlScope } from "@/components/providers/intl-scope";
import { requireRole } from "@/lib/dal/session";

// Draws the doctor frame. Not the security boundary: every page and action below calls requireRole("doctor") itself.
export default async function DoctorLayout({ children }: { children: ReactNode }) {
  // Pages check again; checking here too makes a wrong role get a 403 status before any page streams.
  const user = await requireRole("doctor");
  return (
    <IntlScope scope="doctor">
      <AppShell user={user}>{children}</AppShell>
    </IntlScope>
  );
}
