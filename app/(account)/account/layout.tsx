import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell/app-shell";
import { IntlScope } from "@/components/providers/intl-scope";
import { requireUser } from "@/lib/dal/session";

// Every role's own account, in that role's frame. Not the security boundary: the page and actions check again.
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <IntlScope scope="account">
      <AppShell user={user}>{children}</AppShell>
    </IntlScope>
  );
}
