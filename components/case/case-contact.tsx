import { Phone, PhoneCall } from "lucide-react";
import { getTranslations } from "next-intl/server";
import type { CaseHeader } from "@/lib/dto/case";
import { formatPhone } from "@/lib/validations/phone";

function TelLink({ e164, label, testId }: { e164: string; label: string; testId: string }) {
  return (
    <a
      href={`tel:${e164}`}
      aria-label={label}
      data-testid={testId}
      className="text-primary inline-flex min-h-6 items-center gap-1 font-medium underline-offset-4 hover:underline"
    >
      <PhoneCall aria-hidden className="size-3.5" />
      {formatPhone(e164)}
    </a>
  );
}

/** How to reach the patient, and whom to call when they do not answer: tap-to-call on a phone. */
export async function CaseContact({ header }: { header: CaseHeader }) {
  const t = await getTranslations("caseContact");
  const emergency = header.emergencyContactName && header.emergencyContactPhone;
  return (
    <div className="grid gap-1 text-sm" data-testid="case-contact">
      <h2 className="text-muted-foreground flex items-center gap-1 font-normal">
        <Phone aria-hidden className="size-3.5" />
        {t("title")}
      </h2>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-2">
        <div className="flex flex-wrap gap-x-2">
          <dt>{t("patient")}</dt>
          <dd>
            {header.phone ? (
              <TelLink
                e164={header.phone}
                label={t("call", { name: header.name, number: formatPhone(header.phone) })}
                testId="case-phone"
              />
            ) : (
              <span className="text-muted-foreground">{t("noPhone")}</span>
            )}
          </dd>
        </div>
        <div className="flex flex-wrap gap-x-2">
          <dt>{t("emergency")}</dt>
          <dd data-testid="case-emergency">
            {emergency ? (
              <>
                {header.emergencyContactName}
                {header.emergencyContactRelation ? ` (${header.emergencyContactRelation})` : ""}{" "}
                <TelLink
                  e164={header.emergencyContactPhone!}
                  label={t("call", {
                    name: header.emergencyContactName!,
                    number: formatPhone(header.emergencyContactPhone!),
                  })}
                  testId="case-emergency-phone"
                />
              </>
            ) : (
              <span className="text-muted-foreground">{t("noEmergency")}</span>
            )}
          </dd>
        </div>
      </dl>
    </div>
  );
}
