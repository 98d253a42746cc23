"use client";

import { LogOut } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { endAccountSessionsAction } from "@/app/(admin)/admin/users/actions";
import type { ActionResult } from "@/lib/dto/action-result";
import { useActionMessages } from "./action-messages";
import { ConfirmButton } from "./confirm-button";
import { FormAlert } from "./form-alert";

/** "Sign out everywhere" for this account: every browser it is signed in on is signed out at its next click. */
export function EndSessionsCard({ userId }: { userId: string }) {
  const t = useTranslations("admin.sessions");
  const messages = useActionMessages();
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<{ ended: number }> | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <section className="grid gap-3" aria-labelledby="account-sessions" data-testid="account-sessions">
      <h2 id="account-sessions" className="font-semibold">
        {t("title")}
      </h2>
      <FormAlert
        error={messages.formError(result)}
        success={result?.ok ? t("done", { count: result.data.ended }) : undefined}
        testId="end-sessions-result"
      />
      <p className="text-muted-foreground text-sm">{t("hint")}</p>
      <div>
        <ConfirmButton
          label={t("action")}
          icon={<LogOut aria-hidden />}
          destructive
          disabled={pending}
          title={t("confirmTitle")}
          description={t("confirm")}
          confirmLabel={t("action")}
          cancelLabel={t("cancel")}
          testId="end-sessions"
          onConfirm={() =>
            startTransition(async () => {
              const r = await endAccountSessionsAction({ userId });
              setResult(r);
              if (r.ok) router.refresh();
            })
          }
        />
      </div>
    </section>
  );
}
