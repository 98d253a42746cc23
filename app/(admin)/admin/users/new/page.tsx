import { getTranslations } from "next-intl/server";
import { CreateAccountForm } from "@/components/admin/create-account-form";
import { PageHeader } from "@/components/common/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { requireRole } from "@/lib/dal/session";

export async function generateMetadata() {
  const t = await getTranslations("admin.create");
  return { title: t("title") };
}

export default async function NewAccountPage() {
  await requireRole("admin");
  const t = await getTranslations("admin.create");
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <Card>
        <CardContent>
          <CreateAccountForm />
        </CardContent>
      </Card>
    </>
  );
}
