"use client";

import type { RefObject } from "react";
import { useTranslations } from "next-intl";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";

/** The publish confirmation, loaded on the first click of its button (publish-dialog.tsx). */
export function PublishConfirm({
  version,
  open,
  onOpenChange,
  returnFocusTo,
  onConfirm,
}: {
  version: number;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The button that opened it: without a Radix trigger, the dialog would give the focus back to nothing. */
  returnFocusTo: RefObject<HTMLButtonElement | null>;
  onConfirm: () => void;
}) {
  const t = useTranslations("plan.publish");
  return (
    <AlertDialog open={open} onOpenChange={onOpenChange}>
      <AlertDialogContent
        onCloseAutoFocus={(e) => {
          e.preventDefault();
          // A refused publication has already put the focus on the first field to correct: leave it there.
          const active = document.activeElement;
          if (!active || active === document.body) returnFocusTo.current?.focus();
        }}
      >
        <AlertDialogHeader>
          <AlertDialogTitle>{t("title", { version })}</AlertDialogTitle>
          <AlertDialogDescription>{t("body")}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>{t("cancel")}</AlertDialogCancel>
          <AlertDialogAction onClick={onConfirm} data-testid="publish-confirm">
            {t("confirm")}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
