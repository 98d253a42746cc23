"use client";

import type { ReactNode, RefObject } from "react";
import { AlertCircle, CheckCircle2 } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";

/** The live region above an account form: its error, or its confirmation. Focused after each submit. */
export function FormStatus({
  statusRef,
  error,
  success,
  testId,
}: {
  statusRef: RefObject<HTMLDivElement | null>;
  error?: ReactNode;
  success?: ReactNode;
  testId: string;
}) {
  return (
    <div ref={statusRef} tabIndex={-1} aria-live="polite" className="outline-none empty:hidden">
      {error ? (
        <Alert variant="destructive" data-testid={`${testId}-error`}>
          <AlertCircle aria-hidden />
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      {success ? (
        <Alert data-testid={`${testId}-saved`} className="border-routine/40 bg-routine/5">
          <CheckCircle2 aria-hidden className="text-routine" />
          <AlertDescription>{success}</AlertDescription>
        </Alert>
      ) : null}
    </div>
  );
}

/** A form-level error code from an account action, in the user's language. */
export function formErrorText(
  t: (key: string, values?: Record<string, number>) => string,
  code: string | undefined,
  values: Record<string, unknown> | undefined,
): string | undefined {
  if (!code) return undefined;
  if (code === "tooManyAttempts") {
    const minutes = typeof values?.retryAfterMinutes === "number" ? values.retryAfterMinutes : 15;
    return t("errors.tooManyAttempts", { minutes });
  }
  return t(code === "sessionEnded" ? "errors.sessionEnded" : "errors.failed");
}
