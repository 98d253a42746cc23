"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { AlertCircle } from "lucide-react";
import { changeTemporaryPasswordAction } from "@/app/(auth)/change-password/actions";
import { useErrorText } from "@/components/forms/form-message";
import { TextField } from "@/components/forms/text-field";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function ChangePasswordForm() {
  const t = useTranslations("passwordChange");
  const errorText = useErrorText("passwordChange");
  const [state, action, pending] = useActionState(changeTemporaryPasswordAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="grid gap-5" noValidate data-testid="change-password-form">
      {failed?.formError ? (
        <Alert variant="destructive" data-testid="form-error">
          <AlertCircle aria-hidden />
          <AlertDescription>{t(failed.formError)}</AlertDescription>
        </Alert>
      ) : null}
      <TextField
        name="password"
        type="password"
        label={t("newPassword")}
        description={t("hint")}
        autoComplete="new-password"
        required
        error={errorText(failed?.fieldErrors.password)}
      />
      <TextField
        name="confirmPassword"
        type="password"
        label={t("confirmPassword")}
        autoComplete="new-password"
        required
        error={errorText(failed?.fieldErrors.confirmPassword)}
      />
      <Button type="submit" size="lg" disabled={pending}>
        {pending ? t("saving") : t("submit")}
      </Button>
    </form>
  );
}
