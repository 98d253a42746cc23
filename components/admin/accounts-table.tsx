"use client";

import { useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ScrollTable } from "./scroll-table";
import { Label } from "@/components/ui/label";
import { TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { assignPatientsAction } from "@/app/(admin)/admin/users/actions";
import type { ActionResult } from "@/lib/dto/action-result";
import type { Locale, Role } from "@/lib/permissions";
import { useActionMessages } from "./action-messages";
import type { DoctorOption } from "./assignment-card";
import { FormAlert } from "./form-alert";
import { NativeSelect } from "./native-select";

/** The browser's own checkbox in the theme's colour (Radix's Checkbox cost this page ~3 kB of first-load JS). */
const CHECKBOX =
  "accent-primary focus-visible:ring-ring/70 size-4 cursor-pointer rounded-[4px] align-middle outline-none focus-visible:ring-[3px]";

export type AccountRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: "active" | "disabled";
  locale: Locale;
  mustChangePassword: boolean;
  lastLoginAt: Date | null;
  doctorName: string | null;
  panelSize: number | null;
};

/** The accounts page; patient rows can be selected and assigned to a doctor in one go. */
export function AccountsTable({
  accounts,
  doctors,
  total,
}: {
  accounts: AccountRow[];
  doctors: DoctorOption[];
  total: number;
}) {
  const t = useTranslations("admin.users");
  const tAssign = useTranslations("admin.assign");
  const tRoles = useTranslations("common.roles");
  const format = useFormatter();
  const messages = useActionMessages();
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [doctorId, setDoctorId] = useState("");
  const [result, setResult] = useState<ActionResult<{ changed: number }> | null>(null);
  const [pending, startTransition] = useTransition();
  const patients = accounts.filter((a) => a.role === "patient");
  const allSelected = patients.length > 0 && patients.every((p) => selected.has(p.id));

  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const assign = (target: string | null) =>
    startTransition(async () => {
      const r = await assignPatientsAction({ patientIds: [...selected], doctorId: target });
      setResult(r);
      if (r.ok) {
        setSelected(new Set());
        router.refresh();
      }
    });

  return (
    <div className="grid gap-3">
      <FormAlert
        error={messages.formError(result)}
        success={result?.ok ? tAssign("bulkDone", { count: result.data.changed }) : undefined}
      />
      {patients.length > 0 ? (
        <section
          aria-label={tAssign("bulkLabel")}
          className="bg-muted/40 flex flex-col gap-3 rounded-lg border p-3 sm:flex-row sm:flex-wrap sm:items-end"
          data-testid="bulk-assign"
        >
          <p className="text-sm font-medium sm:self-center" aria-live="polite">
            {tAssign("selected", { count: selected.size })}
          </p>
          <div className="grid gap-1.5">
            <Label htmlFor="bulk-doctor">{tAssign("doctor")}</Label>
            <NativeSelect
              id="bulk-doctor"
              className="sm:w-72"
              value={doctorId}
              onChange={(e) => setDoctorId(e.target.value)}
            >
              <option value="">{tAssign("choose")}</option>
              {doctors
                .filter((d) => d.status === "active")
                .map((d) => (
                  <option key={d.id} value={d.id}>
                    {tAssign("doctorOption", { name: d.name, count: d.panelSize })}
                  </option>
                ))}
            </NativeSelect>
          </div>
          <div className="flex gap-2">
            <Button
              disabled={pending || selected.size === 0 || !doctorId}
              onClick={() => assign(doctorId)}
              data-testid="bulk-assign-submit"
            >
              {tAssign("assignSelected")}
            </Button>
            <Button variant="outline" disabled={pending || selected.size === 0} onClick={() => assign(null)}>
              {tAssign("unassign")}
            </Button>
          </div>
        </section>
      ) : null}
      <Card className="py-0">
        <ScrollTable label={t("title")} data-testid="accounts-table">
          <caption className="sr-only">{t("caption", { count: total })}</caption>
          <TableHeader>
            <TableRow>
              <TableHead className="w-10 pl-4">
                {patients.length > 0 ? (
                  <input
                    type="checkbox"
                    className={CHECKBOX}
                    aria-label={tAssign("selectAll")}
                    checked={allSelected}
                    onChange={(e) =>
                      setSelected(e.target.checked ? new Set(patients.map((p) => p.id)) : new Set())
                    }
                  />
                ) : (
                  <span className="sr-only">{tAssign("select")}</span>
                )}
              </TableHead>
              <TableHead>{t("name")}</TableHead>
              <TableHead className="hidden sm:table-cell">{t("role")}</TableHead>
              <TableHead>{t("status")}</TableHead>
              <TableHead className="hidden md:table-cell">{t("doctorOrPanel")}</TableHead>
              <TableHead className="hidden pr-4 lg:table-cell">{t("lastSignIn")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {accounts.map((a) => (
              <TableRow key={a.id} data-testid="account-row" data-email={a.email}>
                <TableCell className="pl-4 align-top">
                  {a.role === "patient" ? (
                    <input
                      type="checkbox"
                      className={CHECKBOX}
                      aria-label={tAssign("selectOne", { name: a.name })}
                      checked={selected.has(a.id)}
                      onChange={(e) => toggle(a.id, e.target.checked)}
                    />
                  ) : null}
                </TableCell>
                <TableCell className="max-w-0 align-top whitespace-normal sm:max-w-none">
                  <Link
                    href={`/admin/users/${a.id}`}
                    className="text-primary font-medium break-words underline-offset-4 hover:underline"
                  >
                    {a.name}
                  </Link>
                  <span className="text-muted-foreground block text-xs break-all">{a.email}</span>
                  <span className="text-muted-foreground block text-xs sm:hidden">{tRoles(a.role)}</span>
                </TableCell>
                <TableCell className="hidden align-top sm:table-cell">
                  <Badge variant="outline">{tRoles(a.role)}</Badge>
                </TableCell>
                <TableCell className="align-top">
                  <Badge variant={a.status === "active" ? "secondary" : "destructive"}>
                    {t(`statuses.${a.status}`)}
                  </Badge>
                  {a.mustChangePassword ? (
                    <span className="text-muted-foreground mt-1 block text-xs">{t("temporaryPassword")}</span>
                  ) : null}
                </TableCell>
                <TableCell className="hidden align-top md:table-cell" data-testid="account-doctor">
                  {a.role === "patient"
                    ? (a.doctorName ?? <span className="text-muted-foreground">{t("unassigned")}</span>)
                    : a.role === "doctor"
                      ? t("panel", { count: a.panelSize ?? 0 })
                      : null}
                </TableCell>
                <TableCell className="hidden pr-4 align-top lg:table-cell">
                  {a.lastLoginAt
                    ? format.dateTime(a.lastLoginAt, { dateStyle: "medium", timeStyle: "short" })
                    : t("never")}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </ScrollTable>
      </Card>
    </div>
  );
}
