import Link from "next/link";
import { ShieldCheck } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** On /account: the way to two-step verification (/account/security). */
export async function SecurityLinkCard() {
  const t = await getTranslations("mfa");
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2 className="text-lg">{t("sectionTitle")}</h2>
        </CardTitle>
        <CardDescription>{t("sectionIntro")}</CardDescription>
      </CardHeader>
      <CardContent>
        <Button asChild variant="outline">
          <Link href="/account/security" data-testid="account-security-link">
            <ShieldCheck aria-hidden /> {t("manage")}
          </Link>
        </Button>
      </CardContent>
    </Card>
  );
}
