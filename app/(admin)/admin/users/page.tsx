import Link from "next/link";
import { UserPlus, Users } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { AccountFilters } from "@/components/admin/account-filters";
import { accountsHref } from "@/components/admin/admin-href";
import { AdminPagination } from "@/components/admin/admin-pagination";
import { AccountsTable } from "@/components/admin/accounts-table";
import { EmptyState } from "@/components/common/empty-state";
import { PageHeader } from "@/components/common/page-header";
import { Button } from "@/components/ui/button";
import { listDoctorPanels } from "@/lib/dal/admin-assignment";
import { listAccounts } from "@/lib/dal/admin-users";
import { requireRole } from "@/lib/dal/session";
import { accountFiltersSchema, type SearchParams } from "@/lib/validations/admin";

export async function generateMetadata() {
  const t = await getTranslations("admin.users");
  return { title: t("title") };
}

export default async function AccountsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireRole("admin");
  const filters = accountFiltersSchema.parse(await searchParams);
  const [t, list, doctors] = await Promise.all([
    getTranslations("admin.users"),
    listAccounts(user, filters),
    listDoctorPanels(user),
  ]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("subtitle")}
        actions={
          <Button asChild>
            <Link href="/admin/users/new" data-testid="new-account">
              <UserPlus aria-hidden /> {t("new")}
            </Link>
          </Button>
        }
      />
      <AccountFilters filters={filters} doctors={doctors} />
      <p className="text-muted-foreground mb-3 text-sm" role="status">
        {t("count", { count: list.total })}
      </p>
      {list.accounts.length === 0 ? (
        <EmptyState icon={<Users aria-hidden className="size-8" />} title={t("empty")}>
          {t("emptyHint")}
        </EmptyState>
      ) : (
        <AccountsTable accounts={list.accounts} doctors={doctors} total={list.total} />
      )}
      <AdminPagination
        page={list.page}
        pageCount={list.pageCount}
        href={(page) => accountsHref({ ...filters, page })}
      />
    </>
  );
}
