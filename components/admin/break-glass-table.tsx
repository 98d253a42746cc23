import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ScrollTable } from "./scroll-table";
import { TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { BreakGlassRow } from "@/lib/dal/admin-audit";

export async function BreakGlassTable({ rows, total }: { rows: BreakGlassRow[]; total: number }) {
  const [t, format] = await Promise.all([getTranslations("admin.audit.breakGlassTab"), getFormatter()]);
  const now = new Date();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
  return (
    <Card className="py-0">
      <ScrollTable label={t("title")} data-testid="break-glass-table">
        <caption className="sr-only">{t("caption", { count: total })}</caption>
        <TableHeader>
          <TableRow>
            <TableHead className="pl-4">{t("granted")}</TableHead>
            <TableHead>{t("doctor")}</TableHead>
            <TableHead>{t("patient")}</TableHead>
            <TableHead>{t("reason")}</TableHead>
            <TableHead className="pr-4">{t("expires")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.id} data-testid="break-glass-row">
              <TableCell className="pl-4 align-top">
                <time dateTime={r.createdAt.toISOString()}>{when(r.createdAt)}</time>
              </TableCell>
              <TableCell className="align-top whitespace-normal">{r.doctorName}</TableCell>
              <TableCell className="align-top whitespace-normal">{r.patientName}</TableCell>
              <TableCell className="min-w-48 align-top whitespace-normal">{r.reason}</TableCell>
              <TableCell className="pr-4 align-top">
                <time dateTime={r.expiresAt.toISOString()}>{when(r.expiresAt)}</time>
                {r.expiresAt > now ? (
                  <Badge variant="soon" className="mt-1 block w-fit">
                    {t("active")}
                  </Badge>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </ScrollTable>
    </Card>
  );
}
