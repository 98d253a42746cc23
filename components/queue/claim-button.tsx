"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { claimPatientAction } from "@/app/(doctor)/doctor/actions";
import { Button } from "@/components/ui/button";

/** One click: the unassigned patient becomes mine. If another doctor was faster, say so. */
export function ClaimButton({ patientId, patientName }: { patientId: string; patientName: string }) {
  const t = useTranslations("doctor.queue");
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, start] = useTransition();
  return (
    <Button
      size="sm"
      variant="outline"
      disabled={pending}
      aria-label={t("claimLabel", { name: patientName })}
      onClick={() =>
        start(async () => {
          const result = await claimPatientAction({ patientId });
          if (result.ok) toast.success(t("claimed", { name: patientName }));
          else toast.error(result.error === "conflict" ? t("claimConflict") : t("claimFailed"));
          await queryClient.invalidateQueries({ queryKey: ["doctor-queue"] });
          router.refresh();
        })
      }
    >
      {t("claim")}
    </Button>
  );
}
