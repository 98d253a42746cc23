"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { AlertCircle, Check } from "lucide-react";
import {
  confirmEnrolmentAction,
  disableMfaAction,
  verifyMfaAction,
  type MfaFormState,
} from "@/app/(auth)/mfa/actions";
import { useErrorText } from "@/components/forms/form-message";
import { TextField } from "@/components/forms/text-field";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

function FormError({ state }: { state: MfaFormState }) {
  const t = useTranslations("mfa");
  if (!state || state.ok || !state.formError) return null;
  return (
    <Alert variant="destructive" data-testid="form-error" aria-live="polite">
      <AlertCircle aria-hidden />
      <AlertDescription>{t(state.formError, { minutes: state.retryAfterMinutes ?? 15 })}</AlertDescription>
    </Alert>
  );
}

function CodeField({
  state,
  label,
  description,
}: {
  state: MfaFormState;
  label: string;
  description?: string;
}) {
  const errorText = useErrorText("mfa");
  const failed = state && !state.ok ? state : null;
  return (
    <TextField
      name="code"
      label={label}
      description={description}
      autoComplete="one-time-code"
      autoCapitalize="none"
      spellCheck={false}
      required
      maxLength={32}
      error={errorText(failed?.fieldErrors.code)}
    />
  );
}

/** The second step at sign-in: an authenticator code, or a recovery code. */
export function MfaVerifyForm() {
  const t = useTranslations("mfa");
  const [state, action, pending] = useActionState(verifyMfaAction, null);
  return (
    <form action={action} className="grid gap-5" noValidate data-testid="mfa-verify-form">
      <FormError state={state} />
      <CodeField state={state} label={t("codeLabel")} description={t("codeHint")} />
      <Button type="submit" size="lg" disabled={pending}>
        {pending ? t("verifying") : t("verify")}
      </Button>
    </form>
  );
}

/** The ten recovery codes, shown once after enrolment. */
function RecoveryCodes({ codes, next }: { codes: string[]; next: string }) {
  const t = useTranslations("mfa");
  return (
    <div className="grid gap-4" data-testid="mfa-recovery-codes">
      <Alert>
        <Check aria-hidden />
        <AlertDescription>{t("enrolled")}</AlertDescription>
      </Alert>
      <h2 className="text-lg font-semibold">{t("recoveryTitle")}</h2>
      <p className="text-muted-foreground text-sm">{t("recoveryHint")}</p>
      <ul className="bg-muted grid grid-cols-1 gap-1 rounded-md p-3 font-mono text-sm min-[360px]:grid-cols-2">
        {codes.map((code) => (
          <li key={code} data-testid="mfa-recovery-code">
            {code}
          </li>
        ))}
      </ul>
      <Button asChild size="lg">
        {/* A full load: the page behind is drawn afresh for the now enabled verification. */}
        <a href={next} data-testid="mfa-continue">
          {t("savedContinue")}
        </a>
      </Button>
    </div>
  );
}

/**
 * Enrolment: the QR code (a data: URL drawn on the server), the same secret as text for typing by hand, and the
 * first code to confirm. On success the recovery codes replace the form.
 */
export function MfaEnrolForm({ qrDataUrl, secret }: { qrDataUrl: string; secret: string }) {
  const t = useTranslations("mfa");
  const [state, action, pending] = useActionState(confirmEnrolmentAction, null);
  if (state?.ok && state.recoveryCodes) {
    return <RecoveryCodes codes={state.recoveryCodes} next={state.next ?? "/"} />;
  }
  const grouped = secret.match(/.{1,4}/g)?.join(" ") ?? secret;
  return (
    <div className="grid gap-5">
      <ol className="text-muted-foreground grid list-decimal gap-1 pl-5 text-sm">
        <li>{t("enrolStep1")}</li>
        <li>{t("enrolStep2")}</li>
        <li>{t("enrolStep3")}</li>
      </ol>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL, nothing to optimise */}
      <img
        src={qrDataUrl}
        alt={t("qrAlt")}
        width={192}
        height={192}
        className="mx-auto rounded-md border bg-white p-2"
        data-testid="mfa-qr"
      />
      <div className="grid gap-1 text-center">
        <p className="text-muted-foreground text-sm" id="mfa-secret-label">
          {t("secretLabel")}
        </p>
        <code
          className="bg-muted rounded-md px-2 py-1 font-mono text-sm break-all"
          aria-labelledby="mfa-secret-label"
          data-testid="mfa-secret"
        >
          {grouped}
        </code>
      </div>
      <form action={action} className="grid gap-5" noValidate data-testid="mfa-enrol-form">
        <FormError state={state} />
        <CodeField state={state} label={t("firstCodeLabel")} />
        <Button type="submit" size="lg" disabled={pending}>
          {pending ? t("verifying") : t("confirmEnrol")}
        </Button>
      </form>
    </div>
  );
}

/** Turning MFA off from the security page (with a current code). */
export function MfaDisableForm() {
  const t = useTranslations("mfa");
  const [state, action, pending] = useActionState(disableMfaAction, null);
  return (
    <form action={action} className="grid gap-4" noValidate data-testid="mfa-disable-form">
      <FormError state={state} />
      <CodeField state={state} label={t("disableCodeLabel")} />
      <Button type="submit" variant="outline" disabled={pending}>
        {t("disable")}
      </Button>
    </form>
  );
}
