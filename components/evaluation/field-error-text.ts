"use client";

import { useTranslations } from "next-intl";

/** Message for an error code: the feature's own errors first, then the shared errors, then "invalid". */
export function useCodeMessage(namespace: "evaluation" | "causes") {
  const own = useTranslations(`${namespace}.errors`);
  const shared = useTranslations("errors");
  return (code: string | undefined): string | undefined => {
    if (!code) return undefined;
    if (own.has(code)) return own(code);
    if (shared.has(code)) return shared(code);
    return shared("invalid");
  };
}
