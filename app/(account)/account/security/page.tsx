import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { MfaSection } from "@/components/account/mfa-section";
import { PageHeader } from "@/components/common/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { qrDataUrl } from "@/lib/auth/qr";
import { getClinicName } from "@/lib/dal/admin-settings";
import { beginEnrolment, getOwnMfaStatus } from "@/lib/dal/mfa";
import { requireUser } from "@/lib/dal/session";

export async function generateMetadata() {
  const t = await getTranslations("mfa");
  return { title: t("securityTitle") };
}

/** Any signed-in user's two-step verification: patients opt in here, staff may enrol before the clinic requires it. */
export default async function AccountSecurityPage() {
  const user = await requireUser();
  const [t, status] = await Promise.all([getTranslations("mfa"), getOwnMfaStatus(user)]);
  let enrolment: { qrDataUrl: string; secret: string } | null = null;
  if (!status.enabled) {
    const { secret, uri } = await beginEnrolment(user, await getClinicName());
    enrolment = { secret, qrDataUrl: await qrDataUrl(uri) };
  }
  return (
    <>
      <Button asChild variant="ghost" size="sm" className="mb-2 -ml-2">
        <Link href="/account">
          <ArrowLeft aria-hidden /> {t("back")}
        </Link>
      </Button>
      <PageHeader title={t("securityTitle")} />
      <Card className="max-w-xl">
        <CardContent>
          <MfaSection status={status} enrolment={enrolment} />
        </CardContent>
      </Card>
    </>
  );
}
