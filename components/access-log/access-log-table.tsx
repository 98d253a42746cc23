import { ShieldAlert } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AccessLogEntry } from "@/lib/dal/access-log";
import { accessActionKey } from "./access-action";

export async function AccessLogTable({ entries, total }: { entries: AccessLogEntry[]; total: number }) {
  const [t, tRoles, format] = await Promise.all([
    getTranslations("access"),
    getTranslations("common.roles"),
    getFormatter(),
  ]);
  const now = new Date();
  return (
    <Card className="py-0">
      <Table data-testid="access-log">
        <caption className="sr-only">{t("caption", { count: total })}</caption>
        <TableHeader>
          <TableRow>
            <TableHead className="pl-4">{t("when")}</TableHead>
            <TableHead>{t("who")}</TableHead>
            <TableHead className="hidden sm:table-cell">{t("role")}</TableHead>
            <TableHead className="pr-4">{t("what")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map((e) => {
            const key = accessActionKey(e.action);
            const role = e.actorRole ? tRoles(e.actorRole) : t("unknownRole");
            return (
              <TableRow key={e.id} data-testid="access-entry" data-action={e.action}>
                <TableCell className="pl-4 align-top">
                  <time dateTime={e.at.toISOString()} className="grid">
                    <span>{format.dateTime(e.at, { dateStyle: "medium", timeStyle: "short" })}</span>
                    <span className="text-muted-foreground text-xs">{format.relativeTime(e.at, now)}</span>
                  </time>
                </TableCell>
                <TableCell className="align-top">
                  <span className="font-medium">{e.actorName ?? t("formerStaff")}</span>
                  <span className="text-muted-foreground block text-xs sm:hidden">{role}</span>
                </TableCell>
                <TableCell className="hidden align-top sm:table-cell">
                  <Badge variant="outline">{role}</Badge>
                </TableCell>
                <TableCell className="pr-4 align-top whitespace-normal">
                  {key === "breakGlass" ? (
                    <span className="grid gap-1">
                      <Badge variant="soon">
                        <ShieldAlert aria-hidden /> {t("emergency")}
                      </Badge>
                      <span>{t(`actions.${key}`)}</span>
                    </span>
                  ) : (
                    t(`actions.${key}`)
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Card>
  );
}
