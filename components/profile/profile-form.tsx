"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { AlertCircle, CheckCircle2 } from "lucide-react";
import { toast } from "@/components/ui/toast";
import { updateProfileAction } from "@/app/(patient)/patient/profile/actions";
import { useErrorText } from "@/components/forms/form-message";
import { TextField } from "@/components/forms/text-field";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { Condition, Medicine, Sex } from "@/lib/domain/report-fields";
import { PROFILE_TEXT_MAX, type ProfileField } from "@/lib/validations/profile-fields";
import { ContactSection, type ContactValues } from "./contact-section";
import { ConditionsSection, MedicinesSection, SexField } from "./profile-sections";
import { TextAreaField } from "@/components/forms/text-area-field";
import { ReportEpisodeLink } from "@/components/report/report-episode-link";

export type ProfileFormValues = {
  dateOfBirth: string;
  sex: Sex | "";
  conditions: Condition[];
  conditionsOther: string;
  medicines: Medicine[];
  medicinesOther: string;
} & ContactValues;

function fromState(
  values: Record<string, unknown> | undefined,
  fallback: ProfileFormValues,
): ProfileFormValues {
  if (!values) return fallback;
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  const list = <T,>(v: unknown) => (Array.isArray(v) ? (v.filter((x) => typeof x === "string") as T[]) : []);
  return {
    dateOfBirth: str(values.dateOfBirth),
    sex: str(values.sex) as Sex | "",
    conditions: list<Condition>(values.conditions),
    conditionsOther: str(values.conditionsOther),
    medicines: list<Medicine>(values.medicines),
    medicinesOther: str(values.medicinesOther),
    phone: str(values.phone),
    emergencyContactName: str(values.emergencyContactName),
    emergencyContactRelation: str(values.emergencyContactRelation),
    emergencyContactPhone: str(values.emergencyContactPhone),
  };
}

export function ProfileForm({
  initial,
  today,
  welcome,
}: {
  initial: ProfileFormValues;
  today: string;
  welcome: boolean;
}) {
  const t = useTranslations("profile");
  const tCommon = useTranslations("common");
  const tErrors = useTranslations("errors");
  const errorText = useErrorText("profile.errors");
  const [state, action, pending] = useActionState(updateProfileAction, null);
  const failed = state && !state.ok ? state : null;
  const values = fromState(failed?.values, initial);
  const err = (k: ProfileField) => errorText(failed?.fieldErrors[k]);
  const statusRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state?.ok) {
      toast.success(t("saved"));
      statusRef.current?.focus();
    } else if (state && !state.ok) {
      // Take keyboard and screen-reader users to the first field to fix.
      const first = Object.keys(state.fieldErrors)[0];
      const el = first
        ? (document.getElementById(`field-${first}`) ??
          document.querySelector<HTMLElement>(`[id^="field-${first}-"]`))
        : null;
      (el ?? statusRef.current)?.focus();
    }
  }, [state, t]);

  // Dispatched by hand rather than through <form action>, so React does not reset the fields after submitting:
  // what the patient typed stays on screen, on success and on error. Without JavaScript the form still posts.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  }

  return (
    <form action={action} onSubmit={onSubmit} className="grid gap-6" noValidate data-testid="profile-form">
      <div ref={statusRef} tabIndex={-1} aria-live="polite" className="outline-none empty:hidden">
        {failed?.formError ? (
          <Alert variant="destructive" data-testid="form-error">
            <AlertCircle aria-hidden />
            <AlertDescription>
              {tErrors.has(failed.formError) ? tErrors(failed.formError) : tErrors("generic")}
            </AlertDescription>
          </Alert>
        ) : null}
        {state?.ok ? (
          <Alert data-testid="profile-saved" className="border-routine/40 bg-routine/5">
            <CheckCircle2 aria-hidden className="text-routine" />
            <AlertTitle>{t("saved")}</AlertTitle>
            {welcome ? (
              <AlertDescription>
                <p>{t("savedNext")}</p>
                <ReportEpisodeLink size="sm" className="mt-2">
                  {t("welcome.cta")}
                </ReportEpisodeLink>
              </AlertDescription>
            ) : null}
          </Alert>
        ) : null}
      </div>

      <section
        aria-labelledby="profile-about"
        className="bg-card grid gap-5 rounded-xl border p-5 shadow-sm sm:p-6"
      >
        <div>
          <h2 id="profile-about" className="text-lg font-semibold">
            {t("sections.about")}
          </h2>
          <p className="text-muted-foreground text-sm">{t("sections.aboutHint")}</p>
        </div>
        <div className="grid gap-5 sm:max-w-xs">
          <TextField
            name="dateOfBirth"
            type="date"
            label={t("fields.dateOfBirth")}
            autoComplete="bday"
            required
            min="1900-01-01"
            max={today}
            defaultValue={values.dateOfBirth}
            error={err("dateOfBirth")}
          />
        </div>
        <SexField defaultValue={values.sex} error={err("sex")} />
      </section>

      <ContactSection
        values={values}
        errors={{
          phone: err("phone"),
          emergencyContactName: err("emergencyContactName"),
          emergencyContactRelation: err("emergencyContactRelation"),
          emergencyContactPhone: err("emergencyContactPhone"),
        }}
      />

      <ConditionsSection defaultChecked={values.conditions} error={err("conditions")}>
        <TextAreaOther
          name="conditionsOther"
          label={t("fields.conditionsOther")}
          hint={t("fields.otherHint", { max: PROFILE_TEXT_MAX })}
          defaultValue={values.conditionsOther}
          error={err("conditionsOther")}
        />
      </ConditionsSection>

      <MedicinesSection defaultChecked={values.medicines} error={err("medicines")}>
        <TextAreaOther
          name="medicinesOther"
          label={t("fields.medicinesOther")}
          hint={t("fields.medicinesOtherHint", { max: PROFILE_TEXT_MAX })}
          defaultValue={values.medicinesOther}
          error={err("medicinesOther")}
        />
      </MedicinesSection>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" size="lg" disabled={pending} data-testid="profile-save">
          {pending ? tCommon("saving") : t("save")}
        </Button>
        <p className="text-muted-foreground text-sm">{t("privacy")}</p>
      </div>
    </form>
  );
}

function TextAreaOther(props: {
  name: string;
  label: string;
  hint: string;
  defaultValue: string;
  error?: string;
}) {
  return (
    <TextAreaField
      name={props.name}
      label={props.label}
      description={props.hint}
      defaultValue={props.defaultValue}
      maxLength={PROFILE_TEXT_MAX}
      rows={2}
      error={props.error}
    />
  );
}
