"use client";

import { useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { setStaffMfaRequiredAction } from "@/app/(admin)/admin/settings/mfa-actions";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import type { ActionResult } from "@/lib/dto/action-result";
import { useActionMessages } from "./action-messages";
import { FormAlert } from "./form-alert";

/**
 * "Require two-step verification for staff". An admin without MFA of their own cannot turn it on (they would be
 * sent to enrolment at their next click): the switch is disabled with a link to set it up first.
 */
export function StaffMfaSetting({ required, selfEnrolled }: { required: boolean; selfEnrolled: boolean }) {
  const t = useTranslations("mfa");
  const messages = useActionMessages();
  const router = useRouter();
  const [value, setValue] = useState(required);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const locked = !selfEnrolled && !required;
  return (
    <form
      noValidate
      className="grid max-w-xl gap-4"
      data-testid="staff-mfa-form"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const r = await setStaffMfaRequiredAction({ required: value });
          setResult(r);
          if (r.ok) router.refresh();
        });
      }}
    >
      <FormAlert
        error={
          result && !result.ok && result.entity === "enrol_first"
            ? t("settingEnrolFirst")
            : messages.formError(result)
        }
        success={result?.ok ? t("settingSaved") : undefined}
        testId="staff-mfa-result"
      />
      <div className="flex items-start justify-between gap-4 rounded-lg border p-4">
        <div className="grid gap-1">
          <Label htmlFor="require-staff-mfa">{t("settingLabel")}</Label>
          <p id="require-staff-mfa-hint" className="text-muted-foreground text-sm">
            {t("settingHint")}
          </p>
          {locked ? (
            <p className="text-sm" data-testid="staff-mfa-enrol-first">
              {t("settingEnrolFirst")}{" "}
              <Link href="/account/security" className="text-primary underline underline-offset-4">
                {t("securityLink")}
              </Link>
            </p>
          ) : null}
        </div>
        <Switch
          id="require-staff-mfa"
          aria-describedby="require-staff-mfa-hint"
          checked={value}
          disabled={locked}
          onCheckedChange={setValue}
          data-testid="require-staff-mfa"
        />
      </div>
      <Button
        type="submit"
        className="justify-self-start"
        disabled={pending || locked}
        data-testid="save-staff-mfa"
      >
        {t("settingSave")}
      </Button>
    </form>
  );
}
