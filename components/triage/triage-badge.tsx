import { AlertOctagon, Clock, CheckCircle2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { TriageLevel } from "@/lib/domain/triage";

const ICON = { urgent: AlertOctagon, soon: Clock, routine: CheckCircle2 } as const;

export function TriageBadge({ level, className }: { level: TriageLevel; className?: string }) {
  const t = useTranslations("triage.level");
  const Icon = ICON[level];
  return (
    <Badge variant={level} className={className} data-testid="triage-badge" data-level={level}>
      <Icon aria-hidden />
      {t(level)}
    </Badge>
  );
}
