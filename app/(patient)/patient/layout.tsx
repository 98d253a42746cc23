import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { AppShell } from "@/components/app-shell/app-shell";
import { currentUser } from "@/lib/dal/session";

// Draws the patient frame. Not a security boundary: every page and action below calls requireRole("patient").
export default async function PatientLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/login");
  return <AppShell user={user}>{children}</AppShell>;
}
