"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { updateAccountAction } from "@/app/(admin)/admin/users/actions";
import { FieldFrame } from "@/components/forms/field-frame";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/dto/action-result";
import { LOCALES, type Locale } from "@/lib/permissions";
import { useActionMessages } from "./action-messages";
import { FormAlert } from "./form-alert";
import { NativeSelect } from "./native-select";

export function AccountDetailsForm({
  userId,
  initial,
}: {
  userId: string;
  initial: { name: string; email: string; locale: Locale };
}) {
  const t = useTranslations("admin.account");
  const tLang = useTranslations("common.languages");
  const messages = useActionMessages();
  const [values, setValues] = useState(initial);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const set = (key: keyof typeof initial) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));
  return (
    <form
      noValidate
      className="grid gap-4"
      data-testid="account-details-form"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => setResult(await updateAccountAction({ userId, ...values })));
      }}
    >
      <FormAlert error={messages.formError(result)} success={result?.ok ? t("saved") : undefined} />
      <TextField
        name="name"
        label={t("name")}
        value={values.name}
        onChange={set("name")}
        error={messages.fieldError(result, "name")}
      />
      <TextField
        name="email"
        type="email"
        label={t("email")}
        value={values.email}
        onChange={set("email")}
        error={messages.fieldError(result, "email")}
      />
      <FieldFrame name="locale" label={t("locale")} error={messages.fieldError(result, "locale")}>
        {(control) => (
          <NativeSelect {...control} value={values.locale} onChange={set("locale")}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {tLang(l)}
              </option>
            ))}
          </NativeSelect>
        )}
      </FieldFrame>
      <Button type="submit" className="justify-self-start" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
