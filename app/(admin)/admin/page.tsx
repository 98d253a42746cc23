import { ShieldAlert, ScrollText, UserCog, Users, Stethoscope, UserPlus } from "lucide-react";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/common/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getAdminOverview } from "@/lib/dal/admin";
import { requireRole } from "@/lib/dal/session";

export async function generateMetadata() {
  const t = await getTranslations("admin.overview");
  return { title: t("title") };
}

function Stat({
  icon,
  label,
  value,
  detail,
}: {
  icon: ReactNode;
  label: string;
  value: ReactNode;
  detail?: string;
}) {
  return (
    <Card>
      <CardHeader className="flex flex-row items-center justify-between gap-2">
        <CardDescription>{label}</CardDescription>
        <span className="text-muted-foreground">{icon}</span>
      </CardHeader>
      <CardContent>
        <CardTitle className="text-3xl tabular-nums">{value}</CardTitle>
        {detail ? <p className="text-muted-foreground mt-1 text-sm">{detail}</p> : null}
      </CardContent>
    </Card>
  );
}

export default async function AdminHome() {
  const user = await requireRole("admin");
  const [o, t] = await Promise.all([getAdminOverview(user), getTranslations("admin.overview")]);
  const role = (r: keyof typeof o.accounts, label: string, icon: ReactNode) => (
    <Stat
      icon={icon}
      label={label}
      value={o.accounts[r].active}
      detail={`${t("active", { count: o.accounts[r].active })} · ${t("disabled", { count: o.accounts[r].disabled })}`}
    />
  );
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" data-testid="admin-overview">
        {role("patient", t("patients"), <Users aria-hidden className="size-5" />)}
        {role("doctor", t("doctors"), <Stethoscope aria-hidden className="size-5" />)}
        {role("admin", t("admins"), <UserCog aria-hidden className="size-5" />)}
        <Stat
          icon={<ShieldAlert aria-hidden className="size-5" />}
          label={t("failedSignIns")}
          value={o.failedSignIns24h}
        />
        <Stat icon={<ScrollText aria-hidden className="size-5" />} label={t("events")} value={o.events24h} />
        <Stat
          icon={<UserPlus aria-hidden className="size-5" />}
          label={t("selfRegistration")}
          value={o.selfRegistration ? t("open") : t("closed")}
        />
      </div>
    </>
  );
}
