import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/common/page-header";
import { PatientSearchLink } from "@/components/case/patient-search-link";
import { QueryProvider } from "@/components/providers/query-provider";
import { QueueView } from "@/components/queue/queue-view";
import { listTriageQueue } from "@/lib/dal/queue";
import { requireRole } from "@/lib/dal/session";
import { parseQueueQuery } from "@/lib/validations/queue";

export async function generateMetadata() {
  const t = await getTranslations("doctor.queue");
  return { title: t("title") };
}

export default async function DoctorHome({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireRole("doctor");
  const query = parseQueueQuery(await searchParams);
  const [page, t] = await Promise.all([listTriageQueue(user, query), getTranslations("doctor.queue")]);
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} actions={<PatientSearchLink />} />
      <QueryProvider>
        <QueueView key={`${query.scope}-${query.level}-${query.page}`} query={query} initial={page} />
      </QueryProvider>
    </>
  );
}
