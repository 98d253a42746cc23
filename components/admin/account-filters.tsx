import Link from "next/link";
import { Search, X } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ROLES } from "@/lib/permissions";
import { ACCOUNT_STATUSES, UNASSIGNED, type AccountFilters as Filters } from "@/lib/validations/admin";
import { NativeSelect } from "./native-select";

/** A plain GET form: filters live in the URL, work without JavaScript, and the server pages in SQL. */
export async function AccountFilters({
  filters,
  doctors,
}: {
  filters: Filters;
  doctors: { id: string; name: string }[];
}) {
  const [t, tRoles] = await Promise.all([
    getTranslations("admin.users.filters"),
    getTranslations("common.roles"),
  ]);
  const active = Boolean(filters.q || filters.role || filters.status || filters.doctor);
  return (
    <form
      method="get"
      action="/admin/users"
      role="search"
      aria-label={t("label")}
      className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1.5fr_auto] lg:items-end"
      data-testid="account-filters"
    >
      <div className="grid gap-1.5">
        <Label htmlFor="filter-q">{t("search")}</Label>
        <Input
          id="filter-q"
          name="q"
          type="search"
          defaultValue={filters.q ?? ""}
          placeholder={t("searchHint")}
        />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="filter-role">{t("role")}</Label>
        <NativeSelect id="filter-role" name="role" defaultValue={filters.role ?? ""}>
          <option value="">{t("allRoles")}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {tRoles(r)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="filter-status">{t("status")}</Label>
        <NativeSelect id="filter-status" name="status" defaultValue={filters.status ?? ""}>
          <option value="">{t("allStatuses")}</option>
          {ACCOUNT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="filter-doctor">{t("doctor")}</Label>
        <NativeSelect id="filter-doctor" name="doctor" defaultValue={filters.doctor ?? ""}>
          <option value="">{t("anyDoctor")}</option>
          <option value={UNASSIGNED}>{t("unassigned")}</option>
          {doctors.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="flex gap-2">
        <Button type="submit" data-testid="apply-filters">
          <Search aria-hidden /> {t("apply")}
        </Button>
        {active ? (
          <Button asChild variant="ghost">
            <Link href="/admin/users">
              <X aria-hidden /> {t("clear")}
            </Link>
          </Button>
        ) : null}
      </div>
    </form>
  );
}
