"use client";

import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { unstable_rethrow, useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
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
import type { PlanFormValues } from "@/lib/validations/plan";
import { PLAN_ITEMS_MAX, planItemToInput } from "@/lib/validations/plan-form";
import {
  itemScope,
  moveMap,
  moveRow,
  reindexErrors,
  removeMap,
  type PathErrors,
} from "@/lib/validations/plan-form-state";
import { PlanFormProvider, TextField, lazyModule, usePlanFormState, useErrorText } from "./form-fields";
import { newPlanItem } from "./new-item";
import { PlanItemFields } from "./plan-item-fields";
import { PublishDialog } from "./publish-dialog";

type Mode = "save" | "publish";

// The schemas (zod) load on the first save or publish, not with the page; the actions check the same ones.
const loadSchemas = lazyModule(() => import("@/lib/validations/plan"));

// React keys of the item rows: a row keeps its fields (and what was typed in them) when it moves.
let lastRowKey = 0;
const rowKey = () => `row-${++lastRowKey}`;

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
  const [busy, startSubmit] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const [addKind, setAddKind] = useState<PlanItemKind>("stretching_massage");
  // Publishing is done once: a second send of this form (retry, double click) gets the first version back.
  const publishKey = useIdempotencyKey();
  const form = usePlanFormState<PlanFormValues>(
    () => ({
      patientId: workspace.patientId,
      planId: draft?.id ?? null,
      summary: draft?.summary ?? "",
      internalNotes: draft?.internalNotes ?? "",
      items: draft?.items.map(planItemToInput) ?? [],
    }),
    itemScope,
  );
  const items = form.values.items ?? [];
  const [rowKeys, setRowKeys] = useState(() => items.map(rowKey));
  const records = new Map(draft?.items.map((i) => [i.id, i]) ?? []);
  const formRef = useRef<HTMLFormElement>(null);
  // Bumped when a check or the server refuses fields: the first one marked invalid gets the focus once rendered.
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    if (focusRequest) formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [focusRequest]);

  function showFieldErrors(errors: PathErrors) {
    form.setErrors(errors);
    setFormError(t("fixFields"));
    setFocusRequest((n) => n + 1);
  }

  function failed(result: Extract<ActionResult<unknown>, { ok: false }>) {
    if (Object.keys(result.fieldErrors).length) return showFieldErrors(result.fieldErrors);
    const key = `failure.${result.entity ?? result.error}`;
    setFormError(t.has(key) ? t(key) : t(`failure.${result.error}`));
  }

  const itemsOps = {
    add(kind: PlanItemKind) {
      form.update("items", (prev) => ({ ...prev, items: [...prev.items, newPlanItem(kind)] }));
      setRowKeys((keys) => [...keys, rowKey()]);
    },
    move(from: number, to: number) {
      form.update(
        "items",
        (prev) => ({ ...prev, items: moveRow(prev.items, from, to) }),
        (e) => reindexErrors(e, "items", moveMap(from, to)),
      );
      setRowKeys((keys) => moveRow(keys, from, to));
    },
    remove(index: number) {
      form.update(
        "items",
        (prev) => ({ ...prev, items: prev.items.filter((_, i) => i !== index) }),
        (e) => reindexErrors(e, "items", removeMap(index)),
      );
      setRowKeys((keys) => keys.filter((_, i) => i !== index));
    },
  };

  // Both buttons check the draft schema first; publishing then also needs a summary and an item (publishPlanSchema).
  const submit = (mode: Mode) =>
    startSubmit(async () => {
      setFormError(null);
      setPendingMode(mode);
      try {
        const schemas = await loadSchemas();
        const schema = mode === "save" ? schemas.planDraftSchema : schemas.publishPlanSchema;
        const errors = form.attempt((values) => schemas.schemaErrors(schema, values));
        if (Object.keys(errors).length) return showFieldErrors(errors);
        const values = form.current();
        if (mode === "save") {
          const result = await savePlanDraftAction(values);
          if (!result.ok) return failed(result);
          return router.refresh();
        }
        const result = await publishPlanAction({ ...values, idempotencyKey: publishKey.current() });
        if (!result.ok) return failed(result);
        publishKey.renew();
        router.push(`/doctor/patients/${workspace.patientId}/plan?published=${result.data.version}`);
        router.refresh();
      } catch (err) {
        // The schema or the action could not be reached (offline, a proxy's 503): the form keeps what was typed.
        unstable_rethrow(err);
        setFormError(t("failure.unavailable"));
      }
    });

  function discard() {
    if (!draft) return;
    startSubmit(async () => {
      setFormError(null);
      try {
        const result = await discardPlanDraftAction({ patientId: workspace.patientId, planId: draft.id });
        if (!result.ok) return failed(result);
        router.refresh();
      } catch (err) {
        unstable_rethrow(err);
        setFormError(t("failure.unavailable"));
      }
    });
  }

  const itemsError = form.errors["items"];
  return (
    <PlanFormProvider value={form.api}>
      <form
        ref={formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit("save");
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
            {t("items", { count: items.length })}
          </h3>
          {items.length === 0 ? (
            <p
              className="text-muted-foreground rounded-lg border border-dashed p-4 text-sm"
              data-testid="no-items"
            >
              {t("noItems")}
            </p>
          ) : null}
          <ol className="grid gap-4">
            {items.map((item, index) => {
              const kind = item.kind;
              const stored = item.id ? records.get(item.id) : undefined;
              const carried =
                stored?.referral && stored.referral.status !== "requested" ? stored.referral : null;
              return (
                <li key={rowKeys[index]} data-testid="plan-item-editor" data-kind={kind}>
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
                          onClick={() => itemsOps.move(index, index - 1)}
                        >
                          <ArrowUp aria-hidden />
                        </Button>
                        <Button
                          type="button"
                          variant="ghost"
                          size="icon"
                          disabled={index === items.length - 1}
                          aria-label={t("moveDown", { n: index + 1 })}
                          onClick={() => itemsOps.move(index, index + 1)}
                        >
                          <ArrowDown aria-hidden />
                        </Button>
                        <Button
                          type="button"
                          variant="ghost"
                          size="icon"
                          aria-label={t("remove", { n: index + 1, kind: tk(kind) })}
                          onClick={() => itemsOps.remove(index)}
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
              disabled={items.length >= PLAN_ITEMS_MAX}
              onClick={() => itemsOps.add(addKind)}
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
            onConfirm={() => submit("publish")}
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
    </PlanFormProvider>
  );
}
