import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/(auth)/actions";
import { MfaEnrolForm, MfaVerifyForm } from "@/components/auth/mfa-forms";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { qrDataUrl } from "@/lib/auth/qr";
import { getClinicName } from "@/lib/dal/admin-settings";
import { beginEnrolment } from "@/lib/dal/mfa";
import { currentUser, userPendingMfa, userPendingPasswordChange } from "@/lib/dal/session";
import { ROLE_HOME } from "@/lib/permissions";

export async function generateMetadata() {
  const t = await getTranslations("mfa");
  return { title: t("title") };
}

/**
 * The second sign-in step. Only a session that passed the password step and still owes a code reaches it; until
 * it passes, every role page and action refuses the session (lib/dal/session.ts).
 */
export default async function MfaPage() {
  const pending = await userPendingMfa();
  if (!pending) {
    if (await userPendingPasswordChange()) redirect("/change-password");
    const user = await currentUser();
    redirect(user ? ROLE_HOME[user.role] : "/login");
  }
  const t = await getTranslations("mfa");
  const enrolment =
    pending.pending === "enrol" ? await beginEnrolment(pending.actor, await getClinicName()) : null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h1 className="text-2xl">{enrolment ? t("enrolTitle") : t("title")}</h1>
        </CardTitle>
        <CardDescription>{enrolment ? t("enrolSubtitle") : t("subtitle")}</CardDescription>
      </CardHeader>
      <CardContent>
        {enrolment ? (
          <MfaEnrolForm qrDataUrl={await qrDataUrl(enrolment.uri)} secret={enrolment.secret} />
        ) : (
          <MfaVerifyForm />
        )}
      </CardContent>
      <CardFooter className="justify-center">
        <form action={signOutAction}>
          <Button type="submit" variant="link" size="sm" data-testid="mfa-sign-out">
            {t("signOut")}
          </Button>
        </form>
      </CardFooter>
    </Card>
  );
}
