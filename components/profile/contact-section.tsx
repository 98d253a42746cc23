"use client";

import { useTranslations } from "next-intl";
import { Phone } from "lucide-react";
import { TextField } from "@/components/forms/text-field";
import { CONTACT_NAME_MAX, CONTACT_RELATION_MAX } from "@/lib/validations/profile-fields";

export type ContactValues = {
  phone: string;
  emergencyContactName: string;
  emergencyContactRelation: string;
  emergencyContactPhone: string;
};

/** The patient's number and an emergency contact, so the clinic can call back after an urgent report. */
export function ContactSection({
  values,
  errors,
}: {
  values: ContactValues;
  errors: Partial<Record<keyof ContactValues, string>>;
}) {
  const t = useTranslations("profile");
  return (
    <section
      aria-labelledby="profile-contact"
      className="bg-card grid gap-5 rounded-xl border p-5 shadow-sm sm:p-6"
      data-testid="profile-contact"
    >
      <div>
        <h2 id="profile-contact" className="text-lg font-semibold">
          {t("sections.contact")}
        </h2>
        <p className="text-muted-foreground flex gap-2 text-sm">
          <Phone aria-hidden className="text-primary mt-0.5 size-4 shrink-0" />
          {t("sections.contactHint")}
        </p>
      </div>
      <div className="grid gap-5 sm:max-w-xs">
        <TextField
          name="phone"
          type="tel"
          label={t("fields.phone")}
          description={t("fields.phoneHint")}
          autoComplete="tel"
          inputMode="tel"
          maxLength={40}
          defaultValue={values.phone}
          error={errors.phone}
        />
      </div>
      <fieldset className="m-0 grid min-w-0 gap-5 border-0 p-0" aria-describedby="profile-emergency-hint">
        <legend className="text-base font-semibold">{t("sections.emergency")}</legend>
        <p id="profile-emergency-hint" className="text-muted-foreground -mt-3 text-sm">
          {t("sections.emergencyHint")}
        </p>
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            name="emergencyContactName"
            label={t("fields.emergencyContactName")}
            autoComplete="off"
            maxLength={CONTACT_NAME_MAX}
            defaultValue={values.emergencyContactName}
            error={errors.emergencyContactName}
          />
          <TextField
            name="emergencyContactRelation"
            label={t("fields.emergencyContactRelation")}
            description={t("fields.emergencyContactRelationHint")}
            autoComplete="off"
            maxLength={CONTACT_RELATION_MAX}
            defaultValue={values.emergencyContactRelation}
            error={errors.emergencyContactRelation}
          />
          <TextField
            name="emergencyContactPhone"
            type="tel"
            label={t("fields.emergencyContactPhone")}
            autoComplete="off"
            inputMode="tel"
            maxLength={40}
            defaultValue={values.emergencyContactPhone}
            error={errors.emergencyContactPhone}
          />
        </div>
      </fieldset>
    </section>
  );
}
