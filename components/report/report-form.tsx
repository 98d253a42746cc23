"use client";

import { startTransition, useActionState, useEffect, useMemo, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { unstable_rethrow, useRouter } from "next/navigation";
import { AlertCircle, History, Lock, Phone, Send } from "lucide-react";
import { createReportAction } from "@/app/(patient)/patient/reports/new/actions";
import { useErrorText } from "@/components/forms/form-message";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CONDITIONS, TRIGGERS, type Condition } from "@/lib/domain/report-fields";
import { IMPACT_LEVELS, PATTERN_OPTIONS, RELIEF_OPTIONS } from "@/lib/domain/triage";
import type { FieldErrors } from "@/lib/validations/common";
import type { ReportFormState } from "@/lib/validations/report";
import { REPORT_FIELDS, toLocalInputValue, type ReportField } from "@/lib/validations/report-limits";
import { BodySitePicker } from "./body-site-picker";
import { CheckboxCards, RadioCards } from "./choice-group";
import { focusField } from "./field-ids";
import { FormSection } from "./form-section";
import { NotesField } from "./notes-field";
import { PainScale } from "./pain-scale";
import { DRAFT_FIELD, draftToRaw, emptyDraft, type ReportDraft } from "./report-draft";
import { clearDraft, loadDraft, newIdempotencyKey, saveDraft } from "./report-draft-storage";
import { RedFlagField } from "./red-flag-field";
import { loadReportValidator, type ValidateReport } from "./report-validator";
import { OngoingFields, StartField } from "./when-fields";

/**
 * The action, with a network failure (a 503 from a proxy, a dropped connection) answered like a database outage:
 * the form stays on screen with the answers instead of the error page. Retrying is safe: the idempotency key
 * makes a report whose first attempt did reach the database come back instead of being stored twice.
 */
async function sendReport(prev: ReportFormState, formData: FormData): Promise<ReportFormState> {
  try {
    return await createReportAction(prev, formData);
  } catch (err) {
    unstable_rethrow(err);
    return { ok: false, fieldErrors: {}, formError: "unavailable" };
  }
}

/**
 * Rendered on the server, so the questions show at first paint; the controls stay disabled until hydration,
 * so nothing picked before React takes over can differ from what is stored. The start time defaults to
 * "now" in the browser's time zone, which only the browser knows: it is filled in once hydrated.
 */
export function ReportForm({
  profileConditions,
  draftOwner,
}: {
  profileConditions: Condition[];
  /** The signed-in patient's id: the draft kept in this tab is theirs alone. */
  draftOwner: string;
}) {
  const t = useTranslations("report");
  const td = useTranslations("reportDraft");
  const tc = useTranslations("common");
  const tf = useTranslations("fields");
  const errorText = useErrorText("report.errors");
  const router = useRouter();
  // Once stored, the result page opens (it clears the draft and says the report was sent), in the same history
  // entry order a redirect would give. The action answers the id only: a redirect would have Next render that
  // page, layouts included, into the action's answer, where this navigation renders the page segment alone.
  const [state, formAction, pending] = useActionState(
    async (prev: ReportFormState, formData: FormData): Promise<ReportFormState> => {
      const result = await sendReport(prev, formData);
      if (result?.ok) router.push(`/patient/reports/${result.id}?new=1`);
      return result;
    },
    null,
  );
  // Stored, and the result page is on its way: the button stays in its sending state until it shows.
  const sending = pending || state?.ok === true;
  const [stored, setDraft] = useState<ReportDraft>(() => emptyDraft(null));
  // The moment this form opened in the browser (null on the server and until the form is ready).
  const [openedAt, setOpenedAt] = useState<Date | null>(null);
  const hydrated = openedAt !== null;
  // An untouched start time means "now" as of opening, in the browser's time zone (unknown to the server).
  const draft: ReportDraft = useMemo(
    () =>
      stored.startedLocal === "" && openedAt
        ? { ...stored, startedLocal: toLocalInputValue(openedAt) }
        : stored,
    [stored, openedAt],
  );
  const [attempted, setAttempted] = useState(false);
  // The shared schema, once loaded (on the first change or submit): every change after an attempt re-runs it.
  const [validate, setValidate] = useState<ValidateReport | null>(null);
  // Fields edited since the last submit: the server's errors about them no longer apply.
  const [edited, setEdited] = useState<ReadonlySet<ReportField>>(new Set());
  // This form's idempotency key (kept with the draft, so a resubmission after a reload is still recognised).
  const [idempotencyKey, setIdempotencyKey] = useState("");
  const [restored, setRestored] = useState(false);
  const [touched, setTouched] = useState(false);

  // Once in the browser: note the opening time, bring back this patient's unsent answers or start a fresh form with
  // a new key, and enable the controls. One transition: React renders the whole form again in slices it can pause,
  // not in one long task after hydration (issue 8: a phone's main thread stays free for the patient's first tap).
  useEffect(() => {
    const saved = loadDraft(draftOwner);
    startTransition(() => {
      if (saved) {
        setDraft(saved.draft);
        setIdempotencyKey(saved.key);
        setRestored(true);
      } else {
        setIdempotencyKey(newIdempotencyKey());
      }
      setOpenedAt((at) => at ?? new Date());
    });
  }, [draftOwner]);

  // Every change is kept in this tab until the report is stored or the patient signs out.
  useEffect(() => {
    if (idempotencyKey && (touched || restored)) saveDraft(draftOwner, draft, idempotencyKey);
  }, [draftOwner, draft, idempotencyKey, touched, restored]);

  function startOver() {
    clearDraft(draftOwner);
    setDraft(emptyDraft(null));
    setIdempotencyKey(newIdempotencyKey());
    setRestored(false);
    setTouched(false);
    setAttempted(false);
    setEdited(new Set());
  }

  const raw = draftToRaw(draft);
  const failed = state && !state.ok ? state : null;
  const serverErrors = Object.fromEntries(
    Object.entries(failed?.fieldErrors ?? {}).filter(([k]) => !edited.has(k as ReportField)),
  ) as FieldErrors<ReportField>;
  // After the first attempt, every change re-runs the same schema as the server.
  const errors: FieldErrors<ReportField> = {
    ...serverErrors,
    ...(attempted && validate ? validate(raw) : {}),
  };
  const err = (field: ReportField) => errorText(errors[field]);

  // The server refused a field the browser accepted (say, a phone clock running fast): take the patient there.
  useEffect(() => {
    const first = state && !state.ok ? REPORT_FIELDS.find((f) => state.fieldErrors[f]) : undefined;
    if (first) focusField(first);
  }, [state]);

  function set<K extends keyof ReportDraft>(key: K, value: ReportDraft[K]) {
    setDraft((d) => ({ ...d, [key]: value }));
    setTouched(true);
    setEdited((prev) => new Set(prev).add(DRAFT_FIELD[key]));
    // Fetched while the patient answers, so the submit rarely waits for it.
    loadReportValidator().catch(() => {});
  }

  // Dispatched by hand rather than through <form action>: React resets a form after its action, and the
  // Radix radios and checkboxes answer a reset by dropping their value, so a refused report would lose answers.
  // The schema is loaded on first use; if it cannot be (the network went away), the server's check decides and the
  // action's failure shows as "unavailable", as before.
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setAttempted(true);
    const formData = new FormData(e.currentTarget);
    const submitted = raw;
    loadReportValidator().then(
      (validateNow) => {
        setValidate(() => validateNow);
        const found = validateNow(submitted);
        const first = REPORT_FIELDS.find((f) => found[f]);
        if (first) {
          requestAnimationFrame(() => focusField(first));
          return;
        }
        send(formData);
      },
      () => send(formData),
    );
  }

  function send(formData: FormData) {
    setEdited(new Set());
    startTransition(() => formAction(formData));
  }

  const label = (ns: string, value: string) => tf(`${ns}.${value}`);
  const options = <T extends string>(values: readonly T[], ns: string) =>
    values.map((value) => ({ value, label: label(ns, value) }));

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="[&_*]:scroll-mt-24"
      data-testid="report-form"
      data-ready={hydrated ? "true" : "false"}
      aria-busy={hydrated ? undefined : true}
    >
      {hydrated ? null : (
        <p role="status" className="sr-only">
          {tc("loading")}
        </p>
      )}
      <fieldset disabled={!hydrated} className="grid min-w-0 gap-6">
        <HiddenFields raw={raw} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />

        {restored ? (
          <Alert role="status" data-testid="draft-restored">
            <History aria-hidden />
            <AlertDescription className="text-foreground flex flex-wrap items-center justify-between gap-2">
              <span>{td("restored")}</span>
              <Button
                type="button"
                variant="outline"
                size="sm"
                onClick={startOver}
                data-testid="draft-discard"
              >
                {td("discard")}
              </Button>
            </AlertDescription>
          </Alert>
        ) : null}

        {/* The questions that decide triage and advice come first, one tap each; details are optional. */}
        <FormSection id="where" step={1} title={t("sections.where")}>
          <BodySitePicker
            value={draft.sites}
            onChange={(v) => set("sites", v)}
            error={err("sites")}
            sideMissing={errors.sites === "side_required"}
          />
        </FormSection>

        <FormSection id="now" step={2} title={t("sections.now")}>
          <OngoingFields
            draft={draft}
            set={set}
            errors={{ ongoing: err("ongoing"), durationMinutes: err("durationMinutes") }}
          />
          <PainScale value={draft.painScore} onChange={(v) => set("painScore", v)} error={err("painScore")} />
          <RedFlagField value={draft.redFlags} onChange={(v) => set("redFlags", v)} error={err("redFlags")} />
        </FormSection>

        <FormSection id="feeling" step={3} title={t("sections.feeling")}>
          <RadioCards
            name="relief"
            title={t("form.relief")}
            options={options(RELIEF_OPTIONS, "relief")}
            value={draft.relief}
            onChange={(v) => set("relief", v)}
            error={err("relief")}
          />
          <RadioCards
            name="pattern"
            title={t("form.pattern")}
            options={options(PATTERN_OPTIONS, "pattern")}
            value={draft.pattern}
            onChange={(v) => set("pattern", v)}
            error={err("pattern")}
            className="sm:grid-cols-1"
          />
        </FormSection>

        <FormSection id="daily" step={4} title={t("sections.daily")}>
          <RadioCards
            name="handImpact"
            title={t("form.handImpact")}
            options={options(IMPACT_LEVELS, "impact")}
            value={draft.handImpact}
            onChange={(v) => set("handImpact", v)}
            error={err("handImpact")}
          />
          <RadioCards
            name="walkingImpact"
            title={t("form.walkingImpact")}
            options={options(IMPACT_LEVELS, "impact")}
            value={draft.walkingImpact}
            onChange={(v) => set("walkingImpact", v)}
            error={err("walkingImpact")}
          />
        </FormSection>

        <FormSection id="details" step={5} title={t("sections.details")} hint={t("sections.detailsHint")}>
          <StartField draft={draft} set={set} openedAt={openedAt} error={err("startedAt")} />
          <CheckboxCards
            name="triggers"
            title={t("form.triggers")}
            hint={t("form.triggersHint")}
            options={options(TRIGGERS, "trigger")}
            values={draft.triggers}
            onChange={(v) => set("triggers", v)}
            error={err("triggers")}
          />
          <CheckboxCards
            name="conditions"
            title={t("form.conditions")}
            hint={t("form.conditionsHint")}
            options={CONDITIONS.map((c) => ({
              value: c,
              label: tf(`condition.${c}`),
              badge: profileConditions.includes(c) ? t("form.fromProfile") : undefined,
            }))}
            values={draft.conditions}
            locked={profileConditions}
            onChange={(v) =>
              set(
                "conditions",
                v.filter((c) => !profileConditions.includes(c)),
              )
            }
            error={err("conditions")}
          />
          <NotesField value={draft.notes} onChange={(v) => set("notes", v)} error={err("notes")} />
        </FormSection>

        {failed?.formError ? (
          <Alert variant="destructive" data-testid="form-error">
            <AlertCircle aria-hidden />
            <AlertDescription>
              <p>
                {/* The report's own wording (nothing sent, answers kept, when to call 15/112) over the generic one. */}
                {failed.formError === "unavailable" ? t("errors.unavailable") : errorText(failed.formError)}
              </p>
              {failed.formError === "unavailable" ? (
                // The portal cannot take the report right now: a patient in distress must still reach care.
                <div className="mt-3 flex flex-col gap-2 sm:flex-row" data-testid="unavailable-calls">
                  <Button asChild variant="destructive" size="lg" className="h-12 text-base">
                    <a href="tel:15">
                      <Phone aria-hidden /> {td("call15")}
                    </a>
                  </Button>
                  <Button asChild variant="outline" size="lg" className="h-12 text-base">
                    <a href="tel:112">
                      <Phone aria-hidden /> {td("call112")}
                    </a>
                  </Button>
                </div>
              ) : null}
            </AlertDescription>
          </Alert>
        ) : null}
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-muted-foreground flex items-center gap-2 text-sm">
            <Lock aria-hidden className="size-4 shrink-0" />
            {t("form.privacy")}
          </p>
          <Button
            type="submit"
            size="lg"
            className="h-12 w-full text-base sm:w-auto"
            disabled={sending}
            data-testid="submit-report"
          >
            <Send aria-hidden />
            {sending ? t("form.submitting") : t("form.submit")}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}

/**
 * What the action receives besides the native radios (which submit their own checked value): the draft in
 * the schema's raw shape, sites as JSON, the checkbox lists as repeated fields.
 */
function HiddenFields({ raw }: { raw: ReturnType<typeof draftToRaw> }) {
  const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));
  const repeated = (name: "triggers" | "conditions" | "redFlags") =>
    (raw[name] as string[]).map((v) => <input key={`${name}-${v}`} type="hidden" name={name} value={v} />);
  return (
    <>
      <input type="hidden" name="startedAt" value={str(raw.startedAt)} />
      <input type="hidden" name="durationMinutes" value={str(raw.durationMinutes)} />
      <input type="hidden" name="sites" value={JSON.stringify(raw.sites)} />
      {repeated("triggers")}
      {repeated("conditions")}
      {repeated("redFlags")}
    </>
  );
}
