"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { LinkPending } from "@/components/common/link-pending";
import { cn } from "@/lib/utils";
import { isActiveNav } from "./nav-config";

/**
 * One navigation link: the only client part of the navigation (the current page is known in the browser). Its
 * icon and label come from the server (components/app-shell/nav-links.tsx), so their code is not shipped.
 */
export function NavLink({
  href,
  all,
  children,
}: {
  href: string;
  all: readonly string[];
  children: ReactNode;
}) {
  const active = isActiveNav(usePathname(), href, all);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors",
        "hover:bg-accent hover:text-accent-foreground focus-visible:ring-ring/50 outline-none focus-visible:ring-[3px]",
        active ? "bg-primary/10 text-primary" : "text-muted-foreground",
      )}
    >
      {children}
      <LinkPending className="ml-auto size-3.5" />
    </Link>
  );
}
