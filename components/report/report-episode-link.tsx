import Link from "next/link";
import type { ComponentProps } from "react";
import { PlusCircle } from "lucide-react";
import { LinkPending } from "@/components/common/link-pending";
import { Button } from "@/components/ui/button";

export const NEW_REPORT_PATH = "/patient/reports/new";

/** The one call to action patients meet everywhere: report an episode. */
export function ReportEpisodeLink({ children, ...button }: Omit<ComponentProps<typeof Button>, "asChild">) {
  return (
    <Button asChild {...button}>
      <Link href={NEW_REPORT_PATH}>
        <LinkPending icon={<PlusCircle aria-hidden />} /> {children}
      </Link>
    </Button>
  );
}
