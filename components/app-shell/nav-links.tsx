"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import {
  Activity,
  BarChart3,
  Download,
  Eye,
  HeartPulse,
  Home,
  List,
  ListOrdered,
  type LucideIcon,
  PlusCircle,
  ScrollText,
  Settings,
  User,
  Users,
} from "lucide-react";
import { cn } from "@/lib/utils";
import type { NavIcon, NavItem } from "./nav-config";

const ICONS: Record<NavIcon, LucideIcon> = {
  home: Home,
  plus: PlusCircle,
  list: List,
  chart: BarChart3,
  care: HeartPulse,
  user: User,
  eye: Eye,
  download: Download,
  queue: ListOrdered,
  users: Users,
  audit: ScrollText,
  settings: Settings,
};

function isActive(pathname: string, href: string, all: NavItem[]): boolean {
  if (pathname === href) return true;
  // The longest matching prefix wins, so /patient/reports/new does not also light up /patient/reports.
  const matches = all.filter((i) => pathname.startsWith(i.href + "/"));
  const best = matches.sort((a, b) => b.href.length - a.href.length)[0];
  return best?.href === href && !all.some((i) => i.href === pathname);
}

export function NavLinks({
  role,
  items,
  onNavigate,
}: {
  role: string;
  items: NavItem[];
  onNavigate?: () => void;
}) {
  const t = useTranslations(`nav.${role}`);
  const pathname = usePathname();
  return (
    <ul className="grid gap-1">
      {items.map((item) => {
        const Icon = ICONS[item.icon] ?? Activity;
        const active = isActive(pathname, item.href, items);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors",
                "hover:bg-accent hover:text-accent-foreground focus-visible:ring-ring/50 outline-none focus-visible:ring-[3px]",
                active ? "bg-primary/10 text-primary" : "text-muted-foreground",
              )}
            >
              <Icon aria-hidden className="size-4 shrink-0" />
              {t(item.key)}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
