"use client";

import { useRef, useState } from "react";
import dynamic from "next/dynamic";
import { Send } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

// Radix AlertDialog (focus scope, scroll lock, presence) is ~16 kB gzipped: loaded on the first click.
const PublishConfirm = dynamic(() => import("./publish-confirm").then((m) => m.PublishConfirm), {
  ssr: false,
});

/** Publishing reaches the patient: ask once, then run the form's publish submit. */
export function PublishDialog({
  version,
  disabled,
  onConfirm,
}: {
  version: number;
  disabled: boolean;
  onConfirm: () => void;
}) {
  const t = useTranslations("plan.publish");
  const [open, setOpen] = useState(false);
  const [requested, setRequested] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  return (
    <>
      <Button
        ref={buttonRef}
        type="button"
        disabled={disabled}
        data-testid="publish-plan"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => {
          setRequested(true);
          setOpen(true);
        }}
      >
        <Send aria-hidden /> {t("button")}
      </Button>
      {requested ? (
        <PublishConfirm
          version={version}
          open={open}
          onOpenChange={setOpen}
          returnFocusTo={buttonRef}
          onConfirm={onConfirm}
        />
      ) : null}
    </>
  );
}
