"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { changeOwnEmailAction } from "@/app/(account)/account/actions";
import { useErrorText } from "@/components/forms/form-message";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import type { ChangeEmailField } from "@/lib/validations/account";
import { FormStatus, formErrorText } from "./form-status";

/** New e-mail and the password that proves it is the owner asking. */
export function AccountEmailForm() {
  const t = useTranslations("account");
  const errorText = useErrorText("account.errors");
  const [state, action, pending] = useActionState(changeOwnEmailAction, null);
  const failed = state && !state.ok ? state : null;
  const err = (k: ChangeEmailField) => errorText(failed?.fieldErrors[k]);
  const statusRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!state) return;
    if (state.ok) formRef.current?.reset();
    const first = state.ok ? null : Object.keys(state.fieldErrors)[0];
    ((first && document.getElementById(`field-${first}`)) || statusRef.current)?.focus();
  }, [state]);

  // Dispatched by hand so a failed attempt keeps the typed e-mail (React resets a <form action> after it runs).
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  }

  const typed = typeof failed?.values?.email === "string" ? failed.values.email : "";
  return (
    <form
      ref={formRef}
      action={action}
      onSubmit={onSubmit}
      className="grid gap-5"
      noValidate
      data-testid="change-email-form"
    >
      <FormStatus
        statusRef={statusRef}
        testId="email"
        error={formErrorText(t, failed?.formError, failed?.values)}
        success={state?.ok ? t("email.saved", { email: state.message ?? "" }) : undefined}
      />
      <TextField
        key={typed}
        name="email"
        type="email"
        label={t("email.newEmail")}
        autoComplete="email"
        required
        maxLength={254}
        defaultValue={typed}
        error={err("email")}
      />
      <TextField
        name="password"
        type="password"
        label={t("email.password")}
        autoComplete="current-password"
        required
        error={err("password")}
      />
      <div>
        <Button type="submit" disabled={pending} data-testid="change-email-submit">
          {pending ? t("email.saving") : t("email.submit")}
        </Button>
      </div>
    </form>
  );
}
