import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import { AccountAccessCard } from "@/components/admin/account-access-card";
import { AccountDetailsForm } from "@/components/admin/account-details-form";
import { AssignmentCard } from "@/components/admin/assignment-card";
import { EndSessionsCard } from "@/components/admin/end-sessions-card";
import { MfaResetCard } from "@/components/admin/mfa-reset-card";
import { PageHeader } from "@/components/common/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { listDoctorPanels } from "@/lib/dal/admin-assignment";
import { getAccount } from "@/lib/dal/admin-users";
import { hasMfaEnabled } from "@/lib/dal/mfa";
import { requireRole } from "@/lib/dal/session";
import { isDalError } from "@/lib/errors";
import { uuidSchema } from "@/lib/validations/common";

export async function generateMetadata() {
  const t = await getTranslations("admin.account");
  return { title: t("title") };
}

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("admin");
  const id = uuidSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const account = await getAccount(user, id.data).catch((err) => {
    if (isDalError(err) && err.code === "not_found") notFound();
    throw err;
  });
  const [t, tRoles, format, doctors] = await Promise.all([
    getTranslations("admin.account"),
    getTranslations("common.roles"),
    getFormatter(),
    account.role === "patient" ? listDoctorPanels(user) : Promise.resolve([]),
  ]);
  const statusLabel = t(`statuses.${account.status}`);
  return (
    <>
      <Button asChild variant="ghost" size="sm" className="mb-2 -ml-2">
        <Link href="/admin/users">
          <ArrowLeft aria-hidden /> {t("back")}
        </Link>
      </Button>
      <PageHeader title={account.name} description={account.email} />
      <div className="mb-6 flex flex-wrap gap-2" data-testid="account-badges">
        <Badge variant="outline">{tRoles(account.role)}</Badge>
        <Badge variant={account.status === "active" ? "secondary" : "destructive"}>{statusLabel}</Badge>
        {account.mustChangePassword ? <Badge variant="outline">{t("temporaryPassword")}</Badge> : null}
        <span className="text-muted-foreground text-sm">
          {account.lastLoginAt
            ? t("lastSignIn", {
                when: format.dateTime(account.lastLoginAt, { dateStyle: "medium", timeStyle: "short" }),
              })
            : t("neverSignedIn")}
        </span>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>{t("detailsTitle")}</h2>
            </CardTitle>
            <CardDescription>{t("detailsHint")}</CardDescription>
          </CardHeader>
          <CardContent>
            <AccountDetailsForm
              userId={account.id}
              initial={{ name: account.name, email: account.email, locale: account.locale }}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>{t("accessTitle")}</h2>
            </CardTitle>
            <CardDescription>{t("accessHint")}</CardDescription>
          </CardHeader>
          <CardContent>
            <AccountAccessCard
              account={{
                id: account.id,
                name: account.name,
                role: account.role,
                status: account.status,
                isSelf: account.id === user.id,
              }}
            />
            <div className="mt-6 border-t pt-5">
              <MfaResetCard userId={account.id} enabled={await hasMfaEnabled(user, account.id)} />
            </div>
            {account.id !== user.id ? (
              <div className="mt-6 border-t pt-5">
                <EndSessionsCard userId={account.id} />
              </div>
            ) : null}
          </CardContent>
        </Card>
        {account.role === "patient" ? (
          <Card className="lg:col-span-2">
            <CardHeader>
              <CardTitle>
                <h2>{t("assignmentTitle")}</h2>
              </CardTitle>
              <CardDescription data-testid="current-doctor">
                {account.doctorName ? t("assignedTo", { name: account.doctorName }) : t("notAssigned")}
              </CardDescription>
            </CardHeader>
            <CardContent>
              <AssignmentCard patientId={account.id} doctorId={account.doctorId} doctors={doctors} />
            </CardContent>
          </Card>
        ) : null}
        {account.role === "doctor" ? (
          <Card className="lg:col-span-2">
            <CardHeader>
              <CardTitle>
                <h2>{t("panelTitle")}</h2>
              </CardTitle>
              <CardDescription>{t("panelSize", { count: account.panelSize ?? 0 })}</CardDescription>
            </CardHeader>
            <CardContent>
              <Button asChild variant="outline">
                <Link href={`/admin/users?doctor=${account.id}`}>{t("panelList")}</Link>
              </Button>
            </CardContent>
          </Card>
        ) : null}
      </div>
    </>
  );
}
