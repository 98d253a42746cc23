"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { KeyRound, UserCheck, UserX } from "lucide-react";
import {
  changeAccountRoleAction,
  resetPasswordAction,
  setAccountStatusAction,
} from "@/app/(admin)/admin/users/actions";
import { Label } from "@/components/ui/label";
import { Separator } from "@/components/ui/separator";
import type { ActionResult } from "@/lib/dto/action-result";
import { ROLES, type Role } from "@/lib/permissions";
import { useActionMessages } from "./action-messages";
import { ConfirmButton } from "./confirm-button";
import { FormAlert } from "./form-alert";
import { NativeSelect } from "./native-select";
import { TemporaryPassword } from "./temporary-password";

type Account = { id: string; name: string; role: Role; status: "active" | "disabled"; isSelf: boolean };

/** Status, role and password: each asks first, because each ends the user's live sessions. */
export function AccountAccessCard({ account }: { account: Account }) {
  const t = useTranslations("admin.access");
  const tCommon = useTranslations("common");
  const tRoles = useTranslations("common.roles");
  const messages = useActionMessages();
  const router = useRouter();
  const [role, setRole] = useState<Role>(account.role);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [success, setSuccess] = useState<string>();
  const [password, setPassword] = useState<string>();
  const [pending, startTransition] = useTransition();

  const run = (
    call: () => Promise<ActionResult<unknown>>,
    done: string,
    after?: (r: ActionResult<unknown>) => void,
  ) =>
    startTransition(async () => {
      setSuccess(undefined);
      setPassword(undefined);
      const r = await call();
      setResult(r);
      if (r.ok) {
        setSuccess(done);
        after?.(r);
        router.refresh();
      }
    });

  const disabled = account.status === "disabled";
  const next = disabled ? "active" : "disabled";
  return (
    <div className="grid gap-5" data-testid="account-access">
      <FormAlert error={messages.formError(result)} success={success} />
      {password ? <TemporaryPassword password={password} /> : null}
      <section className="grid gap-2" aria-labelledby="access-status">
        <h3 id="access-status" className="font-medium">
          {t("statusTitle")}
        </h3>
        <p className="text-muted-foreground text-sm">{disabled ? t("disabledHint") : t("activeHint")}</p>
        <div>
          <ConfirmButton
            label={disabled ? t("enable") : t("disable")}
            icon={disabled ? <UserCheck aria-hidden /> : <UserX aria-hidden />}
            destructive={!disabled}
            disabled={pending || account.isSelf}
            title={
              disabled ? t("enableTitle", { name: account.name }) : t("disableTitle", { name: account.name })
            }
            description={
              disabled
                ? t("enableBody")
                : account.role === "doctor"
                  ? t("disableDoctorBody")
                  : t("disableBody")
            }
            confirmLabel={disabled ? t("enable") : t("disable")}
            cancelLabel={tCommon("cancel")}
            testId="toggle-status"
            onConfirm={() =>
              run(
                () => setAccountStatusAction({ userId: account.id, status: next }),
                disabled ? t("enabled") : t("disabled"),
              )
            }
          />
        </div>
      </section>
      <Separator />
      <section className="grid gap-2" aria-labelledby="access-role">
        <h3 id="access-role" className="font-medium">
          {t("roleTitle")}
        </h3>
        <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="grid gap-1.5">
            <Label htmlFor="account-role">{t("role")}</Label>
            <NativeSelect
              id="account-role"
              className="sm:w-48"
              value={role}
              disabled={account.isSelf}
              onChange={(e) => setRole(e.target.value as Role)}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {tRoles(r)}
                </option>
              ))}
            </NativeSelect>
          </div>
          <ConfirmButton
            label={t("changeRole")}
            disabled={pending || account.isSelf || role === account.role}
            title={t("roleConfirmTitle", { name: account.name, role: tRoles(role) })}
            description={account.role === "doctor" ? t("roleDoctorBody") : t("roleBody")}
            confirmLabel={t("changeRole")}
            cancelLabel={tCommon("cancel")}
            testId="change-role"
            onConfirm={() =>
              run(() => changeAccountRoleAction({ userId: account.id, role }), t("roleChanged"))
            }
          />
        </div>
        {account.isSelf ? <p className="text-muted-foreground text-sm">{t("selfHint")}</p> : null}
      </section>
      <Separator />
      <section className="grid gap-2" aria-labelledby="access-password">
        <h3 id="access-password" className="font-medium">
          {t("passwordTitle")}
        </h3>
        <p className="text-muted-foreground text-sm">{t("passwordHint")}</p>
        <div>
          <ConfirmButton
            label={t("resetPassword")}
            icon={<KeyRound aria-hidden />}
            disabled={pending}
            title={t("resetTitle", { name: account.name })}
            description={t("resetBody")}
            confirmLabel={t("resetPassword")}
            cancelLabel={tCommon("cancel")}
            testId="reset-password"
            onConfirm={() =>
              run(
                () => resetPasswordAction({ userId: account.id }),
                t("passwordReset"),
                (r) => {
                  if (r.ok) setPassword((r.data as { temporaryPassword: string }).temporaryPassword);
                },
              )
            }
          />
        </div>
      </section>
    </div>
  );
}
