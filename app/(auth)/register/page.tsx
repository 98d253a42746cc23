import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RegisterForm } from "@/components/auth/register-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { isSelfRegistrationOpen } from "@/lib/dal/auth";
import { currentUser } from "@/lib/dal/session";
import { ROLE_HOME } from "@/lib/permissions";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("registerTitle") };
}

export default async function RegisterPage() {
  const user = await currentUser();
  if (user) redirect(ROLE_HOME[user.role]);
  const [t, open] = await Promise.all([getTranslations("auth"), isSelfRegistrationOpen()]);
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h1 className="text-2xl">{t("registerTitle")}</h1>
        </CardTitle>
        <CardDescription>{t("registerSubtitle")}</CardDescription>
      </CardHeader>
      <CardContent>
        {open ? (
          <RegisterForm />
        ) : (
          <Alert>
            <AlertDescription>{t("registrationClosed")}</AlertDescription>
          </Alert>
        )}
      </CardContent>
      <CardFooter className="text-muted-foreground justify-center gap-1 text-sm">
        {t("haveAccount")}
        <Link href="/login" className="text-primary font-medium underline-offset-4 hover:underline">
          {t("signIn")}
        </Link>
      </CardFooter>
    </Card>
  );
}
