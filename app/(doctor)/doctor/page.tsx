import { Inbox } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/common/empty-state";
import { PageHeader } from "@/components/common/page-header";
import { TriageBadge } from "@/components/triage/triage-badge";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listTriageQueue } from "@/lib/dal/queue";
import { requireRole } from "@/lib/dal/session";

export async function generateMetadata() {
  const t = await getTranslations("doctor.queue");
  return { title: t("title") };
}

export default async function DoctorHome() {
  const user = await requireRole("doctor");
  const [cases, t, tr, format] = await Promise.all([
    listTriageQueue(user),
    getTranslations("doctor.queue"),
    getTranslations("triage.reason"),
    getFormatter(),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      {cases.length === 0 ? (
        <EmptyState icon={<Inbox aria-hidden className="size-8" />} title={t("empty")} />
      ) : (
        <Card className="py-0">
          <Table data-testid="triage-queue">
            <caption className="sr-only">{t("count", { count: cases.length })}</caption>
            <TableHeader>
              <TableRow>
                <TableHead>{t("patient")}</TableHead>
                <TableHead>{t("level")}</TableHead>
                <TableHead className="hidden lg:table-cell">{t("reasons")}</TableHead>
                <TableHead className="text-right">{t("reports")}</TableHead>
                <TableHead>{t("waiting")}</TableHead>
                <TableHead className="hidden sm:table-cell">{t("assignment")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {cases.map((c) => (
                <TableRow key={c.patientId}>
                  <TableCell className="font-medium">{c.patientName}</TableCell>
                  <TableCell>
                    <TriageBadge level={c.level} />
                  </TableCell>
                  <TableCell className="text-muted-foreground hidden max-w-md text-sm whitespace-normal lg:table-cell">
                    {c.reasons.map((r) => tr(r)).join(" · ") || "—"}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{c.unreviewedCount}</TableCell>
                  <TableCell className="text-sm">{format.relativeTime(c.oldestUnreviewedAt)}</TableCell>
                  <TableCell className="hidden sm:table-cell">
                    <Badge variant={c.assignedToMe ? "secondary" : "outline"}>
                      {c.assignedToMe ? t("mine") : t("unassigned")}
                    </Badge>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
    </>
  );
}
