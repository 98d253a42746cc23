"use client";

import { useState, useTransition } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { createAccountAction } from "@/app/(admin)/admin/users/actions";
import { FieldFrame } from "@/components/forms/field-frame";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/dto/action-result";
import { LOCALES, ROLES, type Locale, type Role } from "@/lib/permissions";
import { useActionMessages } from "./action-messages";
import { FormAlert } from "./form-alert";
import { NativeSelect } from "./native-select";
import { TemporaryPassword } from "./temporary-password";

type Created = ActionResult<{ id: string; temporaryPassword: string }>;
const EMPTY = { role: "patient" as Role, name: "", email: "", locale: "fr" as Locale, temporaryPassword: "" };

export function CreateAccountForm() {
  const t = useTranslations("admin.create");
  const tRoles = useTranslations("common.roles");
  const tLang = useTranslations("common.languages");
  const messages = useActionMessages();
  const [values, setValues] = useState(EMPTY);
  const [result, setResult] = useState<Created | null>(null);
  const [pending, startTransition] = useTransition();
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));

  if (result?.ok) {
    return (
      <div className="grid gap-4" data-testid="account-created">
        <TemporaryPassword password={result.data.temporaryPassword} />
        <div className="flex flex-wrap gap-2">
          <Button asChild>
            <Link href={`/admin/users/${result.data.id}`}>{t("openAccount")}</Link>
          </Button>
          <Button
            variant="outline"
            onClick={() => {
              setValues(EMPTY);
              setResult(null);
            }}
          >
            {t("another")}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form
      noValidate
      className="grid max-w-xl gap-5"
      data-testid="create-account-form"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => setResult(await createAccountAction(values)));
      }}
    >
      <FormAlert error={messages.formError(result)} />
      <FieldFrame name="role" label={t("role")} error={messages.fieldError(result, "role")}>
        {(control) => (
          <NativeSelect {...control} value={values.role} onChange={set("role")}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {tRoles(r)}
              </option>
            ))}
          </NativeSelect>
        )}
      </FieldFrame>
      <TextField
        name="name"
        label={t("name")}
        autoComplete="off"
        value={values.name}
        onChange={set("name")}
        error={messages.fieldError(result, "name")}
      />
      <TextField
        name="email"
        type="email"
        label={t("email")}
        autoComplete="off"
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
      <TextField
        name="temporaryPassword"
        type="text"
        label={t("temporaryPassword")}
        description={t("temporaryPasswordHint")}
        autoComplete="off"
        spellCheck={false}
        value={values.temporaryPassword}
        onChange={set("temporaryPassword")}
        error={messages.fieldError(result, "temporaryPassword")}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending} data-testid="create-account-submit">
          {pending ? t("creating") : t("submit")}
        </Button>
        <Button asChild variant="ghost">
          <Link href="/admin/users">{t("cancel")}</Link>
        </Button>
      </div>
    </form>
  );
}
