"use client";

import { useTranslations } from "next-intl";

/** Translates an error code from the action (errors.<code>, or a key of the given namespace). */
export function useErrorText(namespace?: string) {
  const tErrors = useTranslations("errors");
  const tNs = useTranslations(namespace ?? "errors");
  return (code: string | undefined): string | undefined => {
    if (!code) return undefined;
    if (tErrors.has(code)) return tErrors(code);
    if (namespace && tNs.has(code)) return tNs(code);
    return tErrors("invalid");
  };
}

export function FieldErrorText({ id, children }: { id: string; children?: string }) {
  if (!children) return null;
  return (
    <p id={id} className="text-destructive text-sm font-medium">
      {children}
    </p>
  );
}
