"use client";

import { AlertCircle, CheckCircle2 } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";

/** The result line under an admin form, announced to screen readers. */
export function FormAlert({ error, success, testId }: { error?: string; success?: string; testId?: string }) {
  if (!error && !success) return <p role="status" className="sr-only" />;
  return (
    <Alert
      variant={error ? "destructive" : "default"}
      role={error ? "alert" : "status"}
      data-testid={testId ?? (error ? "admin-form-error" : "admin-form-success")}
    >
      {error ? <AlertCircle aria-hidden /> : <CheckCircle2 aria-hidden />}
      <AlertDescription>{error ?? success}</AlertDescription>
    </Alert>
  );
}
