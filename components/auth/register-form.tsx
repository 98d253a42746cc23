"use client";

import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { AlertCircle } from "lucide-react";
import { registerAction } from "@/app/(auth)/actions";
import { useErrorText } from "@/components/forms/form-message";
import { TextField } from "@/components/forms/text-field";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function RegisterForm() {
  const t = useTranslations("auth");
  const locale = useLocale();
  const errorText = useErrorText("auth");
  const [state, action, pending] = useActionState(registerAction, null);
  const failed = state && !state.ok ? state : null;
  const err = (k: string) => errorText(failed?.fieldErrors[k]);
  return (
    <form action={action} className="grid gap-5" noValidate>
      {failed?.formError ? (
        <Alert variant="destructive" data-testid="form-error">
          <AlertCircle aria-hidden />
          <AlertDescription>
            {t(failed.formError, { minutes: Number(failed.values?.retryAfterMinutes ?? 15) })}
          </AlertDescription>
        </Alert>
      ) : null}
      <input type="hidden" name="locale" value={locale} />
      <TextField
        name="name"
        label={t("name")}
        autoComplete="name"
        required
        defaultValue={String(failed?.values?.name ?? "")}
        error={err("name")}
      />
      <TextField
        name="email"
        type="email"
        label={t("email")}
        autoComplete="email"
        required
        defaultValue={String(failed?.values?.email ?? "")}
        error={err("email")}
      />
      <TextField
        name="password"
        type="password"
        label={t("password")}
        autoComplete="new-password"
        required
        description={t("passwordHint")}
        error={err("password")}
      />
      <TextField
        name="confirmPassword"
        type="password"
        label={t("confirmPassword")}
        autoComplete="new-password"
        required
        error={err("confirmPassword")}
      />
      <Button type="submit" size="lg" disabled={pending}>
        {pending ? t("registering") : t("register")}
      </Button>
    </form>
  );
}
