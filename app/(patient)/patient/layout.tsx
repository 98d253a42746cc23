import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell/app-shell";
import { IntlScope } from "@/components/providers/intl-scope";
import { requireRole } from "@/lib/dal/session";

// Draws the patient frame. Not the security boundary: every page and action below calls requireRole("patient") itself.
export default async function PatientLayout({ children }: { children: ReactNode }) {
  // Pages check again; checking here too makes a wrong role get a 403 status before any page streams.
  const user = await requireRole("patient");
  return (
    <IntlScope scope="patient">
      <AppShell user={user}>{children}</AppShell>
    </IntlScope>
  );
}
