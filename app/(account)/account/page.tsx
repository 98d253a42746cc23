import { getTranslations } from "next-intl/server";
import { AccountEmailForm } from "@/components/account/change-email-form";
import { AccountPasswordForm } from "@/components/account/change-password-form";
import { SecurityLinkCard } from "@/components/account/security-link-card";
import { PageHeader } from "@/components/common/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/dal/session";

export async function generateMetadata() {
  const t = await getTranslations("account");
  return { title: t("title") };
}

/** Any role: the signed-in user's sign-in e-mail and password. */
export default async function AccountPage() {
  const user = await requireUser();
  const t = await getTranslations("account");
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <div className="grid max-w-xl gap-6">
        <Card>
          <CardHeader>
            <CardTitle>
              <h2 className="text-lg">{t("email.title")}</h2>
            </CardTitle>
            <CardDescription>{t("email.description", { email: user.email })}</CardDescription>
          </CardHeader>
          <CardContent>
            <AccountEmailForm />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>
              <h2 className="text-lg">{t("password.title")}</h2>
            </CardTitle>
            <CardDescription>{t("password.description")}</CardDescription>
          </CardHeader>
          <CardContent>
            <AccountPasswordForm />
          </CardContent>
        </Card>
        <SecurityLinkCard />
      </div>
    </>
  );
}
