"use client";

import { useState, type ReactNode } from "react";
import { Menu } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { NativeDialog } from "@/components/ui/native-dialog";

/** The navigation in a sheet on small screens; `children` is the server-drawn list (components/app-shell/nav-links). */
export function MobileNav({ title, children }: { title: string; children: ReactNode }) {
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
        {/* Following a link closes the sheet (the links are the server's, so the click is caught here). */}
        <nav
          aria-label={t("main")}
          onClick={(e) => {
            if ((e.target as Element).closest("a[href]")) setOpen(false);
          }}
        >
          {children}
        </nav>
      </NativeDialog>
    </>
  );
}
