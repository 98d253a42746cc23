import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { isSelfRegistrationOpen } from "@/lib/dal/auth";
import { currentUser, userPendingMfa, userPendingPasswordChange } from "@/lib/dal/session";
import { ROLE_HOME } from "@/lib/permissions";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("signInTitle") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const user = await currentUser();
  if (user) redirect(ROLE_HOME[user.role]);
  if (await userPendingPasswordChange()) redirect("/change-password");
  if (await userPendingMfa()) redirect("/mfa");
  const [{ callbackUrl }, t, registrationOpen] = await Promise.all([
    searchParams,
    getTranslations("auth"),
    isSelfRegistrationOpen(),
  ]);
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h1 className="text-2xl">{t("signInTitle")}</h1>
        </CardTitle>
        <CardDescription>{t("signInSubtitle")}</CardDescription>
      </CardHeader>
      <CardContent>
        <LoginForm callbackUrl={callbackUrl} />
      </CardContent>
      {registrationOpen ? (
        <CardFooter className="text-muted-foreground justify-center gap-1 text-sm">
          {t("noAccount")}
          <Link href="/register" className="text-primary font-medium underline-offset-4 hover:underline">
            {t("createAccount")}
          </Link>
        </CardFooter>
      ) : null}
    </Card>
  );
}
