import { getTranslations } from "next-intl/server";
import { SettingsForm } from "@/components/admin/settings-form";
import { StaffMfaSetting } from "@/components/admin/staff-mfa-setting";
import { PageHeader } from "@/components/common/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { getClinicSettings } from "@/lib/dal/admin-settings";
import { getOwnMfaStatus, isStaffMfaRequired } from "@/lib/dal/mfa";
import { requireRole } from "@/lib/dal/session";

export async function generateMetadata() {
  const t = await getTranslations("admin.settings");
  return { title: t("title") };
}

export default async function SettingsPage() {
  const user = await requireRole("admin");
  const [t, settings] = await Promise.all([getTranslations("admin.settings"), getClinicSettings(user)]);
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <Card>
        <CardContent>
          <SettingsForm
            initial={{ clinicName: settings.clinicName, selfRegistration: settings.selfRegistration }}
          />
        </CardContent>
      </Card>
      <Card className="mt-6">
        <CardContent>
          <StaffMfaSetting
            required={await isStaffMfaRequired()}
            selfEnrolled={(await getOwnMfaStatus(user)).enabled}
          />
        </CardContent>
      </Card>
    </>
  );
}
