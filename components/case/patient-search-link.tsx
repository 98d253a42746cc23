import { Search } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";

export async function PatientSearchLink() {
  const t = await getTranslations("doctor.search");
  return (
    <Button asChild variant="outline">
      <Link href="/doctor/search">
        <Search aria-hidden />
        {t("open")}
      </Link>
    </Button>
  );
}
