import Link from "next/link";
import { PlusCircle } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/common/page-header";
import { SafetyNotice } from "@/components/common/safety-notice";
import { Button } from "@/components/ui/button";
import { requireRole } from "@/lib/dal/session";

export default async function PatientHome() {
  const user = await requireRole("patient");
  const t = await getTranslations("patientHome");
  return (
    <div className="grid gap-6">
      <PageHeader
        title={t("title", { name: user.name.split(" ")[0] })}
        description={t("subtitle")}
        actions={
          <Button asChild size="lg">
            <Link href="/patient/reports/new">
              <PlusCircle aria-hidden /> {t("reportCta")}
            </Link>
          </Button>
        }
      />
      <SafetyNotice title={t("safetyTitle")} />
    </div>
  );
}
