"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ShieldOff } from "lucide-react";
import { resetUserMfaAction } from "@/app/(admin)/admin/users/[id]/mfa-actions";
import type { ActionResult } from "@/lib/dto/action-result";
import { useActionMessages } from "./action-messages";
import { ConfirmButton } from "./confirm-button";
import { FormAlert } from "./form-alert";

/** On an account's page: whether two-step verification is on, and the (confirmed, audited) reset for a lost phone. */
export function MfaResetCard({ userId, enabled }: { userId: string; enabled: boolean }) {
  const t = useTranslations("mfa");
  const messages = useActionMessages();
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <section className="grid gap-3" aria-labelledby="account-mfa" data-testid="account-mfa">
      <h2 id="account-mfa" className="font-semibold">
        {t("adminTitle")}
      </h2>
      <FormAlert
        error={messages.formError(result)}
        success={result?.ok ? t("adminResetDone") : undefined}
        testId="mfa-reset-result"
      />
      <p className="text-muted-foreground text-sm" data-testid="account-mfa-status">
        {enabled ? t("adminOn") : t("adminOff")}
      </p>
      {enabled ? (
        <div>
          <ConfirmButton
            label={t("adminReset")}
            icon={<ShieldOff aria-hidden />}
            destructive
            disabled={pending}
            title={t("adminResetConfirmTitle")}
            description={t("adminResetConfirm")}
            confirmLabel={t("adminReset")}
            cancelLabel={t("cancel")}
            testId="mfa-reset"
            onConfirm={() =>
              startTransition(async () => {
                const r = await resetUserMfaAction({ userId });
                setResult(r);
                if (r.ok) router.refresh();
              })
            }
          />
        </div>
      ) : null}
    </section>
  );
}
