"use client";

import { useActionState, useEffect, useId, useRef, useState, type RefObject } from "react";
import { useTranslations } from "next-intl";
import { AlertCircle, Info } from "lucide-react";
import { withdrawReportAction } from "@/app/(patient)/patient/reports/actions";
import { FieldErrorText, useErrorText } from "@/components/forms/form-message";
import { Alert, AlertDescription } from "@/components/ui/alert";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { WithdrawFormState } from "@/lib/validations/history";
import { WITHDRAW_REASON_MAX } from "@/lib/validations/history-limits";

/** The withdraw confirmation, loaded on the first click of its button (withdraw-report-dialog.tsx). */
export function WithdrawReportConfirm({
  reportId,
  open,
  onOpenChange,
  returnFocusTo,
  onWithdrawn,
}: {
  reportId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The button that opened it: without a Radix trigger, the dialog would give the focus back to nothing. */
  returnFocusTo: RefObject<HTMLButtonElement | null>;
  onWithdrawn: () => void;
}) {
  return (
    <AlertDialog open={open} onOpenChange={onOpenChange}>
      <AlertDialogContent
        data-testid="withdraw-dialog"
        onCloseAutoFocus={(e) => {
          e.preventDefault();
          returnFocusTo.current?.focus();
        }}
      >
        {/* Mounted only while open, so each opening starts with an empty form. */}
        <WithdrawForm reportId={reportId} onWithdrawn={onWithdrawn} />
      </AlertDialogContent>
    </AlertDialog>
  );
}

function WithdrawForm({ reportId, onWithdrawn }: { reportId: string; onWithdrawn: () => void }) {
  const t = useTranslations("history.withdraw");
  const tErrors = useTranslations("history.withdraw.errors");
  const errorText = useErrorText();
  const message = (code: string | undefined) => (code && tErrors.has(code) ? tErrors(code) : errorText(code));
  const [state, action, pending] = useActionState(async (prev: WithdrawFormState, formData: FormData) => {
    const next = await withdrawReportAction(prev, formData);
    if (next?.ok) onWithdrawn();
    return next;
  }, null);
  const failed = state && !state.ok ? state : null;
  const [reason, setReason] = useState("");
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const reasonError = message(failed?.fieldErrors.reason);

  useEffect(() => {
    if (reasonError) textareaRef.current?.focus();
  }, [reasonError, state]);

  return (
    <form action={action} noValidate className="grid gap-4">
      <AlertDialogHeader>
        <AlertDialogTitle>{t("title")}</AlertDialogTitle>
        <AlertDialogDescription>{t("description")}</AlertDialogDescription>
      </AlertDialogHeader>
      <Alert>
        <Info aria-hidden />
        <AlertDescription className="text-foreground">{t("kept")}</AlertDescription>
      </Alert>
      {failed?.formError ? (
        <Alert variant="destructive" aria-live="polite" data-testid="withdraw-error">
          <AlertCircle aria-hidden />
          <AlertDescription>{message(failed.formError)}</AlertDescription>
        </Alert>
      ) : null}
      <input type="hidden" name="reportId" value={reportId} />
      <div className="grid gap-2">
        <Label htmlFor={`${id}-reason`}>{t("reason")}</Label>
        <Textarea
          ref={textareaRef}
          id={`${id}-reason`}
          name="reason"
          required
          maxLength={WITHDRAW_REASON_MAX}
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={`${id}-hint${reasonError ? ` ${id}-error` : ""}`}
        />
        <div className="text-muted-foreground flex justify-between gap-4 text-sm">
          <p id={`${id}-hint`}>{t("reasonHint")}</p>
          <p aria-hidden className="shrink-0 tabular-nums">
            {reason.length}/{WITHDRAW_REASON_MAX}
          </p>
        </div>
        <FieldErrorText id={`${id}-error`}>{reasonError}</FieldErrorText>
      </div>
      <AlertDialogFooter>
        <AlertDialogCancel disabled={pending}>{t("cancel")}</AlertDialogCancel>
        <Button type="submit" variant="destructive" disabled={pending} data-testid="confirm-withdraw">
          {pending ? t("pending") : t("confirm")}
        </Button>
      </AlertDialogFooter>
    </form>
  );
}
