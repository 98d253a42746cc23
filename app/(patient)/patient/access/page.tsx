import { Eye, Info } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { AccessLogPagination } from "@/components/access-log/access-log-pagination";
import { AccessLogTable } from "@/components/access-log/access-log-table";
import { EmptyState } from "@/components/common/empty-state";
import { PageHeader } from "@/components/common/page-header";
import { listOwnAccessLog } from "@/lib/dal/access-log";
import { requireRole } from "@/lib/dal/session";

export async function generateMetadata() {
  const t = await getTranslations("access");
  return { title: t("title") };
}

export default async function AccessLogPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireRole("patient");
  const { page } = await searchParams;
  const [log, t] = await Promise.all([
    listOwnAccessLog(user, { page: Number(page) || 1 }),
    getTranslations("access"),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <p className="text-muted-foreground mb-6 flex max-w-3xl gap-2 text-sm">
        <Info aria-hidden className="text-primary mt-0.5 size-4 shrink-0" />
        {t("explainer")}
      </p>
      {log.total === 0 ? (
        <EmptyState icon={<Eye aria-hidden className="size-8" />} title={t("empty.title")}>
          {t("empty.body")}
        </EmptyState>
      ) : (
        <>
          <AccessLogTable entries={log.entries} total={log.total} />
          <AccessLogPagination page={log.page} pageCount={log.pageCount} />
        </>
      )}
    </>
  );
}
