import { ShieldAlert } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ScrollTable } from "./scroll-table";
import { TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AuditRow } from "@/lib/dal/admin-audit";
import { cn } from "@/lib/utils";

const OUTCOME_VARIANT = { success: "secondary", denied: "soon", failure: "destructive" } as const;

/** Who, what kind of thing, which patient, when, outcome, request id and IP. Break-glass rows stand out. */
export async function AuditTable({
  rows,
  total,
  totalCapped = false,
}: {
  rows: AuditRow[];
  total: number;
  totalCapped?: boolean;
}) {
  const [t, tRoles, format] = await Promise.all([
    getTranslations("admin.audit"),
    getTranslations("common.roles"),
    getFormatter(),
  ]);
  return (
    <Card className="py-0">
      <ScrollTable label={t("title")} data-testid="audit-table">
        <caption className="sr-only">
          {totalCapped ? t("captionCapped", { count: total }) : t("caption", { count: total })}
        </caption>
        <TableHeader>
          <TableRow>
            <TableHead className="pl-4">{t("when")}</TableHead>
            <TableHead>{t("who")}</TableHead>
            <TableHead>{t("what")}</TableHead>
            <TableHead className="hidden md:table-cell">{t("patient")}</TableHead>
            <TableHead className="hidden sm:table-cell">{t("outcome")}</TableHead>
            <TableHead className="hidden pr-4 lg:table-cell">{t("origin")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => {
            const breakGlass = r.action.includes("break_glass");
            return (
              <TableRow
                key={r.id}
                data-testid="audit-row"
                data-action={r.action}
                className={cn(breakGlass && "bg-soon/10")}
              >
                <TableCell className="pl-4 align-top">
                  <time dateTime={r.at.toISOString()}>
                    {format.dateTime(r.at, { dateStyle: "short", timeStyle: "medium" })}
                  </time>
                </TableCell>
                <TableCell className="align-top whitespace-normal">
                  <span className="font-medium break-words">{r.actorName ?? t("anonymous")}</span>
                  <span className="text-muted-foreground block text-xs break-all">
                    {r.actorRole ? tRoles(r.actorRole) : null}
                    {r.actorEmail ? ` · ${r.actorEmail}` : null}
                  </span>
                </TableCell>
                <TableCell className="align-top whitespace-normal">
                  {breakGlass ? (
                    <Badge variant="soon" className="mb-1">
                      <ShieldAlert aria-hidden /> {t("breakGlass")}
                    </Badge>
                  ) : null}
                  <code className="block text-xs break-all">{r.action}</code>
                  {r.entityType ? (
                    <span className="text-muted-foreground text-xs">{r.entityType}</span>
                  ) : null}
                  <span className="text-muted-foreground block text-xs md:hidden">{r.patientName}</span>
                  <span className="block text-xs sm:hidden">{t(`outcomes.${r.outcome}`)}</span>
                </TableCell>
                <TableCell className="hidden align-top whitespace-normal md:table-cell">
                  {r.patientName ?? <span className="text-muted-foreground">—</span>}
                </TableCell>
                <TableCell className="hidden align-top sm:table-cell">
                  <Badge variant={OUTCOME_VARIANT[r.outcome]}>{t(`outcomes.${r.outcome}`)}</Badge>
                </TableCell>
                <TableCell className="hidden pr-4 align-top text-xs lg:table-cell">
                  <span className="block">{r.ip ?? "—"}</span>
                  <span
                    className="text-muted-foreground block max-w-56 truncate"
                    title={r.userAgent ?? undefined}
                  >
                    {r.userAgent}
                  </span>
                  <code className="text-muted-foreground block">{r.requestId?.slice(0, 8)}</code>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </ScrollTable>
    </Card>
  );
}
