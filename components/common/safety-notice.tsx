import { Siren } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";

/** The clinical brief's safety wording: the portal is not an emergency service. */
export async function SafetyNotice({ title }: { title?: string }) {
  const t = await getTranslations("common");
  return (
    <Alert variant="warning" data-testid="safety-notice">
      <Siren aria-hidden />
      {title ? <AlertTitle>{title}</AlertTitle> : null}
      <AlertDescription>{t("notEmergency")}</AlertDescription>
    </Alert>
  );
}
