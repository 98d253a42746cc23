"use client";

import { useTranslations } from "next-intl";
import { FieldErrorText } from "@/components/forms/form-message";
import { NativeCheckbox } from "@/components/forms/native-checkbox";
import { BODY_SITES, type BodySite, type Side } from "@/lib/domain/report-fields";
import { cn } from "@/lib/utils";
import { isMidlineSite } from "@/lib/validations/report-limits";
import { describedBy, fieldIds } from "./field-ids";

export type PickedSite = { site: BodySite; side: Side | null };

/** Sites grouped the way people think of their body (a list is faster and more accessible than a figure). */
const REGIONS = [
  { key: "head_neck", sites: ["face", "eyelid", "jaw", "neck"] },
  { key: "arms_hands", sites: ["shoulder", "upper_arm", "forearm", "hand"] },
  { key: "trunk", sites: ["chest", "abdomen", "upper_back", "lower_back"] },
  { key: "legs_feet", sites: ["hip", "thigh", "knee", "calf", "foot"] },
] as const satisfies readonly { key: string; sites: readonly BodySite[] }[];

const LIMB_SIDES = ["left", "right", "both"] as const satisfies readonly Side[];

export function BodySitePicker({
  value,
  onChange,
  error,
  sideMissing = false,
}: {
  value: readonly PickedSite[];
  onChange: (sites: PickedSite[]) => void;
  /** The error's text, in the user's language. */
  error?: string;
  /** The error is about a missing side: point at the site rows that lack one. */
  sideMissing?: boolean;
}) {
  const t = useTranslations("report");
  const tf = useTranslations("fields");
  const ids = fieldIds("sites");

  const toggle = (site: BodySite, on: boolean) => {
    const rest = value.filter((s) => s.site !== site);
    const next = on ? [...rest, { site, side: isMidlineSite(site) ? ("midline" as const) : null }] : rest;
    onChange(BODY_SITES.flatMap((b) => next.filter((s) => s.site === b)));
  };
  const setSide = (site: BodySite, side: Side) =>
    onChange(value.map((s) => (s.site === site ? { site, side } : s)));

  return (
    <fieldset
      id={ids.id}
      aria-describedby={describedBy("sites", { hint: true, error })}
      data-testid="body-site-picker"
    >
      <legend id={ids.label} className="mb-1 text-[0.95rem] font-medium">
        {t("form.sites")}
      </legend>
      <p id={ids.hint} className="text-muted-foreground mb-3 text-sm">
        {t("sitePicker.hint")}
      </p>
      <div className="grid gap-3 lg:grid-cols-2">
        {REGIONS.map((region) => (
          <div
            key={region.key}
            role="group"
            aria-labelledby={`region-${region.key}`}
            className="bg-muted/30 rounded-xl border p-3"
          >
            <h3
              id={`region-${region.key}`}
              className="text-muted-foreground mb-2 px-1 text-xs font-semibold tracking-wide uppercase"
            >
              {t(`sitePicker.regions.${region.key}`)}
            </h3>
            <ul className="grid grid-cols-2 items-start gap-2">
              {region.sites.map((site) => {
                const picked = value.find((s) => s.site === site);
                const checkboxId = `${ids.id}-${site}`;
                return (
                  <li
                    key={site}
                    className={cn(
                      "bg-background rounded-lg border transition-colors",
                      picked && "border-primary bg-primary/5 dark:bg-primary/15",
                      // A limb site opens its side choice across the full row.
                      picked && picked.side !== "midline" && "col-span-2",
                    )}
                  >
                    <label
                      htmlFor={checkboxId}
                      className="flex min-h-12 cursor-pointer items-center gap-3 px-3 py-2 text-sm leading-tight font-medium"
                    >
                      <NativeCheckbox
                        id={checkboxId}
                        className="size-5 shrink-0"
                        checked={!!picked}
                        onChange={(e) => toggle(site, e.currentTarget.checked)}
                        aria-invalid={error && !sideMissing ? true : undefined}
                      />
                      {tf(`site.${site}`)}
                    </label>
                    {picked && picked.side === "midline" ? (
                      <p className="text-muted-foreground px-3.5 pb-2.5 text-xs">{t("sitePicker.midline")}</p>
                    ) : null}
                    {picked && picked.side !== "midline" ? (
                      <div
                        role="radiogroup"
                        aria-label={t("sitePicker.sideFor", { site: tf(`site.${site}`) })}
                        aria-invalid={sideMissing && !picked.side ? true : undefined}
                        aria-describedby={sideMissing && !picked.side ? ids.error : undefined}
                        className="grid grid-cols-3 gap-1.5 px-3 pb-3"
                        data-testid={`side-${site}`}
                      >
                        {LIMB_SIDES.map((side) => (
                          <label
                            key={side}
                            className="border-input bg-background hover:bg-accent has-[:focus-visible]:ring-ring/70 has-[:checked]:border-primary has-[:checked]:bg-primary has-[:checked]:text-primary-foreground has-[[data-invalid]]:border-destructive relative flex min-h-10 items-center justify-center rounded-md border px-1.5 py-1 text-center text-sm leading-tight font-medium transition-colors has-[:focus-visible]:ring-[3px]"
                          >
                            {/* Native radios: arrow keys move and check at once; the checked side is stored. */}
                            <input
                              type="radio"
                              name={`side-${site}`}
                              value={side}
                              checked={picked.side === side}
                              onChange={(e) => {
                                if (e.currentTarget.checked) setSide(site, side);
                              }}
                              aria-label={tf(`side.${side}`)}
                              data-invalid={sideMissing && !picked.side ? "" : undefined}
                              className="absolute inset-0 size-full cursor-pointer appearance-none rounded-md outline-none"
                            />
                            <span aria-hidden>{tf(`side.${side}`)}</span>
                          </label>
                        ))}
                      </div>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </div>
      <p className="text-muted-foreground mt-3 text-sm" aria-live="polite" data-testid="sites-count">
        {t("sitePicker.selected", { count: value.length })}
      </p>
      <div className="mt-1 empty:hidden">
        <FieldErrorText id={ids.error}>{error}</FieldErrorText>
      </div>
    </fieldset>
  );
}
