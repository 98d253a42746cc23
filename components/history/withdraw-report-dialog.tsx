"use client";

import { useRef, useState } from "react";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { Archive, CheckCircle2 } from "lucide-react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";

// Radix AlertDialog (focus scope, scroll lock, presence) and the form are ~17 kB gzipped: loaded on the first
// click of the button, not with every page that lists reports.
const WithdrawReportConfirm = dynamic(
  () => import("./withdraw-report-form").then((m) => m.WithdrawReportConfirm),
  { ssr: false },
);

/** "Withdraw" button and its confirmation: the report is kept, marked as withdrawn with the patient's reason. */
export function WithdrawReportDialog({ reportId }: { reportId: string }) {
  const t = useTranslations("history.withdraw");
  const [open, setOpen] = useState(false);
  const [requested, setRequested] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  return (
    <>
      <Button
        ref={buttonRef}
        variant="outline"
        size="sm"
        data-testid="withdraw-report"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => {
          setRequested(true);
          setOpen(true);
        }}
      >
        <Archive aria-hidden /> {t("button")}
      </Button>
      {requested ? (
        <WithdrawReportConfirm
          reportId={reportId}
          open={open}
          onOpenChange={setOpen}
          returnFocusTo={buttonRef}
          onWithdrawn={() => {
            setOpen(false);
            // Plain toast (theme colours): the rich success green is below 4.5:1 on its background.
            toast(t("done"), { icon: <CheckCircle2 aria-hidden className="text-routine size-4" /> });
          }}
        />
      ) : null}
    </>
  );
}
