"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { changeOwnPasswordAction } from "@/app/(account)/account/actions";
import { useErrorText } from "@/components/forms/form-message";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import type { ChangePasswordField } from "@/lib/validations/account";
import { FormStatus, formErrorText } from "./form-status";

/** Current password, new one twice. The fields empty after each submit: a password is never echoed back. */
export function AccountPasswordForm() {
  const t = useTranslations("account");
  const errorText = useErrorText("account.errors");
  const [state, action, pending] = useActionState(changeOwnPasswordAction, null);
  const failed = state && !state.ok ? state : null;
  const err = (k: ChangePasswordField) => errorText(failed?.fieldErrors[k]);
  const statusRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!state) return;
    const first = state.ok ? null : Object.keys(state.fieldErrors)[0];
    ((first && document.getElementById(`field-${first}`)) || statusRef.current)?.focus();
  }, [state]);

  const ended = state?.ok ? Number(state.message ?? 0) : 0;
  return (
    <form action={action} className="grid gap-5" noValidate data-testid="change-password-form">
      <FormStatus
        statusRef={statusRef}
        testId="password"
        error={formErrorText(t, failed?.formError, failed?.values)}
        success={
          state?.ok ? (
            <>
              {t("password.saved")} {t("password.signedOutElsewhere", { count: ended })}
            </>
          ) : undefined
        }
      />
      <TextField
        name="currentPassword"
        type="password"
        label={t("password.current")}
        autoComplete="current-password"
        required
        error={err("currentPassword")}
      />
      <TextField
        name="newPassword"
        type="password"
        label={t("password.new")}
        description={t("password.hint")}
        autoComplete="new-password"
        required
        maxLength={128}
        error={err("newPassword")}
      />
      <TextField
        name="confirmPassword"
        type="password"
        label={t("password.confirm")}
        autoComplete="new-password"
        required
        error={err("confirmPassword")}
      />
      <div>
        <Button type="submit" disabled={pending} data-testid="change-password-submit">
          {pending ? t("password.saving") : t("password.submit")}
        </Button>
      </div>
    </form>
  );
}
