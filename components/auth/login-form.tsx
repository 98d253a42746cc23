"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { AlertCircle } from "lucide-react";
import { signInAction } from "@/app/(auth)/actions";
import { useErrorText } from "@/components/forms/form-message";
import { TextField } from "@/components/forms/text-field";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("auth");
  const errorText = useErrorText("auth");
  const [state, action, pending] = useActionState(signInAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="grid gap-5" noValidate>
      {failed?.formError ? (
        <Alert variant="destructive" data-testid="form-error" aria-live="polite">
          <AlertCircle aria-hidden />
          <AlertDescription>
            {t(failed.formError, { minutes: Number(failed.values?.retryAfterMinutes ?? 15) })}
          </AlertDescription>
        </Alert>
      ) : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? "/"} />
      <TextField
        name="email"
        type="email"
        label={t("email")}
        autoComplete="email"
        required
        defaultValue={String(failed?.values?.email ?? "")}
        error={errorText(failed?.fieldErrors.email)}
      />
      <TextField
        name="password"
        type="password"
        label={t("password")}
        autoComplete="current-password"
        required
        error={errorText(failed?.fieldErrors.password)}
      />
      <Button type="submit" size="lg" disabled={pending}>
        {pending ? t("signingIn") : t("signIn")}
      </Button>
    </form>
  );
}
