"use client";

import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { FormProvider, get, useFieldArray, useForm } from "react-hook-form";
import {
  discardPlanDraftAction,
  publishPlanAction,
  savePlanDraftAction,
} from "@/app/(doctor)/doctor/patients/[id]/plan/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FieldError } from "@/components/ui/field";
import { useIdempotencyKey } from "@/components/forms/use-idempotency-key";
import { PLAN_ITEM_KINDS, type PlanItemKind } from "@/lib/domain/plans";
import type { ActionResult } from "@/lib/dto/action-result";
import type { PlanDetail, PlanWorkspace } from "@/lib/dto/plans";
import { lazyResolver } from "@/components/forms/lazy-resolver";
import type { PlanDraftInput, PlanFormValues } from "@/lib/validations/plan";
import { PLAN_ITEMS_MAX, planItemToInput } from "@/lib/validations/plan-form";
import { TextField, useErrorText } from "./form-fields";
import { newPlanItem } from "./new-item";
import { PlanItemFields } from "./plan-item-fields";
import { PublishDialog } from "./publish-dialog";

type Mode = "save" | "publish";

const loadSchemas = () => import("@/lib/validations/plan");
const planDraftResolver = lazyResolver<PlanFormValues, unknown, PlanDraftInput>(async () => {
  const [{ zodResolver }, { planDraftSchema }] = await Promise.all([
    import("@hookform/resolvers/zod"),
    loadSchemas(),
  ]);
  return zodResolver(planDraftSchema);
});

/** The draft editor: summary for the patient, internal notes, items of every kind; save, publish or discard. */
export function PlanEditor({ workspace, draft }: { workspace: PlanWorkspace; draft: PlanDetail | null }) {
  const t = useTranslations("plan.editor");
  const tk = useTranslations("plan.kinds");
  const tl = useTranslations("plan.locales");
  const tr = useTranslations("plan.referral.status");
  const format = useFormatter();
  const errorText = useErrorText();
  const router = useRouter();
  const [pendingMode, setPendingMode] = useState<Mode>("save");
  const [formError, setFormError] = useState<string | null>(null);
  const [addKind, setAddKind] = useState<PlanItemKind>("stretching_massage");
  // Publishing is done once: a second send of this form (retry, double click) gets the first version back.
  const publishKey = useIdempotencyKey();
  const form = useForm<PlanFormValues, unknown, PlanDraftInput>({
    resolver: planDraftResolver,
    defaultValues: {
      patientId: workspace.patientId,
      planId: draft?.id ?? null,
      summary: draft?.summary ?? "",
      internalNotes: draft?.internalNotes ?? "",
      items: draft?.items.map(planItemToInput) ?? [],
    },
  });
  const { fields, append, remove, move } = useFieldArray({
    control: form.control,
    name: "items",
    keyName: "key",
  });
  type Err = { message?: string } | undefined;
  const itemsError =
    (get(form.formState.errors, "items.root") as Err)?.message ??
    (get(form.formState.errors, "items") as Err)?.message;
  const records = new Map(draft?.items.map((i) => [i.id, i]) ?? []);

  function applyFailure(result: Extract<ActionResult<unknown>, { ok: false }>) {
    const entries = Object.entries(result.fieldErrors);
    for (const [path, code] of entries) form.setError(path as "summary", { message: code });
    if (entries.length) return setFormError(t("fixFields"));
    const key = `failure.${result.entity ?? result.error}`;
    setFormError(t.has(key) ? t(key) : t(`failure.${result.error}`));
  }

  // Both buttons validate the draft schema; publishing then also needs a summary and an item (publishPlanSchema).
  const submit = (m: Mode) =>
    form.handleSubmit(async (values) => {
      setFormError(null);
      setPendingMode(m);
      if (m === "save") {
        const result = await savePlanDraftAction(values);
        if (!result.ok) return applyFailure(result);
        return router.refresh();
      }
      const { publishPlanSchema } = await loadSchemas();
      const check = publishPlanSchema.safeParse(values);
      if (!check.success) {
        for (const issue of check.error.issues)
          form.setError(issue.path.join(".") as "summary", { message: issue.message }, { shouldFocus: true });
        return setFormError(t("fixFields"));
      }
      const result = await publishPlanAction({ ...values, idempotencyKey: publishKey.current() });
      if (!result.ok) return applyFailure(result);
      publishKey.renew();
      router.push(`/doctor/patients/${workspace.patientId}/plan?published=${result.data.version}`);
      router.refresh();
    })();

  async function discard() {
    if (!draft) return;
    const result = await discardPlanDraftAction({ patientId: workspace.patientId, planId: draft.id });
    if (!result.ok) return applyFailure(result);
    router.refresh();
  }

  const busy = form.formState.isSubmitting;
  return (
    <FormProvider {...form}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit("save");
        }}
        className="grid gap-6"
        data-testid="plan-editor"
        aria-labelledby="plan-editor-title"
      >
        <div className="flex flex-wrap items-center gap-2">
          <h2 id="plan-editor-title" className="text-lg font-semibold">
            {draft ? t("titleDraft", { version: draft.version }) : t("titleNew")}
          </h2>
          <Badge variant="outline">{t("draft")}</Badge>
          {draft ? (
            <span className="text-muted-foreground text-sm" data-testid="draft-saved-at">
              {t("savedAt", {
                date: format.dateTime(new Date(draft.updatedAt), { dateStyle: "medium", timeStyle: "short" }),
              })}
            </span>
          ) : null}
        </div>

        <Card>
          <CardContent className="grid gap-4">
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className="text-muted-foreground">{t("patientReads")}</span>
              <Badge variant="secondary" data-testid="patient-locale" lang={workspace.patientLocale}>
                {tl(workspace.patientLocale)}
              </Badge>
            </div>
            <TextField name="summary" multiline label={t("summary")} description={t("summaryHint")} />
            <TextField
              name="internalNotes"
              multiline
              label={t("internalNotes")}
              description={t("internalNotesHint")}
            />
          </CardContent>
        </Card>

        <section aria-labelledby="plan-items-title" className="grid gap-4">
          <h3 id="plan-items-title" className="font-semibold">
            {t("items", { count: fields.length })}
          </h3>
          {fields.length === 0 ? (
            <p
              className="text-muted-foreground rounded-lg border border-dashed p-4 text-sm"
              data-testid="no-items"
            >
              {t("noItems")}
            </p>
          ) : null}
          <ol className="grid gap-4">
            {fields.map((field, index) => {
              const kind = form.getValues(`items.${index}.kind`) as PlanItemKind;
              const stored = field.id ? records.get(field.id as string) : undefined;
              const carried =
                stored?.referral && stored.referral.status !== "requested" ? stored.referral : null;
              return (
                <li key={field.key} data-testid="plan-item-editor" data-kind={kind}>
                  <Card className="gap-4">
                    <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
                      <CardTitle>
                        <h4 className="text-base">
                          {index + 1}. {tk(kind)}
                        </h4>
                      </CardTitle>
                      <div className="flex gap-1">
                        <Button
                          type="button"
                          variant="ghost"
                          size="icon"
                          disabled={index === 0}
                          aria-label={t("moveUp", { n: index + 1 })}
                          onClick={() => move(index, index - 1)}
                        >
                          <ArrowUp aria-hidden />
                        </Button>
                        <Button
                          type="button"
                          variant="ghost"
                          size="icon"
                          disabled={index === fields.length - 1}
                          aria-label={t("moveDown", { n: index + 1 })}
                          onClick={() => move(index, index + 1)}
                        >
                          <ArrowDown aria-hidden />
                        </Button>
                        <Button
                          type="button"
                          variant="ghost"
                          size="icon"
                          aria-label={t("remove", { n: index + 1, kind: tk(kind) })}
                          onClick={() => remove(index)}
                        >
                          <Trash2 aria-hidden />
                        </Button>
                      </div>
                      {carried ? (
                        <p className="text-muted-foreground w-full text-sm">
                          {t("carriedReferral", { status: tr(carried.status) })}
                        </p>
                      ) : null}
                    </CardHeader>
                    <CardContent>
                      <PlanItemFields
                        index={index}
                        kind={kind}
                        causes={workspace.causes}
                        lastInjectionOn={workspace.lastInjectionOn}
                      />
                    </CardContent>
                  </Card>
                </li>
              );
            })}
          </ol>
          <div className="flex flex-wrap items-end gap-2">
            <div className="grid gap-1.5">
              <label htmlFor="plan-add-kind" className="text-sm font-medium">
                {t("addKind")}
              </label>
              <select
                id="plan-add-kind"
                value={addKind}
                onChange={(e) => setAddKind(e.target.value as PlanItemKind)}
                className="border-input focus-visible:ring-ring/70 h-9 rounded-md border bg-transparent px-3 text-sm outline-none focus-visible:ring-[3px]"
              >
                {PLAN_ITEM_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {tk(k)}
                  </option>
                ))}
              </select>
            </div>
            <Button
              type="button"
              variant="outline"
              disabled={fields.length >= PLAN_ITEMS_MAX}
              onClick={() => append(newPlanItem(addKind))}
              data-testid="add-item"
            >
              <Plus aria-hidden /> {t("add")}
            </Button>
          </div>
          <FieldError>{errorText(itemsError)}</FieldError>
        </section>

        <div role="status" aria-live="polite" className="min-h-5 text-sm">
          {formError ? <span className="text-destructive">{formError}</span> : null}
        </div>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="outline" disabled={busy} data-testid="save-draft">
            {busy && pendingMode === "save" ? t("saving") : t("save")}
          </Button>
          <PublishDialog
            disabled={busy}
            version={draft?.version ?? workspace.versions.length + 1}
            onConfirm={() => void submit("publish")}
          />
          {draft ? (
            <Button
              type="button"
              variant="ghost"
              disabled={busy}
              onClick={discard}
              data-testid="discard-draft"
            >
              {t("discard")}
            </Button>
          ) : null}
        </div>
      </form>
    </FormProvider>
  );
}
