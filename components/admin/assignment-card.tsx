"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { assignPatientsAction } from "@/app/(admin)/admin/users/actions";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/dto/action-result";
import { useActionMessages } from "./action-messages";
import { FormAlert } from "./form-alert";
import { NativeSelect } from "./native-select";

export type DoctorOption = { id: string; name: string; panelSize: number; status: "active" | "disabled" };

/** Assign, reassign or unassign one patient; the doctor's queue and the patient's "My doctor" follow at once. */
export function AssignmentCard({
  patientId,
  doctorId,
  doctors,
}: {
  patientId: string;
  doctorId: string | null;
  doctors: DoctorOption[];
}) {
  const t = useTranslations("admin.assign");
  const messages = useActionMessages();
  const router = useRouter();
  const [choice, setChoice] = useState(doctorId ?? "");
  const [result, setResult] = useState<ActionResult<{ changed: number }> | null>(null);
  const [pending, startTransition] = useTransition();
  const submit = (target: string | null) =>
    startTransition(async () => {
      const r = await assignPatientsAction({ patientIds: [patientId], doctorId: target });
      setResult(r);
      if (r.ok) router.refresh();
    });
  const active = doctors.filter((d) => d.status === "active");
  return (
    <div className="grid gap-3" data-testid="assignment-card">
      <FormAlert error={messages.formError(result)} success={result?.ok ? t("saved") : undefined} />
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="grid gap-1.5">
          <Label htmlFor="assign-doctor">{t("doctor")}</Label>
          <NativeSelect
            id="assign-doctor"
            className="sm:w-72"
            value={choice}
            onChange={(e) => setChoice(e.target.value)}
          >
            <option value="">{t("choose")}</option>
            {active.map((d) => (
              <option key={d.id} value={d.id}>
                {t("doctorOption", { name: d.name, count: d.panelSize })}
              </option>
            ))}
          </NativeSelect>
        </div>
        <Button disabled={pending || !choice || choice === doctorId} onClick={() => submit(choice)}>
          {doctorId ? t("reassign") : t("assign")}
        </Button>
        {doctorId ? (
          <Button variant="outline" disabled={pending} onClick={() => submit(null)}>
            {t("unassign")}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
