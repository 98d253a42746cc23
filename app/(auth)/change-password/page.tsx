import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { signOutAction } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { currentUser, userPendingPasswordChange } from "@/lib/dal/session";
import { ROLE_HOME } from "@/lib/permissions";

export async function generateMetadata() {
  const t = await getTranslations("passwordChange");
  return { title: t("title") };
}

/** Where a user signed in with a temporary password is held until they choose their own. */
export default async function ChangePasswordPage() {
  const pending = await userPendingPasswordChange();
  if (!pending) {
    const user = await currentUser();
    redirect(user ? ROLE_HOME[user.role] : "/login");
  }
  const t = await getTranslations("passwordChange");
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h1 className="text-2xl">{t("title")}</h1>
        </CardTitle>
        <CardDescription>{t("subtitle", { name: pending.name })}</CardDescription>
      </CardHeader>
      <CardContent>
        <ChangePasswordForm />
      </CardContent>
      <CardFooter className="justify-center">
        <form action={signOutAction}>
          <Button type="submit" variant="link" size="sm">
            {t("signOut")}
          </Button>
        </form>
      </CardFooter>
    </Card>
  );
}
