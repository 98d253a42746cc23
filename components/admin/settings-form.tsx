"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { updateClinicSettingsAction } from "@/app/(admin)/admin/settings/actions";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import type { ActionResult } from "@/lib/dto/action-result";
import { useActionMessages } from "./action-messages";
import { FormAlert } from "./form-alert";

export function SettingsForm({ initial }: { initial: { clinicName: string; selfRegistration: boolean } }) {
  const t = useTranslations("admin.settings");
  const messages = useActionMessages();
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      noValidate
      className="grid max-w-xl gap-6"
      data-testid="settings-form"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const r = await updateClinicSettingsAction(values);
          setResult(r);
          if (r.ok) router.refresh();
        });
      }}
    >
      <FormAlert error={messages.formError(result)} success={result?.ok ? t("saved") : undefined} />
      <TextField
        name="clinicName"
        label={t("clinicName")}
        description={t("clinicNameHint")}
        value={values.clinicName}
        onChange={(e) => setValues((v) => ({ ...v, clinicName: e.target.value }))}
        error={messages.fieldError(result, "clinicName")}
      />
      <div className="flex items-start justify-between gap-4 rounded-lg border p-4">
        <div className="grid gap-1">
          <Label htmlFor="self-registration">{t("selfRegistration")}</Label>
          <p id="self-registration-hint" className="text-muted-foreground text-sm">
            {values.selfRegistration ? t("selfRegistrationOn") : t("selfRegistrationOff")}
          </p>
        </div>
        <Switch
          id="self-registration"
          aria-describedby="self-registration-hint"
          checked={values.selfRegistration}
          onCheckedChange={(on) => setValues((v) => ({ ...v, selfRegistration: on }))}
          data-testid="self-registration"
        />
      </div>
      <Button type="submit" className="justify-self-start" disabled={pending} data-testid="save-settings">
        {pending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
