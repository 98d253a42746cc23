import { SearchX, Users } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/common/empty-state";
import { PageHeader } from "@/components/common/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { searchPatients } from "@/lib/dal/patient-search";
import { requireRole } from "@/lib/dal/session";

export async function generateMetadata() {
  const t = await getTranslations("doctor.search");
  return { title: t("title") };
}

/** Clinic-wide search: name, age and doctor only. Opening someone else's patient asks to break the glass. */
export default async function SearchPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  const actor = await requireRole("doctor");
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 100) ?? "";
  const [results, t] = await Promise.all([searchPatients(actor, q), getTranslations("doctor.search")]);
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <form
        role="search"
        action="/doctor/search"
        className="mb-6 flex max-w-xl flex-col gap-2 sm:flex-row sm:items-end"
      >
        <div className="grid flex-1 gap-1.5">
          <Label htmlFor="patient-search">{t("label")}</Label>
          <Input
            id="patient-search"
            name="q"
            defaultValue={q}
            placeholder={t("placeholder")}
            autoComplete="off"
          />
        </div>
        <Button type="submit">{t("submit")}</Button>
      </form>
      {q.trim().length < 2 ? (
        <EmptyState icon={<Users aria-hidden className="size-8" />} title={t("hint")} />
      ) : results.length === 0 ? (
        <EmptyState icon={<SearchX aria-hidden className="size-8" />} title={t("none")} />
      ) : (
        <Card className="py-0">
          <Table data-testid="search-results">
            <caption className="sr-only">{t("caption", { count: results.length })}</caption>
            <TableHeader>
              <TableRow>
                <TableHead>{t("name")}</TableHead>
                <TableHead>{t("age")}</TableHead>
                <TableHead>{t("doctor")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {results.map((r) => (
                <TableRow key={r.id}>
                  <TableCell className="font-medium">
                    <Link href={`/doctor/patients/${r.id}`} className="underline-offset-4 hover:underline">
                      {r.name}
                    </Link>
                  </TableCell>
                  <TableCell>{r.age ?? "—"}</TableCell>
                  <TableCell>
                    {r.assignment === "mine" ? (
                      <Badge variant="secondary">{t("mine")}</Badge>
                    ) : r.assignment === "unassigned" ? (
                      <Badge variant="outline">{t("unassigned")}</Badge>
                    ) : (
                      r.assignedDoctorName
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {results.length >= 20 ? <p className="text-muted-foreground p-3 text-sm">{t("refine")}</p> : null}
        </Card>
      )}
    </>
  );
}
