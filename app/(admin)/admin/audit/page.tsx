import type { ReactNode } from "react";
import Link from "next/link";
import { ScrollText, ShieldAlert } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { auditHref } from "@/components/admin/admin-href";
import { AdminPagination } from "@/components/admin/admin-pagination";
import { AuditFilters } from "@/components/admin/audit-filters";
import { AuditTable } from "@/components/admin/audit-table";
import { BreakGlassTable } from "@/components/admin/break-glass-table";
import { EmptyState } from "@/components/common/empty-state";
import { PageHeader } from "@/components/common/page-header";
import { listAuditActions, listAuditEvents, listBreakGlassGrants } from "@/lib/dal/admin-audit";
import { requireRole } from "@/lib/dal/session";
import { cn } from "@/lib/utils";
import { auditFiltersSchema, breakGlassParamsSchema, type SearchParams } from "@/lib/validations/admin";

export async function generateMetadata() {
  const t = await getTranslations("admin.audit");
  return { title: t("title") };
}

function TabLink({ href, current, children }: { href: string; current: boolean; children: ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={cn(
        "inline-flex items-center gap-2 rounded-md px-3 py-1.5 text-sm font-medium outline-none focus-visible:ring-[3px]",
        current ? "bg-background text-foreground shadow-sm" : "text-muted-foreground hover:text-foreground",
      )}
    >
      {children}
    </Link>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireRole("admin");
  const params = await searchParams;
  const breakGlass = params.tab === "break-glass";
  const t = await getTranslations("admin.audit");
  const tabs = (
    <nav aria-label={t("tabsLabel")} className="bg-muted mb-4 inline-flex gap-1 rounded-lg p-1">
      <TabLink href="/admin/audit" current={!breakGlass}>
        <ScrollText aria-hidden className="size-4" /> {t("allTab")}
      </TabLink>
      <TabLink href="/admin/audit?tab=break-glass" current={breakGlass}>
        <ShieldAlert aria-hidden className="size-4" /> {t("breakGlassTabTitle")}
      </TabLink>
    </nav>
  );

  if (breakGlass) {
    const { page } = breakGlassParamsSchema.parse(params);
    const grants = await listBreakGlassGrants(user, { page });
    return (
      <>
        <PageHeader title={t("title")} description={t("breakGlassSubtitle")} />
        {tabs}
        {grants.rows.length === 0 ? (
          <EmptyState icon={<ShieldAlert aria-hidden className="size-8" />} title={t("noBreakGlass")} />
        ) : (
          <BreakGlassTable rows={grants.rows} total={grants.total} />
        )}
        <AdminPagination
          page={grants.page}
          pageCount={grants.pageCount}
          href={(p) => auditHref({ page: p }, "break-glass")}
        />
      </>
    );
  }

  const filters = auditFiltersSchema.parse(params);
  const [list, actions] = await Promise.all([listAuditEvents(user, filters), listAuditActions(user)]);
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      {tabs}
      <AuditFilters filters={filters} actions={actions} />
      <p className="text-muted-foreground mb-3 text-sm" role="status">
        {list.totalCapped ? t("countCapped", { count: list.total }) : t("count", { count: list.total })}
      </p>
      {list.rows.length === 0 ? (
        <EmptyState icon={<ScrollText aria-hidden className="size-8" />} title={t("empty")} />
      ) : (
        <AuditTable rows={list.rows} total={list.total} totalCapped={list.totalCapped} />
      )}
      <AdminPagination
        page={list.page}
        pageCount={list.pageCount}
        hasNext={list.hasNext}
        pageCountIsLowerBound={list.totalCapped}
        href={(p) => auditHref({ ...filters, page: p })}
      />
    </>
  );
}
