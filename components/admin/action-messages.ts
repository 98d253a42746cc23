"use client";

import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/dto/action-result";

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

/**
 * Turns an admin action's typed failure into text: a specific admin.errors.<error>_<entity> message when there
 * is one ("conflict_last_admin"), else admin.errors.<error>; field errors are errors.<code> from the zod schema.
 */
export function useActionMessages() {
  const t = useTranslations("admin.errors");
  const tField = useTranslations("errors");
  return {
    formError(result: ActionResult<unknown> | null): string | undefined {
      if (!result || result.ok) return undefined;
      const specific = result.entity ? `${result.error}_${result.entity}` : "";
      if (specific && t.has(specific)) return t(specific);
      if (result.error === "invalid" && Object.keys(result.fieldErrors).length) return t("invalid_fields");
      return t.has(result.error) ? t(result.error) : t("failed");
    },
    fieldError(result: ActionResult<unknown> | null, field: string): string | undefined {
      if (!result || result.ok) return undefined;
      const r = result as Failure;
      if (r.entity === field && r.error === "conflict") return t(`conflict_${field}`);
      const code = r.fieldErrors[field];
      if (!code) return undefined;
      if (tField.has(code)) return tField(code);
      return t.has(code) ? t(code) : tField("invalid");
    },
  };
}
