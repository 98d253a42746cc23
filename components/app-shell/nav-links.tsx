import { getTranslations } from "next-intl/server";
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
import type { NavIcon, NavItem } from "./nav-config";
import { NavLink } from "./nav-link";

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

/** The role's navigation, drawn on the server: icons and labels ship as HTML, only the links are client code. */
export async function NavLinks({ role, items }: { role: string; items: NavItem[] }) {
  const t = await getTranslations(`nav.${role}`);
  const all = items.map((i) => i.href);
  return (
    <ul className="grid gap-1">
      {items.map((item) => {
        const Icon = ICONS[item.icon] ?? Activity;
        return (
          <li key={item.href}>
            <NavLink href={item.href} all={all}>
              <Icon aria-hidden className="size-4 shrink-0" />
              {t(item.key)}
            </NavLink>
          </li>
        );
      })}
    </ul>
  );
}
