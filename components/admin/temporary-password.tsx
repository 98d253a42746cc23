"use client";

import { useState } from "react";
import { Check, Copy, KeyRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Shown once, right after the action: the server keeps only the hash, so closing this loses it for good. */
export function TemporaryPassword({ password }: { password: string }) {
  const t = useTranslations("admin.password");
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(password).catch(() => undefined);
    setCopied(true);
  };
  return (
    <Alert data-testid="temporary-password-notice">
      <KeyRound aria-hidden />
      <AlertTitle>{t("title")}</AlertTitle>
      <AlertDescription className="grid gap-3">
        <p>{t("once")}</p>
        <div className="flex flex-wrap items-center gap-2">
          <code
            data-testid="temporary-password"
            className="bg-muted rounded-md px-3 py-1.5 font-mono text-base tracking-wider select-all"
          >
            {password}
          </code>
          <Button type="button" variant="outline" size="sm" onClick={copy}>
            {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
            {copied ? t("copied") : t("copy")}
          </Button>
        </div>
        <p>{t("mustChange")}</p>
      </AlertDescription>
    </Alert>
  );
}
