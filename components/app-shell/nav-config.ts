import type { Role } from "@/lib/permissions";

export type NavIcon =
  | "home"
  | "plus"
  | "list"
  | "chart"
  | "care"
  | "user"
  | "eye"
  | "download"
  | "queue"
  | "users"
  | "audit"
  | "settings";

export type NavItem = { href: string; key: string; icon: NavIcon };

/** Links per role; `key` is a message under nav.<role>. Pages check access themselves. */
export const NAV: Record<Role, NavItem[]> = {
  patient: [
    { href: "/patient", key: "home", icon: "home" },
    { href: "/patient/reports/new", key: "report", icon: "plus" },
    { href: "/patient/reports", key: "history", icon: "list" },
    { href: "/patient/trends", key: "trends", icon: "chart" },
    { href: "/patient/care", key: "care", icon: "care" },
    { href: "/patient/profile", key: "profile", icon: "user" },
    { href: "/patient/access", key: "access", icon: "eye" },
  ],
  doctor: [
    { href: "/doctor", key: "home", icon: "queue" },
    { href: "/doctor/search", key: "search", icon: "users" },
  ],
  admin: [
    { href: "/admin", key: "home", icon: "home" },
    { href: "/admin/users", key: "accounts", icon: "users" },
    { href: "/admin/audit", key: "audit", icon: "audit" },
    { href: "/admin/settings", key: "settings", icon: "settings" },
  ],
};

/** Whether `href` is the current section: the exact page, else the longest matching prefix among the links. */
export function isActiveNav(pathname: string, href: string, all: readonly string[]): boolean {
  if (pathname === href) return true;
  // The longest matching prefix wins, so /patient/reports/new does not also light up /patient/reports.
  if (all.includes(pathname)) return false;
  const best = all.filter((h) => pathname.startsWith(h + "/")).sort((a, b) => b.length - a.length)[0];
  return best === href;
}
