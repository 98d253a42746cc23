"use client";

import { FilePenLine } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { revisePlanAction } from "@/app/(doctor)/doctor/patients/[id]/plan/actions";
import { Button } from "@/components/ui/button";

/** Starts a new draft version from the published plan (the published one stays until the revision is published). */
export function ReviseButton({ patientId }: { patientId: string }) {
  const t = useTranslations("plan.revise");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <div className="grid gap-1">
      <Button
        type="button"
        className="w-fit"
        disabled={pending}
        data-testid="revise-plan"
        onClick={() =>
          start(async () => {
            setFailure(null);
            const result = await revisePlanAction({ patientId });
            if (result.ok) router.refresh();
            else setFailure(result.error === "conflict" ? t("conflict") : t("failed"));
          })
        }
      >
        <FilePenLine aria-hidden /> {pending ? t("working") : t("button")}
      </Button>
      <p role="status" className="text-destructive min-h-5 text-sm">
        {failure}
      </p>
    </div>
  );
}
