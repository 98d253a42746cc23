import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MfaSection } from "@/components/account/mfa-section";
import { Card, CardContent, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { qrDataUrl } from "@/lib/auth/qr";
import { getClinicName } from "@/lib/dal/admin-settings";
import { beginEnrolment, getOwnMfaStatus } from "@/lib/dal/mfa";
import { requireUser } from "@/lib/dal/session";
import { ROLE_HOME } from "@/lib/permissions";

export async function generateMetadata() {
  const t = await getTranslations("mfa");
  return { title: t("securityTitle") };
}

/** Any signed-in user's security page: patients opt in to two-step verification here, staff may enrol early. */
export default async function AccountSecurityPage() {
  const user = await requireUser();
  const [t, status] = await Promise.all([getTranslations("mfa"), getOwnMfaStatus(user)]);
  let enrolment: { qrDataUrl: string; secret: string } | null = null;
  if (!status.enabled) {
    const { secret, uri } = await beginEnrolment(user, await getClinicName());
    enrolment = { secret, qrDataUrl: await qrDataUrl(uri) };
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h1 className="text-2xl">{t("securityTitle")}</h1>
        </CardTitle>
      </CardHeader>
      <CardContent>
        <MfaSection status={status} enrolment={enrolment} />
      </CardContent>
      <CardFooter className="justify-center">
        <Link href={ROLE_HOME[user.role]} className="text-primary text-sm underline-offset-4 hover:underline">
          {t("back")}
        </Link>
      </CardFooter>
    </Card>
  );
}
