import Link from "next/link";
import { Download, Search, X } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { AUDIT_OUTCOMES, type AuditFilters as Filters } from "@/lib/validations/admin";
import { auditExportHref } from "./admin-href";
import { NativeSelect } from "./native-select";

/** GET form: the filters live in the URL, so the page, its pages and the CSV export all read the same ones. */
export async function AuditFilters({ filters, actions }: { filters: Filters; actions: string[] }) {
  const t = await getTranslations("admin.audit.filters");
  const active = Boolean(
    filters.actor || filters.patient || filters.action || filters.outcome || filters.from || filters.to,
  );
  return (
    <form
      method="get"
      action="/admin/audit"
      role="search"
      aria-label={t("label")}
      className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3"
      data-testid="audit-filters"
    >
      <div className="grid gap-1.5">
        <Label htmlFor="audit-actor">{t("actor")}</Label>
        <Input
          id="audit-actor"
          name="actor"
          defaultValue={filters.actor ?? ""}
          placeholder={t("personHint")}
        />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="audit-patient">{t("patient")}</Label>
        <Input
          id="audit-patient"
          name="patient"
          defaultValue={filters.patient ?? ""}
          placeholder={t("personHint")}
        />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="audit-action">{t("action")}</Label>
        <NativeSelect id="audit-action" name="action" defaultValue={filters.action ?? ""}>
          <option value="">{t("allActions")}</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="audit-outcome">{t("outcome")}</Label>
        <NativeSelect id="audit-outcome" name="outcome" defaultValue={filters.outcome ?? ""}>
          <option value="">{t("allOutcomes")}</option>
          {AUDIT_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`outcomes.${o}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="audit-from">{t("from")}</Label>
        <Input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ""} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="audit-to">{t("to")}</Label>
        <Input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ""} />
      </div>
      <div className="flex flex-wrap gap-2 sm:col-span-2 lg:col-span-3">
        <Button type="submit" data-testid="apply-audit-filters">
          <Search aria-hidden /> {t("apply")}
        </Button>
        {active ? (
          <Button asChild variant="ghost">
            <Link href="/admin/audit">
              <X aria-hidden /> {t("clear")}
            </Link>
          </Button>
        ) : null}
        <Button asChild variant="outline" className="sm:ml-auto">
          <a href={auditExportHref(filters)} download data-testid="export-csv">
            <Download aria-hidden /> {t("export")}
          </a>
        </Button>
      </div>
    </form>
  );
}
