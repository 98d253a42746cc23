"use client";

import { useState } from "react";
import { Menu } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { NativeDialog } from "@/components/ui/native-dialog";
import type { NavItem } from "./nav-config";
import { NavLinks } from "./nav-links";

export function MobileNav({ role, items, title }: { role: string; items: NavItem[]; title: string }) {
  const t = useTranslations("nav");
  const tc = useTranslations("common");
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="ghost"
        size="icon"
        className="md:hidden"
        aria-label={t("openMenu")}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(true)}
        data-testid="mobile-nav-open"
      >
        <Menu aria-hidden />
      </Button>
      <NativeDialog
        open={open}
        onOpenChange={setOpen}
        side="left"
        aria-labelledby="mobile-nav-title"
        closeLabel={tc("close")}
        className="w-72"
        panelClassName="flex flex-col gap-4 p-4"
        data-testid="mobile-nav"
      >
        <h2 id="mobile-nav-title" className="text-foreground font-semibold">
          {title}
        </h2>
        <nav aria-label={t("main")}>
          <NavLinks role={role} items={items} onNavigate={() => setOpen(false)} />
        </nav>
      </NativeDialog>
    </>
  );
}
