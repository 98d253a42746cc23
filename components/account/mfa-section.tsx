import { getTranslations } from "next-intl/server";
import { MfaDisableForm, MfaEnrolForm } from "@/components/auth/mfa-forms";
import { Badge } from "@/components/ui/badge";
import type { MfaStatus } from "@/lib/dal/mfa";

/**
 * Two-step verification on the account's security page: status, set-up (QR code and secret) when off, turning it
 * off with a current code when the clinic allows. The page loads the data (status and, when off, an enrolment).
 */
export async function MfaSection({
  status,
  enrolment,
}: {
  status: MfaStatus;
  enrolment: { qrDataUrl: string; secret: string } | null;
}) {
  const t = await getTranslations("mfa");
  return (
    <section aria-labelledby="mfa-section-title" className="grid gap-4" data-testid="mfa-section">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="mfa-section-title" className="text-lg font-semibold">
          {t("sectionTitle")}
        </h2>
        <Badge variant={status.enabled ? "default" : "secondary"} data-testid="mfa-status">
          {status.enabled ? t("statusOn") : t("statusOff")}
        </Badge>
      </div>
      <p className="text-muted-foreground text-sm">{t("sectionIntro")}</p>
      {status.enabled ? (
        <>
          <p className="text-sm" data-testid="mfa-codes-left">
            {t("codesLeft", { count: status.recoveryCodesLeft })}
          </p>
          {status.required ? (
            <p className="text-muted-foreground text-sm">{t("requiredByClinic")}</p>
          ) : (
            <MfaDisableForm />
          )}
        </>
      ) : enrolment ? (
        <MfaEnrolForm qrDataUrl={enrolment.qrDataUrl} secret={enrolment.secret} />
      ) : null}
    </section>
  );
}
