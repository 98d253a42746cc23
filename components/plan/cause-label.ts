"use client";

import { useTranslations } from "next-intl";
import type { SuspectedCauseRef } from "@/lib/dto/causes";

/** A recorded cause in words: the doctor's own label for "other", else the vocabulary's name. */
export function useCauseLabel() {
  const t = useTranslations("plan.causes");
  const ts = useTranslations("plan.causeStatus");
  return (c: Pick<SuspectedCauseRef, "cause" | "label">, status?: SuspectedCauseRef["status"]) => {
    const name = c.cause === "other" ? (c.label ?? t("other")) : t(c.cause);
    return status ? `${name} (${ts(status)})` : name;
  };
}
