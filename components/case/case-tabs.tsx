"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";

const TABS = [
  { key: "overview", path: "" },
  { key: "evaluation", path: "/evaluation" },
  { key: "causes", path: "/causes" },
  { key: "plan", path: "/plan" },
] as const;

/** The case's sections: links (each its own URL), the current one marked for assistive technology. */
export function CaseTabs({ patientId }: { patientId: string }) {
  const t = useTranslations("doctor.case.tabs");
  const pathname = usePathname();
  const base = `/doctor/patients/${patientId}`;
  return (
    <nav aria-label={t("label")} className="mb-6 overflow-x-auto border-b">
      <ul className="flex min-w-max gap-1">
        {TABS.map((tab) => {
          const href = `${base}${tab.path}`;
          const active = tab.path === "" ? pathname === base : pathname.startsWith(href);
          return (
            <li key={tab.key}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "text-muted-foreground hover:text-foreground focus-visible:ring-ring/70 -mb-px inline-flex border-b-2 border-transparent px-3 py-2 text-sm font-medium outline-none focus-visible:ring-[3px]",
                  active && "border-primary text-foreground",
                )}
              >
                {t(tab.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
