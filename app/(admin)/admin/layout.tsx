import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell/app-shell";
import { IntlScope } from "@/components/providers/intl-scope";
import { requireRole } from "@/lib/dal/session";

// Draws the admin frame. Not the security boundary: every page and action below calls requireRole("admin") itself.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  // Pages check again; checking here too makes a wrong role get a 403 status before any page streams.
  const user = await requireRole("admin");
  return (
    <IntlScope scope="admin">
      <AppShell user={user}>{children}</AppShell>
    </IntlScope>
  );
}
